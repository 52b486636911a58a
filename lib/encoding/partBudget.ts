/**
 * How many units fit in one SMS, from the size of its User Data Header
 * (3GPP TS 23.040 §9.2.3.24): 140 octets of user data minus the header, and for GSM-7
 * minus the fill bits that realign the first septet.
 */
import type { ConcatenationReference, MessageOptions } from './types';

export const USER_DATA_OCTETS = 140;
export const MAX_CONCATENATED_PARTS = 255;

/** Information element sizes including IEI and length octets. */
const CONCATENATION_IE_OCTETS: Readonly<Record<ConcatenationReference, number>> = {
	'8bit': 5,
	'16bit': 6,
};
export const SHIFT_TABLE_IE_OCTETS = 3;

/** Total UDH octets: the length octet plus the elements, or nothing when there are none. */
export function udhOctets(elementOctets: number): number {
	return elementOctets === 0 ? 0 : 1 + elementOctets;
}

export function septetsPerPart(headerOctets: number): number {
	return Math.floor(((USER_DATA_OCTETS - headerOctets) * 8) / 7);
}

export function ucs2UnitsPerPart(headerOctets: number): number {
	return Math.floor((USER_DATA_OCTETS - headerOctets) / 2);
}

export const DEFAULT_STOP_CLAUSE_TEXT = '\nSTOP:36111';

/** Options resolved once per call into the numbers the counting loops need. */
export interface PartProfile {
	concatenation: ConcatenationReference;
	gsmSingle: number;
	gsmMulti: number;
	ucs2Single: number;
	ucs2Multi: number;
	/** Text appended after the message ('' when the STOP clause is off). */
	suffix: string;
	preserveGraphemes: boolean;
}

function buildProfile(concatenation: ConcatenationReference, suffix: string, preserveGraphemes: boolean): PartProfile {
	const concatenatedHeader = udhOctets(CONCATENATION_IE_OCTETS[concatenation]);
	return {
		concatenation,
		gsmSingle: septetsPerPart(0),
		gsmMulti: septetsPerPart(concatenatedHeader),
		ucs2Single: ucs2UnitsPerPart(0),
		ucs2Multi: ucs2UnitsPerPart(concatenatedHeader),
		suffix,
		preserveGraphemes,
	};
}

export const DEFAULT_PROFILE: PartProfile = buildProfile('8bit', '', false);
const DEFAULT_PROFILE_WITH_STOP: PartProfile = buildProfile('8bit', DEFAULT_STOP_CLAUSE_TEXT, false);

export function concatenationElementOctets(concatenation: ConcatenationReference): number {
	return CONCATENATION_IE_OCTETS[concatenation];
}

/** Kept cheap for the common calls (`undefined`, `{ stopClause }`): no allocation then. */
export function resolveProfile(options: MessageOptions | undefined): PartProfile {
	if (options === undefined) return DEFAULT_PROFILE;
	const concatenation = options.concatenation ?? '8bit';
	if (concatenation !== '8bit' && concatenation !== '16bit') {
		throw new RangeError(`concatenation must be '8bit' or '16bit', got ${String(concatenation)}`);
	}
	const stopClauseText = options.stopClauseText ?? DEFAULT_STOP_CLAUSE_TEXT;
	if (typeof stopClauseText !== 'string') throw new TypeError('stopClauseText must be a string');
	const suffix = options.stopClause === true ? stopClauseText : '';
	const preserveGraphemes = options.preserveGraphemes === true;
	if (concatenation === '8bit' && !preserveGraphemes) {
		if (suffix === '') return DEFAULT_PROFILE;
		if (suffix === DEFAULT_STOP_CLAUSE_TEXT) return DEFAULT_PROFILE_WITH_STOP;
	}
	return buildProfile(concatenation, suffix, preserveGraphemes);
}
