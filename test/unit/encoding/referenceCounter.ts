/**
 * A deliberately naive second implementation of the 3GPP counting rules, sharing no code or
 * table with lib/encoding: the alphabet is typed in again from the flat code point list of
 * TS 23.038 §6.2.1, and parts are filled item by item. Property tests compare the two.
 */
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const GSM_BASIC_CODE_POINTS: readonly number[] = [
	0x0a, 0x0d, ...range(0x20, 0x3f), 0x40, ...range(0x41, 0x5a), 0x5f, ...range(0x61, 0x7a),
	0xa1, 0xa3, 0xa4, 0xa5, 0xa7, 0xbf, 0xc4, 0xc5, 0xc6, 0xc7, 0xc9, 0xd1, 0xd6, 0xd8, 0xdc, 0xdf,
	0xe0, 0xe4, 0xe5, 0xe6, 0xe8, 0xe9, 0xec, 0xf1, 0xf2, 0xf6, 0xf8, 0xf9, 0xfc,
	0x393, 0x394, 0x398, 0x39b, 0x39e, 0x3a0, 0x3a3, 0x3a6, 0x3a8, 0x3a9,
];
export const GSM_EXTENSION_CODE_POINTS: readonly number[] = [0x0c, 0x5e, 0x7b, 0x7d, 0x5c, 0x5b, 0x7e, 0x5d, 0x7c, 0x20ac];

const basic = new Set(GSM_BASIC_CODE_POINTS);
const extension = new Set(GSM_EXTENSION_CODE_POINTS);

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

export function isGsmText(text: string): boolean {
	return codePointItems(text).every((item) => basic.has(item.codePointAt(0)!) || extension.has(item.codePointAt(0)!));
}

export function gsmUnits(item: string): number {
	return extension.has(item.codePointAt(0)!) ? 2 : 1;
}

function fill(items: string[], cost: (item: string) => number, perPart: number): number[] {
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

// The project's TypeScript lib (ES2021) predates the Intl.Segmenter typings.
type Segmenter = new (
	locales: undefined,
	options: { granularity: 'grapheme' },
) => { segment(text: string): Iterable<{ segment: string }> };
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
		if (!basic.has(codePoint) && !extension.has(codePoint)) found.push({ index, codePoint });
		index += item.length;
	}
	return found;
}
