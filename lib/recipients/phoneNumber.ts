import { countryOfInternationalDigits, findCountry, FRENCH_OVERSEAS_PREFIXES, type CountryDialling } from './countries';

export interface PhoneNumberOptions {
	/** ISO code (FR, BE, GB…) used to complete national numbers; without it they are invalid. */
	defaultCountry?: string;
}

export type PhoneNumberCheck = { valid: true; number: string; country?: string } | { valid: false; reason: string };

/** Turns what a person typed into an international number (`+33…`), or says why it cannot. */
export type PhoneNumberNormaliser = (raw: string) => PhoneNumberCheck;

/** OVHcloud's own check on a receiver: `+` or `00`, then 7 to 15 digits (E.164's limit). */
const MIN_INTERNATIONAL_DIGITS = 7;
const MAX_INTERNATIONAL_DIGITS = 15;

// Spaces of every kind, dots, dashes, slashes and brackets: what people and spreadsheets put in numbers.
const SEPARATORS = /[\s\u00a0\u2007\u202f.\-/()[\]]/g;
const INVALID = (reason: string): PhoneNumberCheck => ({ valid: false, reason });

/**
 * Turns a number as a person or a spreadsheet wrote it into E.164 (`+33612345678`), or says
 * why it cannot be sent to. Accepts `+33 6 12 34 56 78`, `0033612345678`, `+33 (0)6…`, and
 * national numbers (`06 12 34 56 78`, or `612345678` when a spreadsheet ate the leading 0)
 * of the default country.
 */
export function normalizePhoneNumber(raw: unknown, options: PhoneNumberOptions = {}): PhoneNumberCheck {
	if (raw === null || raw === undefined) return INVALID('empty');
	if (typeof raw === 'number') {
		if (!Number.isSafeInteger(raw) || raw <= 0) return INVALID(`${String(raw)} is not a phone number`);
		raw = String(raw);
	}
	if (typeof raw !== 'string') return INVALID('not text');
	const text = raw.trim();
	if (text === '') return INVALID('empty');
	if (/[a-z]/i.test(text)) return INVALID('contains letters');

	const international = /^(\+|00)/.test(text);
	const compact = (international ? text.replace(/\(0\)/g, '') : text).replace(SEPARATORS, '');
	const stray = compact.replace(/^\+/, '').match(/[^0-9]/);
	if (stray) return INVALID(`contains "${stray[0]}", which is not part of a phone number`);

	if (compact.startsWith('+')) return internationalNumber(compact.slice(1));
	if (compact.startsWith('00')) return internationalNumber(compact.slice(2));
	return nationalNumber(compact, options.defaultCountry);
}

function internationalNumber(digits: string): PhoneNumberCheck {
	if (digits.startsWith('0')) return INVALID('no country code after + or 00');
	const country = countryOfInternationalDigits(digits);
	if (!country) {
		if (digits.length < MIN_INTERNATIONAL_DIGITS) return INVALID(`too short (${digits.length} digits after +)`);
		if (digits.length > MAX_INTERNATIONAL_DIGITS) return INVALID(`too long (${digits.length} digits after +, at most 15)`);
		return { valid: true, number: `+${digits}` };
	}
	let nsn = digits.slice(country.callingCode.length);
	// "+33 06…": the national trunk 0 kept after the country code by mistake.
	if (country.trunkPrefix && nsn.startsWith(country.trunkPrefix) && nsn.length - 1 >= country.nsnLength[0]) {
		nsn = nsn.slice(country.trunkPrefix.length);
	}
	return checkedNumber(country, nsn);
}

function nationalNumber(digits: string, defaultCountry: string | undefined): PhoneNumberCheck {
	const country = defaultCountry ? findCountry(defaultCountry) : undefined;
	if (!defaultCountry?.trim()) {
		return INVALID('national number without a country: write it as +<country code>… or set a default country');
	}
	if (!country) return INVALID(`unknown default country "${defaultCountry}"`);

	let nsn = digits;
	if (country.trunkPrefix && digits.startsWith(country.trunkPrefix)) nsn = digits.slice(country.trunkPrefix.length);
	const asNational = checkedNumber(country, nsn);
	if (asNational.valid) return asNational;

	// "33612345678": an international number without its + (the form OVHcloud prints).
	const asInternational = countryOfInternationalDigits(digits);
	if (asInternational && !digits.startsWith('0')) {
		const international = internationalNumber(digits);
		if (international.valid) return international;
	}
	return asNational;
}

function checkedNumber(country: CountryDialling, nsn: string): PhoneNumberCheck {
	let target = country;
	// Within the French plan, some prefixes belong to the overseas departments.
	if (country.code === 'FR' && nsn.length === 9) {
		const overseas = FRENCH_OVERSEAS_PREFIXES[nsn.slice(0, 3)];
		if (overseas) target = findCountry(overseas)!;
	} else if (country.callingCode === '262' && /^(269|639)/.test(nsn)) {
		target = findCountry('YT')!;
	}
	const [min, max] = country.nsnLength;
	if (nsn.length < min || nsn.length > max) {
		const expected = min === max ? `${min}` : `${min} to ${max}`;
		return INVALID(`wrong length for ${country.name}: ${nsn.length} digits after +${country.callingCode}, expected ${expected}`);
	}
	return { valid: true, number: `+${target.callingCode}${nsn}`, country: target.code };
}

/** The check every node applies to what users type: international forms, and national numbers of `defaultCountry` (blank: none). */
export function phoneNumberNormaliser(defaultCountry: string | undefined): PhoneNumberNormaliser {
	const options = { defaultCountry: defaultCountry?.trim() || undefined };
	return (raw) => normalizePhoneNumber(raw, options);
}

/** The digits of a number, the key under which OVHcloud's forms of one number (`+33…`, `0033…`) compare equal once normalised. */
export const digitsOf = (text: string | null | undefined): string => (text ?? '').replace(/\D/g, '');
