/**
 * Calling codes and national dialling rules for the countries OVHcloud sells SMS in, their
 * neighbours, and the French overseas departments. A deliberately small table: numbers of
 * other countries are accepted in international form (`+…`, `00…`) with only the E.164
 * length check, and a national number of another country cannot be completed.
 */

export interface CountryDialling {
	/** ISO 3166-1 alpha-2. */
	code: string;
	name: string;
	/** Digits after `+`. */
	callingCode: string;
	/** Dialled before a national number inside the country and dropped abroad ('' = none). */
	trunkPrefix: string;
	/** Length range of the national significant number (the digits after the calling code). */
	nsnLength: readonly [number, number];
}

export const COUNTRIES: readonly CountryDialling[] = [
	{ code: 'FR', name: 'France', callingCode: '33', trunkPrefix: '0', nsnLength: [9, 9] },
	{ code: 'BE', name: 'Belgium', callingCode: '32', trunkPrefix: '0', nsnLength: [8, 9] },
	{ code: 'CH', name: 'Switzerland', callingCode: '41', trunkPrefix: '0', nsnLength: [9, 9] },
	{ code: 'LU', name: 'Luxembourg', callingCode: '352', trunkPrefix: '', nsnLength: [4, 11] },
	{ code: 'DE', name: 'Germany', callingCode: '49', trunkPrefix: '0', nsnLength: [6, 13] },
	{ code: 'ES', name: 'Spain', callingCode: '34', trunkPrefix: '', nsnLength: [9, 9] },
	{ code: 'PT', name: 'Portugal', callingCode: '351', trunkPrefix: '', nsnLength: [9, 9] },
	// Italian landline numbers keep their leading 0 after +39: it is not a trunk prefix.
	{ code: 'IT', name: 'Italy', callingCode: '39', trunkPrefix: '', nsnLength: [6, 11] },
	{ code: 'GB', name: 'United Kingdom', callingCode: '44', trunkPrefix: '0', nsnLength: [9, 10] },
	{ code: 'IE', name: 'Ireland', callingCode: '353', trunkPrefix: '0', nsnLength: [7, 9] },
	{ code: 'PL', name: 'Poland', callingCode: '48', trunkPrefix: '', nsnLength: [9, 9] },
	{ code: 'NL', name: 'Netherlands', callingCode: '31', trunkPrefix: '0', nsnLength: [9, 9] },
	{ code: 'MC', name: 'Monaco', callingCode: '377', trunkPrefix: '', nsnLength: [8, 9] },
	{ code: 'AT', name: 'Austria', callingCode: '43', trunkPrefix: '0', nsnLength: [4, 13] },
	{ code: 'GP', name: 'Guadeloupe', callingCode: '590', trunkPrefix: '0', nsnLength: [9, 9] },
	{ code: 'MQ', name: 'Martinique', callingCode: '596', trunkPrefix: '0', nsnLength: [9, 9] },
	{ code: 'GF', name: 'French Guiana', callingCode: '594', trunkPrefix: '0', nsnLength: [9, 9] },
	{ code: 'RE', name: 'Réunion', callingCode: '262', trunkPrefix: '0', nsnLength: [9, 9] },
	{ code: 'YT', name: 'Mayotte', callingCode: '262', trunkPrefix: '0', nsnLength: [9, 9] },
];

/**
 * The overseas departments share France's 10-digit national plan: a French customer writes
 * 0692 12 34 56 for a Réunion mobile, which is +262 692 12 34 56, not +33 6 92….
 */
export const FRENCH_OVERSEAS_PREFIXES: Readonly<Record<string, string>> = {
	'590': 'GP',
	'690': 'GP',
	'691': 'GP',
	'596': 'MQ',
	'696': 'MQ',
	'697': 'MQ',
	'594': 'GF',
	'694': 'GF',
	'262': 'RE',
	'263': 'RE',
	'692': 'RE',
	'693': 'RE',
	'269': 'YT',
	'639': 'YT',
};

const BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));

export function findCountry(code: string): CountryDialling | undefined {
	return BY_CODE.get(code.trim().toUpperCase());
}

/** The table's country whose calling code starts these digits (Réunion for the shared +262). */
export function countryOfInternationalDigits(digits: string): CountryDialling | undefined {
	for (const length of [3, 2, 1]) {
		const prefix = digits.slice(0, length);
		const match = COUNTRIES.find((country) => country.callingCode === prefix);
		if (match) return match;
	}
	return undefined;
}
