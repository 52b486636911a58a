/**
 * OVHcloud writes one number several ways (`+33612345678` in replies, `0033612345678` in
 * paths, `33612345678` for senders and virtual numbers); users type them with spaces too.
 * Comparisons go through one key: the digits of the international number.
 */
export function phoneNumberKey(value: string): string {
	const compact = value.replace(/[\s().\-/]/g, '');
	const international = compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : compact;
	return /^\d+$/.test(international) ? international : compact.toLowerCase();
}

export function samePhoneNumber(a: string | null | undefined, b: string | null | undefined): boolean {
	if (!a || !b) return false;
	return phoneNumberKey(a) === phoneNumberKey(b);
}
