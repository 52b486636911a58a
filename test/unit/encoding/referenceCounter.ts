/**
 * A deliberately naive second implementation of the 3GPP counting rules, sharing no code or
 * table with lib/encoding: the sandbox's own counter (sandbox/part-count.ts, the alphabet typed
 * in again from TS 23.038 §6.2.1, parts filled item by item), plus grapheme-preserving cuts and
 * per-character reports. Property tests compare the two.
 */
import { fillParts as fill, gsmUnits, isGsmText } from '../../../sandbox/part-count';

export { GSM_BASIC_CODE_POINTS, GSM_EXTENSION_CODE_POINTS, gsmUnits, isGsmText } from '../../../sandbox/part-count';

export interface ReferenceCount {
	encoding: 'GSM-7' | 'UCS-2';
	units: number;
	unitsPerPart: number[];
}

export interface ReferenceOptions {
	suffix?: string;
	gsmMulti?: number;
	ucs2Multi?: number;
	keepGraphemes?: boolean;
}

/** Items that may not be cut: one code point (lone surrogates are their own item). */
function codePointItems(text: string): string[] {
	return Array.from(text);
}

// The project's TypeScript lib (ES2021) predates the Intl.Segmenter typings.
type Segmenter = new (locales: undefined, options: { granularity: 'grapheme' }) => { segment(text: string): Iterable<{ segment: string }> };
const { Segmenter } = Intl as unknown as { Segmenter: Segmenter };

/** Grapheme clusters as items, except that a cluster longer than a part is cut per code point. */
function graphemeItems(text: string, perPart: number): string[] {
	const segmenter = new Segmenter(undefined, { granularity: 'grapheme' });
	const items: string[] = [];
	for (const { segment } of segmenter.segment(text)) {
		if (segment.length > perPart) items.push(...codePointItems(segment));
		else items.push(segment);
	}
	return items;
}

export function referenceCount(text: string, options: ReferenceOptions = {}): ReferenceCount {
	const sent = text + (options.suffix ?? '');
	if (isGsmText(sent)) {
		const items = codePointItems(sent);
		const units = items.reduce((sum, item) => sum + gsmUnits(item), 0);
		return {
			encoding: 'GSM-7',
			units,
			unitsPerPart: units <= 160 ? [units] : fill(items, gsmUnits, options.gsmMulti ?? 153),
		};
	}
	const perPart = options.ucs2Multi ?? 67;
	const units = sent.length;
	if (units <= 70) return { encoding: 'UCS-2', units, unitsPerPart: [units] };
	const items = options.keepGraphemes ? graphemeItems(sent, perPart) : codePointItems(sent);
	return { encoding: 'UCS-2', units, unitsPerPart: fill(items, (item) => item.length, perPart) };
}

/** Units of one part's text in the given encoding. */
export function unitsOf(text: string, encoding: 'GSM-7' | 'UCS-2'): number {
	return encoding === 'UCS-2' ? text.length : codePointItems(text).reduce((sum, item) => sum + gsmUnits(item), 0);
}

/** Every code point that forces UCS-2, with its UTF-16 index. */
export function referenceNonGsm(text: string): Array<{ index: number; codePoint: number }> {
	const found: Array<{ index: number; codePoint: number }> = [];
	let index = 0;
	for (const item of codePointItems(text)) {
		const codePoint = item.codePointAt(0)!;
		if (!isGsmText(item)) found.push({ index, codePoint });
		index += item.length;
	}
	return found;
}
