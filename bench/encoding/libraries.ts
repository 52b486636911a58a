/** Each library reduced to the one question the benchmark asks: how many parts? */
import { getCharCount } from '@trt2/gsm-charset-utils';
import { SegmentedMessage } from 'sms-segments-calculator';
import { split } from 'split-sms';
import { analyzeMessage } from '../../lib/encoding';

export type LibraryName = 'lib/encoding' | 'lib/encoding (graphemes)' | '@trt2/gsm-charset-utils' | 'sms-segments-calculator' | 'split-sms';

export const PEERS: readonly LibraryName[] = ['@trt2/gsm-charset-utils', 'sms-segments-calculator', 'split-sms'];

const GRAPHEME_OPTIONS = { preserveGraphemes: true } as const;

export const COUNT_PARTS: Readonly<Record<LibraryName, (text: string) => number>> = {
	// Full analysis (nonGsm list included), not a parts-only shortcut.
	'lib/encoding': (text) => analyzeMessage(text).parts,
	'lib/encoding (graphemes)': (text) => analyzeMessage(text, GRAPHEME_OPTIONS).parts,
	'@trt2/gsm-charset-utils': (text) => getCharCount(text).msgCount,
	'sms-segments-calculator': (text) => new SegmentedMessage(text).segmentsCount,
	// `summary` is split-sms's counting mode: it skips building the part texts.
	'split-sms': (text) => split(text, { summary: true }).parts.length,
};
