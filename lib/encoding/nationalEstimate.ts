/**
 * "What would it cost" with national language shift tables: tries every combination of
 * the requested locking and single shift tables (plus the defaults), as Android's
 * `GsmAlphabet.countGsmSeptets` does, and keeps the cheapest.
 */
import { NOT_GSM } from './gsmAlphabet';
import { NATIONAL_LANGUAGES, hasLockingShiftTable, nationalCostTable, type NationalLanguage } from './nationalTables';
import { SHIFT_TABLE_IE_OCTETS, concatenationElementOctets, septetsPerPart, udhOctets, type PartProfile } from './partBudget';
import type { NationalLanguageEstimate } from './types';

// A local copy, not an imported binding, in the per-unit loop (see analyzeMessage.ts).
const NOT_GSM_COST = NOT_GSM;

function validatedLanguages(languages: readonly NationalLanguage[]): NationalLanguage[] {
	const unique: NationalLanguage[] = [];
	for (const language of languages) {
		if (!NATIONAL_LANGUAGES.includes(language)) {
			throw new RangeError(`nationalLanguages accepts ${NATIONAL_LANGUAGES.join(', ')}; got ${String(language)}`);
		}
		if (!unique.includes(language)) unique.push(language);
	}
	return unique;
}

function estimateWithTables(
	text: string,
	lockingShift: NationalLanguage | null,
	singleShift: NationalLanguage | null,
	profile: PartProfile,
): NationalLanguageEstimate | null {
	const costTable = nationalCostTable(lockingShift, singleShift);
	const shiftOctets = (lockingShift === null ? 0 : SHIFT_TABLE_IE_OCTETS) + (singleShift === null ? 0 : SHIFT_TABLE_IE_OCTETS);
	const singleBudget = septetsPerPart(udhOctets(shiftOctets));
	const multiHeader = udhOctets(concatenationElementOctets(profile.concatenation) + shiftOctets);
	const multiBudget = septetsPerPart(multiHeader);

	const closed: number[] = [];
	let units = 0;
	let partUnits = 0;
	for (let i = 0; i < text.length; i++) {
		const cost = costTable[text.charCodeAt(i)];
		if (cost === NOT_GSM_COST) return null;
		units += cost;
		partUnits += cost;
		if (partUnits > multiBudget) {
			closed.push(partUnits - cost);
			partUnits = cost;
		}
	}
	const single = units <= singleBudget;
	const unitsPerPart = single ? [units] : [...closed, partUnits];
	const perPart = single ? singleBudget : multiBudget;
	return {
		encoding: 'GSM-7',
		lockingShift,
		singleShift,
		udhOctets: single ? udhOctets(shiftOctets) : multiHeader,
		units,
		parts: unitsPerPart.length,
		perPart,
		remainingInPart: perPart - unitsPerPart[unitsPerPart.length - 1],
		unitsPerPart,
	};
}

function tableCount(estimate: NationalLanguageEstimate): number {
	return (estimate.lockingShift === null ? 0 : 1) + (estimate.singleShift === null ? 0 : 1);
}

/** Cheapest first by parts, then by fewer shift tables (fewer handsets to trip up), then units. */
function isCheaper(candidate: NationalLanguageEstimate, best: NationalLanguageEstimate): boolean {
	if (candidate.parts !== best.parts) return candidate.parts < best.parts;
	if (tableCount(candidate) !== tableCount(best)) return tableCount(candidate) < tableCount(best);
	return candidate.units < best.units;
}

/** `text` already includes the STOP clause. `null`: no combination can carry the text in GSM-7. */
export function cheapestNationalEstimate(
	text: string,
	languages: readonly NationalLanguage[],
	profile: PartProfile,
): NationalLanguageEstimate | null {
	const requested = validatedLanguages(languages);
	const lockingOptions: Array<NationalLanguage | null> = [null, ...requested.filter(hasLockingShiftTable)];
	const singleOptions: Array<NationalLanguage | null> = [null, ...requested];
	let best: NationalLanguageEstimate | null = null;
	for (const lockingShift of lockingOptions) {
		for (const singleShift of singleOptions) {
			const estimate = estimateWithTables(text, lockingShift, singleShift, profile);
			if (estimate !== null && (best === null || isCheaper(estimate, best))) best = estimate;
		}
	}
	return best;
}
