/**
 * Replacements that keep a text in GSM-7. "Safe" ones do not change what the reader
 * understands (typography, spacing, invisible characters, Unicode equivalents); "lossy" ones
 * drop accents or swap look-alike letters, which the user must allow explicitly.
 */

const SINGLE_QUOTE_LIKE = [0x0060, 0x00b4, 0x02bc, 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2039, 0x203a];
const DOUBLE_QUOTE_LIKE = [0x00ab, 0x00bb, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033];
const SPACES = [
	0x0009, 0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000,
];
const LINE_BREAKS = [0x0085, 0x2028, 0x2029];
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63];
/** Deleted wherever they are: they have no visible effect in an SMS. */
const INVISIBLE = [
	0x00ad, 0x180e, 0x200b, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

/**
 * Invisible only between characters that GSM-7 can carry: inside an emoji sequence they
 * join or style the emoji, so they are removed only where that cannot change anything.
 */
export const JOINERS_AND_SELECTORS = new Set<number>([
	0x200c, 0x200d, 0xfe00, 0xfe01, 0xfe02, 0xfe03, 0xfe04, 0xfe05, 0xfe06, 0xfe07, 0xfe08, 0xfe09, 0xfe0a, 0xfe0b, 0xfe0c, 0xfe0d, 0xfe0e,
	0xfe0f,
]);

function safeEntries(): Array<[number, string]> {
	const entries: Array<[number, string]> = [];
	for (const code of SINGLE_QUOTE_LIKE) entries.push([code, "'"]);
	for (const code of DOUBLE_QUOTE_LIKE) entries.push([code, '"']);
	for (const code of SPACES) entries.push([code, ' ']);
	for (const code of LINE_BREAKS) entries.push([code, '\n']);
	for (const code of DASHES) entries.push([code, '-']);
	for (const code of INVISIBLE) entries.push([code, '']);
	entries.push([0x2026, '...']);
	// Canonical singletons: NFC maps them to GSM letters.
	entries.push([0x2126, 'Ω'], [0x212b, 'Å'], [0x212a, 'K'], [0x037e, ';']);
	// Fullwidth ASCII (U+FF01–U+FF5E); the fullwidth grave accent becomes an apostrophe
	// like the ASCII one, which is not GSM either.
	for (let code = 0xff01; code <= 0xff5e; code++) {
		entries.push([code, code === 0xff40 ? "'" : String.fromCharCode(code - 0xfee0)]);
	}
	return entries;
}

export const SAFE_REPLACEMENTS: ReadonlyMap<number, string> = new Map(safeEntries());

/**
 * The same replacements as an index over UTF-16 units, so the analysis loop can attach a
 * replacement to each non-GSM character with one typed-array read.
 */
export const SAFE_REPLACEMENT_TEXTS: readonly string[] = ['', ...SAFE_REPLACEMENTS.values()];
export const SAFE_REPLACEMENT_INDEX: Uint8Array = (() => {
	const index = new Uint8Array(0x10000);
	let slot = 1;
	for (const code of SAFE_REPLACEMENTS.keys()) index[code] = slot++;
	if (slot > 0x100) throw new Error('safe replacement table outgrew its 8-bit index');
	return index;
})();

const GREEK_TO_GSM: Array<[string, string]> = [
	['Α', 'A'],
	['Β', 'B'],
	['Ε', 'E'],
	['Ζ', 'Z'],
	['Η', 'H'],
	['Ι', 'I'],
	['Κ', 'K'],
	['Μ', 'M'],
	['Ν', 'N'],
	['Ο', 'O'],
	['Ρ', 'P'],
	['Τ', 'T'],
	['Υ', 'Y'],
	['Χ', 'X'],
	['α', 'A'],
	['β', 'B'],
	['γ', 'Γ'],
	['δ', 'Δ'],
	['ε', 'E'],
	['ζ', 'Z'],
	['η', 'H'],
	['θ', 'Θ'],
	['ι', 'I'],
	['κ', 'K'],
	['λ', 'Λ'],
	['μ', 'M'],
	['ν', 'N'],
	['ξ', 'Ξ'],
	['ο', 'O'],
	['π', 'Π'],
	['ρ', 'P'],
	['σ', 'Σ'],
	['ς', 'Σ'],
	['τ', 'T'],
	['υ', 'Y'],
	['φ', 'Φ'],
	['χ', 'X'],
	['ψ', 'Ψ'],
	['ω', 'Ω'],
];

/**
 * Letters and symbols without a decomposition that would reach GSM-7. Accented letters
 * (á, À, ã, ş…) need no entry: they lose their marks through NFKD.
 */
export const LOSSY_REPLACEMENTS: ReadonlyMap<string, string> = new Map<string, string>([
	['ç', 'Ç'],
	['ı', 'i'],
	['ł', 'l'],
	['Ł', 'L'],
	['đ', 'd'],
	['Đ', 'D'],
	['ð', 'd'],
	['Ð', 'D'],
	['þ', 'th'],
	['Þ', 'Th'],
	['œ', 'oe'],
	['Œ', 'OE'],
	['ŋ', 'n'],
	['Ŋ', 'N'],
	['µ', 'u'],
	['©', '(c)'],
	['®', '(R)'],
	['×', 'x'],
	['÷', '/'],
	['\u2044', '/'],
	...GREEK_TO_GSM,
]);
