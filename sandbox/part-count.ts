/**
 * The sandbox's own count of parts and credits, sharing no code or table with lib/encoding
 * (the library under test): a bug in the nodes' counter must show as a credit mismatch in an
 * integration test, not be repeated by the emulator. A deliberately naive reading of 3GPP TS
 * 23.038 / 23.040: the alphabet typed in again from the flat code point list of §6.2.1, parts
 * filled code point by code point (an escape pair or a surrogate pair is never cut). It leaves
 * out national language tables and grapheme-preserving cuts (OVHcloud uses neither).
 */
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const GSM_BASIC_CODE_POINTS: readonly number[] = [
	0x0a,
	0x0d,
	...range(0x20, 0x3f),
	0x40,
	...range(0x41, 0x5a),
	0x5f,
	...range(0x61, 0x7a),
	0xa1,
	0xa3,
	0xa4,
	0xa5,
	0xa7,
	0xbf,
	0xc4,
	0xc5,
	0xc6,
	0xc7,
	0xc9,
	0xd1,
	0xd6,
	0xd8,
	0xdc,
	0xdf,
	0xe0,
	0xe4,
	0xe5,
	0xe6,
	0xe8,
	0xe9,
	0xec,
	0xf1,
	0xf2,
	0xf6,
	0xf8,
	0xf9,
	0xfc,
	0x393,
	0x394,
	0x398,
	0x39b,
	0x39e,
	0x3a0,
	0x3a3,
	0x3a6,
	0x3a8,
	0x3a9,
];
export const GSM_EXTENSION_CODE_POINTS: readonly number[] = [0x0c, 0x5e, 0x7b, 0x7d, 0x5c, 0x5b, 0x7e, 0x5d, 0x7c, 0x20ac];

const basic = new Set(GSM_BASIC_CODE_POINTS);
const extension = new Set(GSM_EXTENSION_CODE_POINTS);

/** The STOP mention OVHcloud appends to commercial SMS (11 characters). */
export const STOP_CLAUSE = '\nSTOP:36111';
/** Above this many parts a message is refused. */
export const MAX_PARTS = 255;

export interface PartCount {
	encoding: 'GSM-7' | 'UCS-2';
	/** Septets (GSM-7, an extension character counts 2) or UTF-16 units (UCS-2). */
	units: number;
	unitsPerPart: number[];
	parts: number;
	/** 160/153 (GSM-7) or 70/67 (UCS-2), as `POST /sms/estimate` reports it. */
	perPart: number;
}

export function isGsmText(text: string): boolean {
	return Array.from(text).every((item) => basic.has(item.codePointAt(0)!) || extension.has(item.codePointAt(0)!));
}

export function gsmUnits(item: string): number {
	return extension.has(item.codePointAt(0)!) ? 2 : 1;
}

/** Fills parts of `perPart` units item by item: an item never straddles two parts. */
export function fillParts(items: string[], cost: (item: string) => number, perPart: number): number[] {
	const parts: number[] = [];
	let current = 0;
	for (const item of items) {
		if (current + cost(item) > perPart) {
			parts.push(current);
			current = 0;
		}
		current += cost(item);
	}
	parts.push(current);
	return parts;
}

/** Parts of the text as sent (`stopClause`: the STOP mention is appended first). */
export function countParts(message: string, options: { stopClause?: boolean } = {}): PartCount {
	const sent = options.stopClause ? message + STOP_CLAUSE : message;
	const items = Array.from(sent);
	if (isGsmText(sent)) {
		const units = items.reduce((sum, item) => sum + gsmUnits(item), 0);
		const unitsPerPart = units <= 160 ? [units] : fillParts(items, gsmUnits, 153);
		return { encoding: 'GSM-7', units, unitsPerPart, parts: unitsPerPart.length, perPart: units <= 160 ? 160 : 153 };
	}
	const units = sent.length;
	const unitsPerPart = units <= 70 ? [units] : fillParts(items, (item) => item.length, 67);
	return { encoding: 'UCS-2', units, unitsPerPart, parts: unitsPerPart.length, perPart: units <= 70 ? 70 : 67 };
}
