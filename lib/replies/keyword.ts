/**
 * The keyword of a reply is its first word, as customers type it: "yes!", " Stop.", "Oui ".
 * Punctuation around it is dropped and the case is folded, so a workflow can branch on
 * "YES" or "STOP" without guessing what the handset sent.
 */

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** "yes!" → "YES", "  stop." → "STOP", "Arrêt" → "ARRÊT", "" when the message has no word. */
export function extractKeyword(message: string): string {
	const firstToken = message.normalize('NFC').trim().split(/\s+/u)[0] ?? '';
	return firstToken.replace(EDGE_PUNCTUATION, '').toUpperCase();
}

/**
 * The form keywords are compared in: upper case without accents, so "arret", "ARRÊT" and
 * "Arrêt" are one keyword (French customers write STOP words both ways).
 */
export function foldKeyword(keyword: string): string {
	return keyword
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.replace(EDGE_PUNCTUATION, '')
		.toUpperCase();
}
