/** Virtual numbers are listed as `33612345678`; accept `+33…` and `0033…` too. */
export function virtualNumberKey(number: string): string {
	const compact = number.replace(/[\s.\-()]/g, '');
	if (compact.startsWith('+')) return compact.slice(1);
	if (compact.startsWith('00')) return compact.slice(2);
	return compact;
}
