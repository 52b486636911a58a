/**
 * Greedy UCS-2 parts. Every unit costs 1, so the walk jumps a whole part at a time and only
 * looks at the units around each cut: O(parts), not O(length).
 */
import { graphemeBoundaries, type GraphemeBoundaries } from './graphemes';

function isHighSurrogate(unit: number): boolean {
	return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
	return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Units in each part of a text too long for a single SMS. */
export function ucs2PartLengths(text: string, perPart: number, preserveGraphemes: boolean): number[] {
	const lengths: number[] = [];
	const total = text.length;
	let graphemes: GraphemeBoundaries | undefined;
	let start = 0;
	while (total - start > perPart) {
		let cut = start + perPart;
		// The two halves of a surrogate pair are one character: never send them apart.
		if (isHighSurrogate(text.charCodeAt(cut - 1)) && isLowSurrogate(text.charCodeAt(cut))) cut--;
		if (preserveGraphemes) {
			graphemes ??= graphemeBoundaries(text);
			const clusterStart = graphemes.clusterStart(cut);
			// A cluster longer than a whole part cannot be kept whole: keep the surrogate-safe cut.
			if (clusterStart > start) cut = clusterStart;
		}
		lengths.push(cut - start);
		start = cut;
	}
	lengths.push(total - start);
	return lengths;
}
