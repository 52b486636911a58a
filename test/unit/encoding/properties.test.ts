import fc from 'fast-check';
import {
	DEFAULT_STOP_CLAUSE_TEXT,
	analyzeMessage,
	splitMessage,
	toGsm,
	type MessageOptions,
	type TransliterationLevel,
} from '../../../lib/encoding';
import { referenceCount, referenceNonGsm, unitsOf } from './referenceCounter';

const GSM_BASIC = ['a', 'Z', '7', ' ', '.', 'é', 'Ç', 'Δ', 'Ω', '@', '£', 'ß', '\n', '\r'];
const GSM_EXTENSION = ['€', '{', '}', '[', ']', '~', '^', '|', '\\', '\f'];
const NON_GSM_BMP = ['ç', '’', 'Ж', '\u00a0', '\u0301', 'À', '`', '\t', '…', '\u200d', '\ufe0f', '\u2126'];
const ASTRAL = ['😀', '👍🏽', '🇫🇷', '👨‍👩‍👧‍👦', '🐦‍🔥', '1️⃣', '𝄞'];
const LONE_SURROGATES = ['\uD83D', '\uDE00'];

// size 'max' spreads lengths over the whole range: fast-check's default size keeps arrays
// to a handful of items, far below the first part boundary.
const tokens = (weights: Array<[string[], number]>, maxLength: number): fc.Arbitrary<string> =>
	fc
		.array(fc.oneof(...weights.map(([pool, weight]) => ({ arbitrary: fc.constantFrom(...pool), weight }))), {
			maxLength,
			size: 'max',
		})
		.map((parts) => parts.join(''));

/** Mostly GSM-7, long enough to need several parts: exercises the escape-pair walk. */
const gsmText = tokens(
	[
		[GSM_BASIC, 12],
		[GSM_EXTENSION, 3],
		[['\r\n'], 1],
	],
	700,
);
/** UCS-2 text with surrogate pairs, clusters and lone surrogates around the boundaries. */
const mixedText = tokens(
	[
		[GSM_BASIC, 6],
		[GSM_EXTENSION, 1],
		[NON_GSM_BMP, 2],
		[ASTRAL, 2],
		[LONE_SURROGATES, 1],
	],
	300,
);
/** Any UTF-16 code units at all. */
const anyUnits = fc
	.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 250, size: 'max' })
	.map((units) => String.fromCharCode(...units));
const anyText = fc.oneof(gsmText, mixedText, anyUnits);

const options: fc.Arbitrary<MessageOptions> = fc.record({
	stopClause: fc.boolean(),
	concatenation: fc.constantFrom('8bit' as const, '16bit' as const),
	preserveGraphemes: fc.boolean(),
});

const RUNS = { numRuns: 400 };

function budgets(encoding: 'GSM-7' | 'UCS-2', messageOptions: MessageOptions): { single: number; multi: number } {
	const sixteen = messageOptions.concatenation === '16bit';
	return encoding === 'GSM-7' ? { single: 160, multi: sixteen ? 152 : 153 } : { single: 70, multi: sixteen ? 66 : 67 };
}

const sentText = (text: string, messageOptions: MessageOptions): string =>
	text + (messageOptions.stopClause ? DEFAULT_STOP_CLAUSE_TEXT : '');

