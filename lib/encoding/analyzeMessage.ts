/**
 * Encoding, units and parts of one message, in a single pass over its UTF-16 code units.
 * This is the hot path (the editor's live counter, the sandbox's credit debit, bulk
 * campaigns): a typed-array lookup per unit, no regex, and nothing allocated but the result
 * itself (with one entry per non-GSM character it reports).
 */
import { GSM_COST, NOT_GSM } from './gsmAlphabet';
import { cheapestNationalEstimate } from './nationalEstimate';
import { resolveProfile, type PartProfile } from './partBudget';
import { SAFE_REPLACEMENT_INDEX, SAFE_REPLACEMENT_TEXTS } from './replacements';
import type { MessageAnalysis, MessageOptions, NonGsmCharacter } from './types';
import { ucs2PartLengths } from './ucs2Parts';

const NO_NON_GSM_CHARACTERS: readonly NonGsmCharacter[] = Object.freeze([]);

// Module-local copies of the tables: some loaders' CommonJS interop (esbuild's, which tsx
// and jest transforms use) turns every read of an imported binding into a getter call, a
// cost the per-unit loops below must not pay.
const COST_TABLE = GSM_COST;
const NOT_GSM_COST = NOT_GSM;
const REPLACEMENT_INDEX = SAFE_REPLACEMENT_INDEX;
const REPLACEMENT_TEXTS = SAFE_REPLACEMENT_TEXTS;

// Where the GSM-7 walk closed its parts (septet offsets), reused across calls so that the
// walk allocates nothing. Only messages longer than one SMS ever write here.
const gsmPartEnds: number[] = [];

function gsmAnalysis(sent: string, units: number, closedParts: number, profile: PartProfile): MessageAnalysis {
	let unitsPerPart: number[];
	let perPart: number;
	if (units <= profile.gsmSingle) {
		unitsPerPart = [units];
		perPart = profile.gsmSingle;
	} else {
		unitsPerPart = new Array<number>(closedParts + 1);
		let previousEnd = 0;
		for (let part = 0; part < closedParts; part++) {
			unitsPerPart[part] = gsmPartEnds[part] - previousEnd;
			previousEnd = gsmPartEnds[part];
		}
		unitsPerPart[closedParts] = units - previousEnd;
		perPart = profile.gsmMulti;
	}
	return {
		encoding: 'GSM-7',
		units,
		parts: unitsPerPart.length,
		perPart,
		remainingInPart: perPart - unitsPerPart[unitsPerPart.length - 1],
		unitsPerPart,
		nonGsm: NO_NON_GSM_CHARACTERS,
		extensionCharacters: units - sent.length,
		stopClauseUnits: profile.suffix.length === 0 ? 0 : stopClauseSeptets(profile.suffix),
	};
}

function stopClauseSeptets(stopClause: string): number {
	let units = 0;
	for (let i = 0; i < stopClause.length; i++) units += COST_TABLE[stopClause.charCodeAt(i)];
	return units;
}

function collectNonGsm(text: string, from: number): NonGsmCharacter[] {
	const costTable = COST_TABLE;
	const notGsm = NOT_GSM_COST;
	const replacementIndex = REPLACEMENT_INDEX;
	const replacements = REPLACEMENT_TEXTS;
	const found: NonGsmCharacter[] = [];
	for (let i = from, length = text.length; i < length; i++) {
		const unit = text.charCodeAt(i);
		if (costTable[unit] !== notGsm) continue;
		if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
			const low = text.charCodeAt(i + 1);
			if (low >= 0xdc00 && low <= 0xdfff) {
				found.push({
					index: i,
					length: 2,
					codePoint: ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000,
					replacement: undefined,
				});
				i++;
				continue;
			}
		}
		// A lone surrogate lands here too: one unit, reported as its own code point.
		const slot = replacementIndex[unit];
		found.push({
			index: i,
			length: 1,
			codePoint: unit,
			replacement: slot === 0 ? undefined : replacements[slot],
		});
	}
	return found;
}

function ucs2Analysis(text: string, firstNonGsm: number, profile: PartProfile): MessageAnalysis {
	const units = text.length;
	let unitsPerPart: number[];
	let perPart: number;
	if (units <= profile.ucs2Single) {
		unitsPerPart = [units];
		perPart = profile.ucs2Single;
	} else {
		unitsPerPart = ucs2PartLengths(text, profile.ucs2Multi, profile.preserveGraphemes);
		perPart = profile.ucs2Multi;
	}
	return {
		encoding: 'UCS-2',
		units,
		parts: unitsPerPart.length,
		perPart,
		remainingInPart: perPart - unitsPerPart[unitsPerPart.length - 1],
		unitsPerPart,
		nonGsm: collectNonGsm(text, firstNonGsm),
		extensionCharacters: 0,
		stopClauseUnits: profile.suffix.length,
	};
}

function analyzeWithProfile(text: string, profile: PartProfile): MessageAnalysis {
	const sent = profile.suffix.length === 0 ? text : text + profile.suffix;
	const costTable = COST_TABLE;
	const perPart = profile.gsmMulti;
	const partEnds = gsmPartEnds;
	// Parts are found by watching the running total cross the end of the current part, which
	// happens at most once every 152 septets; a non-GSM unit crosses it too, since NOT_GSM
	// exceeds any part. Four units are added at a time while they stay inside the part; a
	// block that does not is walked again unit by unit, which gives the same result.
	let units = 0;
	let partLimit = perPart;
	let closedParts = 0;
	let firstNonGsm = -1;
	const length = sent.length;
	let i = 0;
	while (i < length) {
		if (i + 4 <= length) {
			const block =
				costTable[sent.charCodeAt(i)] +
				costTable[sent.charCodeAt(i + 1)] +
				costTable[sent.charCodeAt(i + 2)] +
				costTable[sent.charCodeAt(i + 3)];
			if (units + block <= partLimit) {
				units += block;
				i += 4;
				continue;
			}
		}
		const cost = costTable[sent.charCodeAt(i)];
		units += cost;
		i++;
		if (units > partLimit) {
			if (cost === NOT_GSM_COST) {
				firstNonGsm = i - 1;
				break;
			}
			// The character does not fit: the part closes before it, one septet short when an
			// escape pair faces a single free septet.
			const partEnd = units - cost;
			partEnds[closedParts++] = partEnd;
			partLimit = partEnd + perPart;
		}
	}
	if (firstNonGsm !== -1) return ucs2Analysis(sent, firstNonGsm, profile);
	return gsmAnalysis(sent, units, closedParts, profile);
}

export function analyzeMessage(text: string, options?: MessageOptions): MessageAnalysis {
	if (typeof text !== 'string') throw new TypeError('analyzeMessage expects the message text as a string');
	const profile = resolveProfile(options);
	const analysis = analyzeWithProfile(text, profile);
	const languages = options?.nationalLanguages;
	if (languages !== undefined) {
		analysis.nationalLanguage = cheapestNationalEstimate(text + profile.suffix, languages, profile);
	}
	return analysis;
}
