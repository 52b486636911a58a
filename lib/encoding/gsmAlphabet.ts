/**
 * GSM 03.38 default alphabet and extension table (3GPP TS 23.038 §6.2.1 and §6.2.1.1),
 * as data, plus the cost table every counter in this folder reads.
 */

/** Septet order, 0x00 to 0x7F. 0x1B is the escape to the extension table, never a character. */
export const DEFAULT_BASIC_SEPTETS =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Default extension table: each of these costs ESC + code, two septets. */
export const DEFAULT_EXTENSION_CHARACTERS = '\f^{}\\[~]|€';

export const ESCAPE_SEPTET_POSITION = 0x1b;

/**
 * Cost of one UTF-16 code unit in GSM-7: 1 = basic table, 2 = extension table, NOT_GSM =
 * not representable. NOT_GSM is larger than any part, so a counting loop that watches its
 * running total cross the end of a part notices a non-GSM unit in that same rare branch
 * instead of testing every unit.
 */
export const BASIC = 1;
export const EXTENSION = 2;
export const NOT_GSM = 0xff;

/**
 * Builds a 64 K cost table over UTF-16 code units. Indexing a typed array by `charCodeAt`
 * is what keeps the counting loop free of regexes, maps and allocations.
 * Surrogates stay NOT_GSM: no astral character is in any GSM table.
 */
export function buildCostTable(basicSeptets: string, extensionCharacters: string): Uint8Array {
	const table = new Uint8Array(0x10000).fill(NOT_GSM);
	for (let i = 0; i < extensionCharacters.length; i++) {
		table[extensionCharacters.charCodeAt(i)] = EXTENSION;
	}
	// Basic wins when a character is in both tables (a national locking table may move an
	// extension character into the basic set).
	for (let i = 0; i < basicSeptets.length; i++) {
		if (i !== ESCAPE_SEPTET_POSITION) table[basicSeptets.charCodeAt(i)] = BASIC;
	}
	return table;
}

export const GSM_COST: Uint8Array = buildCostTable(DEFAULT_BASIC_SEPTETS, DEFAULT_EXTENSION_CHARACTERS);
