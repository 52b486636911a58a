/**
 * Opt-in transliteration that keeps a message in GSM-7. Works on clusters (a character and
 * the combining marks after it) so that `e` + U+0301 becomes `é` as one change, and reports
 * every change: a message is never altered silently.
 */
import { GSM_COST, NOT_GSM } from './gsmAlphabet';
import { JOINERS_AND_SELECTORS, LOSSY_REPLACEMENTS, SAFE_REPLACEMENTS } from './replacements';
import type { GsmChange, GsmTransliteration, TransliterationLevel } from './types';

const COMBINING_MARK = /\p{M}/u;
const VARIATION_SELECTORS = /[\uFE00-\uFE0F]/g;
const COMBINING_MARKS = /\p{M}/gu;

function isGsmText(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (GSM_COST[text.charCodeAt(i)] === NOT_GSM) return false;
	return true;
}

function isCombiningMark(codePoint: number): boolean {
	return codePoint >= 0x300 && COMBINING_MARK.test(String.fromCodePoint(codePoint));
}

function startsWithCombiningMark(text: string, index: number): boolean {
	const codePoint = text.codePointAt(index);
	return codePoint !== undefined && isCombiningMark(codePoint);
}

function codePointLength(codePoint: number): number {
	return codePoint > 0xffff ? 2 : 1;
}

/** Unicode equivalents and typography: nothing the reader would notice. */
function safeReplacement(cluster: string): string | undefined {
	const base = cluster.codePointAt(0) ?? 0;
	const composed = cluster.replace(VARIATION_SELECTORS, '').normalize('NFC');
	if (isGsmText(composed)) return composed;
	if (codePointLength(base) === cluster.length) return SAFE_REPLACEMENTS.get(base);
	return undefined;
}

function lossyCharacter(character: string): string | undefined {
	if (isGsmText(character)) return character;
	return LOSSY_REPLACEMENTS.get(character) ?? SAFE_REPLACEMENTS.get(character.codePointAt(0) ?? 0);
}

/** Accents dropped, look-alike letters swapped: the reader may notice. */
function lossyReplacement(cluster: string): string | undefined {
	const direct = LOSSY_REPLACEMENTS.get(cluster.normalize('NFC'));
	if (direct !== undefined) return direct;
	const stripped = cluster.normalize('NFKD').replace(COMBINING_MARKS, '');
	let mapped = '';
	for (const character of stripped) {
		const replacement = lossyCharacter(character);
		if (replacement === undefined) return undefined;
		mapped += replacement;
	}
	return mapped;
}

/** A character with its combining marks, and what it becomes. */
interface Cluster {
	index: number;
	from: string;
	to: string;
	level: TransliterationLevel;
	isJoiner: boolean;
}

function transliterateCluster(from: string, index: number, level: TransliterationLevel): Cluster {
	const base = from.codePointAt(0) ?? 0;
	if (JOINERS_AND_SELECTORS.has(base)) return { index, from, to: from, level: 'safe', isJoiner: true };
	const safe = safeReplacement(from);
	if (safe !== undefined) return { index, from, to: safe, level: 'safe', isJoiner: false };
	const lossy = level === 'lossy' ? lossyReplacement(from) : undefined;
	if (lossy !== undefined) return { index, from, to: lossy, level: 'lossy', isJoiner: false };
	return { index, from, to: from, level, isJoiner: false };
}

function splitIntoClusters(text: string, level: TransliterationLevel): Cluster[] {
	const clusters: Cluster[] = [];
	let index = 0;
	while (index < text.length) {
		const base = text.codePointAt(index) ?? 0;
		let end = index + codePointLength(base);
		if (end === index + 1 && GSM_COST[base] !== NOT_GSM && !startsWithCombiningMark(text, end)) {
			clusters.push({ index, from: text[index], to: text[index], level: 'safe', isJoiner: false });
			index = end;
			continue;
		}
		while (end < text.length) {
			const following = text.codePointAt(end) ?? 0;
			if (!isCombiningMark(following)) break;
			end += codePointLength(following);
		}
		clusters.push(transliterateCluster(text.slice(index, end), index, level));
		index = end;
	}
	return clusters;
}

/**
 * Whether the output next to a joiner, looking past other joiners and deleted characters,
 * is GSM-7 (or the edge of the text). Decided on the transliterated output, so that running
 * toGsm twice changes nothing more.
 */
function isGsmBeside(clusters: readonly Cluster[], from: number, step: 1 | -1): boolean {
	for (let i = from + step; i >= 0 && i < clusters.length; i += step) {
		const { to, isJoiner } = clusters[i];
		if (isJoiner || to === '') continue;
		return isGsmText(step === 1 ? String.fromCodePoint(to.codePointAt(0) ?? 0) : to.slice(-1));
	}
	return true;
}

export function toGsm(text: string, level: TransliterationLevel = 'safe'): GsmTransliteration {
	if (typeof text !== 'string') throw new TypeError('toGsm expects the message text as a string');
	if (level !== 'safe' && level !== 'lossy') {
		throw new RangeError(`toGsm level must be 'safe' or 'lossy', got ${String(level)}`);
	}
	const clusters = splitIntoClusters(text, level);
	// Inside an emoji sequence a joiner or selector changes the picture; between GSM
	// characters it is invisible, so only there is it removed.
	clusters.forEach((cluster, i) => {
		if (cluster.isJoiner && isGsmBeside(clusters, i, -1) && isGsmBeside(clusters, i, 1)) cluster.to = '';
	});
	let output = '';
	const changes: GsmChange[] = [];
	for (const { index, from, to, level: appliedLevel } of clusters) {
		output += to;
		if (to !== from) changes.push({ index, from, to, level: appliedLevel });
	}
	return { text: output, changes, isGsm7: isGsmText(output) };
}