describe('properties over random texts', () => {
	it('are fed texts that reach part boundaries, with pairs straddling them', () => {
		const samples = fc.sample(fc.tuple(anyText, options), 400);
		const analyses = samples.map(([text, messageOptions]) => analyzeMessage(text, messageOptions));
		const multiPart = analyses.filter((analysis) => analysis.parts > 1);
		const shortParts = multiPart.filter((analysis) => analysis.unitsPerPart.slice(0, -1).some((units) => units < analysis.perPart));
		expect(multiPart.length).toBeGreaterThan(100);
		expect(multiPart.some((analysis) => analysis.encoding === 'GSM-7')).toBe(true);
		expect(multiPart.some((analysis) => analysis.encoding === 'UCS-2')).toBe(true);
		expect(shortParts.length).toBeGreaterThan(10);
	});

	it('joining the parts of splitMessage gives back the text (plus the STOP clause when on)', () => {
		fc.assert(
			fc.property(anyText, options, (text, messageOptions) => {
				expect(splitMessage(text, messageOptions).join('')).toBe(sentText(text, messageOptions));
			}),
			RUNS,
		);
	});

	it('parts equals the number of split parts, and unitsPerPart the units of each', () => {
		fc.assert(
			fc.property(anyText, options, (text, messageOptions) => {
				const analysis = analyzeMessage(text, messageOptions);
				const parts = splitMessage(text, messageOptions);
				expect(parts).toHaveLength(analysis.parts);
				expect(parts.map((part) => unitsOf(part, analysis.encoding))).toEqual(analysis.unitsPerPart);
				expect(analysis.unitsPerPart.reduce((sum, units) => sum + units, 0)).toBe(analysis.units);
			}),
			RUNS,
		);
	});

	it('every part fits its budget, and remainingInPart is what the last part has left', () => {
		fc.assert(
			fc.property(anyText, options, (text, messageOptions) => {
				const analysis = analyzeMessage(text, messageOptions);
				const { single, multi } = budgets(analysis.encoding, messageOptions);
				const perPart = analysis.parts === 1 ? single : multi;
				expect(analysis.perPart).toBe(perPart);
				for (const units of analysis.unitsPerPart) expect(units).toBeLessThanOrEqual(perPart);
				expect(analysis.remainingInPart).toBe(perPart - analysis.unitsPerPart[analysis.parts - 1]);
				expect(analysis.parts === 1).toBe(analysis.units <= single);
			}),
			RUNS,
		);
	});

	it('never separates the two halves of a surrogate pair', () => {
		fc.assert(
			fc.property(mixedText, options, (text, messageOptions) => {
				const parts = splitMessage(text, messageOptions);
				for (let i = 0; i + 1 < parts.length; i++) {
					const last = parts[i].charCodeAt(parts[i].length - 1);
					const first = parts[i + 1].charCodeAt(0);
					expect(last >= 0xd800 && last <= 0xdbff && first >= 0xdc00 && first <= 0xdfff).toBe(false);
				}
			}),
			RUNS,
		);
	});

	it('agrees with the independent reference counter on encoding, units and every part', () => {
		fc.assert(
			fc.property(anyText, options, (text, messageOptions) => {
				const { multi } = budgets('GSM-7', messageOptions);
				const reference = referenceCount(text, {
					suffix: messageOptions.stopClause ? DEFAULT_STOP_CLAUSE_TEXT : '',
					gsmMulti: multi,
					ucs2Multi: budgets('UCS-2', messageOptions).multi,
					keepGraphemes: messageOptions.preserveGraphemes,
				});
				const analysis = analyzeMessage(text, messageOptions);
				expect({ encoding: analysis.encoding, units: analysis.units, unitsPerPart: analysis.unitsPerPart }).toEqual(reference);
			}),
			RUNS,
		);
	});

	it('lists exactly the code points that force UCS-2, with their indices', () => {
		fc.assert(
			fc.property(anyText, options, (text, messageOptions) => {
				const analysis = analyzeMessage(text, messageOptions);
				const listed = analysis.nonGsm.map(({ index, codePoint }) => ({ index, codePoint }));
				expect(listed).toEqual(referenceNonGsm(sentText(text, messageOptions)));
				expect(analysis.encoding === 'UCS-2').toBe(listed.length > 0);
			}),
			RUNS,
		);
	});

	it('agrees with @trt2/gsm-charset-utils, a third-party implementation of the same rules', () => {
		const { getCharCount } = jest.requireActual<{ getCharCount(text: string): { msgCount: number; encoding: string } }>(
			'@trt2/gsm-charset-utils',
		);
		// It reads a lone high surrogate at the very end as a pair, so those texts are left out.
		const withoutTrailingHighSurrogate = fc.oneof(gsmText, mixedText).filter((text) => !/[\uD800-\uDBFF]$/.test(text));
		fc.assert(
			fc.property(withoutTrailingHighSurrogate, (text) => {
				const theirs = getCharCount(text);
				const ours = analyzeMessage(text);
				expect([ours.encoding, ours.parts]).toEqual([theirs.encoding === 'GSM' ? 'GSM-7' : 'UCS-2', theirs.msgCount]);
			}),
			RUNS,
		);
	});

	describe('toGsm', () => {
		const levels = fc.constantFrom<TransliterationLevel>('safe', 'lossy');

		it('reports every change: replaying them on the original gives the new text', () => {
			fc.assert(
				fc.property(anyText, levels, (text, level) => {
					const result = toGsm(text, level);
					let rebuilt = '';
					let position = 0;
					for (const change of result.changes) {
						expect(text.startsWith(change.from, change.index)).toBe(true);
						rebuilt += text.slice(position, change.index) + change.to;
						position = change.index + change.from.length;
					}
					expect(rebuilt + text.slice(position)).toBe(result.text);
				}),
				RUNS,
			);
		});

		it('says isGsm7 exactly when analyzeMessage would count the new text as GSM-7', () => {
			fc.assert(
				fc.property(anyText, levels, (text, level) => {
					const result = toGsm(text, level);
					expect(result.isGsm7).toBe(analyzeMessage(result.text).encoding === 'GSM-7');
				}),
				RUNS,
			);
		});

		it('leaves GSM-7 text untouched', () => {
			fc.assert(
				fc.property(gsmText, levels, (text, level) => {
					expect(toGsm(text, level)).toEqual({ text, changes: [], isGsm7: true });
				}),
				RUNS,
			);
		});

		it('has nothing left to change when run twice', () => {
			fc.assert(
				fc.property(anyText, levels, (text, level) => {
					const once = toGsm(text, level).text;
					expect(toGsm(once, level).text).toBe(once);
				}),
				RUNS,
			);
		});
	});
});
