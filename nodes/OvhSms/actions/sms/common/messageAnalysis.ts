import type { IDataObject } from 'n8n-workflow';
import type { GsmChange, MessageAnalysis } from '../../../../../lib/encoding';

/** The Maximum Parts a Send applies, and Estimate checks against, when none is set. */
export const DEFAULT_MAX_PARTS = 6;

/**
 * What the control panel's counter shows, as output fields: encoding, characters, SMS parts,
 * room left in the last part, and the characters that forced Unicode (the usual surprise:
 * one emoji or curly quote halves the room per part).
 */
export function analysisJson(
	text: string,
	analysis: MessageAnalysis,
	options: { stopClause: boolean; transliterations?: GsmChange[] },
): IDataObject {
	const forcing = [...new Set(analysis.nonGsm.map((c) => String.fromCodePoint(c.codePoint)))];
	return {
		text,
		encoding: analysis.encoding,
		characters: analysis.units,
		parts: analysis.parts,
		charactersPerPart: analysis.perPart,
		remainingInLastPart: analysis.remainingInPart,
		stopClause: options.stopClause,
		charactersForcingUnicode: forcing,
		...(options.transliterations?.length ? { transliterated: options.transliterations.map(({ from, to }) => ({ from, to })) } : {}),
	};
}
