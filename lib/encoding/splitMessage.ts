/**
 * The texts of the parts, cut exactly where `analyzeMessage` counts them. With the STOP
 * clause on, the clause is part of what is sent, so the last part(s) include it.
 */
import { GSM_COST, NOT_GSM } from './gsmAlphabet';
import { resolveProfile } from './partBudget';
import type { MessageOptions } from './types';
import { ucs2PartLengths } from './ucs2Parts';

// Local copies, not imported bindings, in the per-unit loops (see analyzeMessage.ts).
const COST_TABLE = GSM_COST;
const NOT_GSM_COST = NOT_GSM;

/** Septets of a GSM-7 text, or -1 when a unit is not in the GSM tables. */
function gsmSeptets(text: string): number {
	let units = 0;
	for (let i = 0; i < text.length; i++) {
		const cost = COST_TABLE[text.charCodeAt(i)];
		if (cost === NOT_GSM_COST) return -1;
		units += cost;
	}
	return units;
}

function splitGsm(text: string, perPart: number): string[] {
	const parts: string[] = [];
	let start = 0;
	let partUnits = 0;
	for (let i = 0; i < text.length; i++) {
		const cost = COST_TABLE[text.charCodeAt(i)];
		if (partUnits + cost > perPart) {
			parts.push(text.slice(start, i));
			start = i;
			partUnits = 0;
		}
		partUnits += cost;
	}
	parts.push(text.slice(start));
	return parts;
}

export function splitMessage(text: string, options?: MessageOptions): string[] {
	if (typeof text !== 'string') throw new TypeError('splitMessage expects the message text as a string');
	const profile = resolveProfile(options);
	const sent = text + profile.suffix;
	const septets = gsmSeptets(sent);
	if (septets !== -1) {
		return septets <= profile.gsmSingle ? [sent] : splitGsm(sent, profile.gsmMulti);
	}
	if (sent.length <= profile.ucs2Single) return [sent];
	const parts: string[] = [];
	let start = 0;
	for (const length of ucs2PartLengths(sent, profile.ucs2Multi, profile.preserveGraphemes)) {
		parts.push(sent.slice(start, start + length));
		start += length;
	}
	return parts;
}
