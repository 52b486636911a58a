import { DEFAULT_STOP_CLAUSE_TEXT, MAX_CONCATENATED_PARTS, analyzeMessage, type MessageOptions } from '../../../lib/encoding';

describe('analyzeMessage', () => {
	describe('why a message is UCS-2: nonGsm', () => {
		it('lists each offending character with its UTF-16 index, length and code point', () => {
			const analysis = analyzeMessage('Hé ’ ç 😀\u00a0x');
			expect(analysis.encoding).toBe('UCS-2');
			expect(analysis.nonGsm).toEqual([
				{ index: 3, length: 1, codePoint: 0x2019, replacement: "'" },
				{ index: 5, length: 1, codePoint: 0xe7, replacement: undefined },
				{ index: 7, length: 2, codePoint: 0x1f600, replacement: undefined },
				{ index: 9, length: 1, codePoint: 0xa0, replacement: ' ' },
			]);
		});

		it('lists every occurrence, including those before the first and after the last part boundary', () => {
			const text = '’' + 'a'.repeat(200) + '’';
			expect(analyzeMessage(text).nonGsm.map((character) => character.index)).toEqual([0, 201]);
		});

		it('offers replacements only where meaning is kept', () => {
			const replacements = analyzeMessage('“x” – … \u200b Ｘ \u2126 á').nonGsm.map((c) => [c.codePoint, c.replacement]);
			expect(replacements).toEqual([
				[0x201c, '"'],
				[0x201d, '"'],
				[0x2013, '-'],
				[0x2026, '...'],
				[0x200b, ''],
				[0xff38, 'X'],
				[0x2126, 'Ω'],
				[0xe1, undefined],
			]);
		});

		it('reports a lone surrogate as its own one-unit code point', () => {
			expect(analyzeMessage('ab\uD83D').nonGsm).toEqual([{ index: 2, length: 1, codePoint: 0xd83d, replacement: undefined }]);
		});

		it('is empty for GSM-7 text, extension characters included', () => {
			expect(analyzeMessage('Prix: 5€ {promo} [x]').nonGsm).toEqual([]);
		});

		it('points past the text when the STOP clause itself is not GSM', () => {
			const analysis = analyzeMessage('abc', { stopClause: true, stopClauseText: ' STOP ç' });
			expect(analysis.encoding).toBe('UCS-2');
			expect(analysis.nonGsm).toEqual([{ index: 9, length: 1, codePoint: 0xe7, replacement: undefined }]);
		});
	});

	describe('why a GSM-7 message costs more septets than characters', () => {
		it('counts the extension characters, each worth 2 septets', () => {
			const analysis = analyzeMessage('a{b}c€\f');
			expect(analysis).toMatchObject({ encoding: 'GSM-7', units: 11, extensionCharacters: 4 });
		});

		it('reports none in UCS-2, where they cost 1 unit', () => {
			expect(analyzeMessage('a{b}c€ç')).toMatchObject({ encoding: 'UCS-2', units: 7, extensionCharacters: 0 });
		});
	});

	describe('room left: perPart and remainingInPart', () => {
		it.each<[string, string, number, number]>([
			['short GSM-7', 'a'.repeat(10), 160, 150],
			['full single GSM-7', 'a'.repeat(160), 160, 0],
			['two GSM-7 parts', 'a'.repeat(161), 153, 145],
			['short UCS-2', 'Ж'.repeat(10), 70, 60],
			['two UCS-2 parts', 'Ж'.repeat(71), 67, 63],
			['last part holding a single septet', 'a'.repeat(152) + '€' + 'a'.repeat(152), 153, 152],
		])('%s', (_, text, perPart, remainingInPart) => {
			expect(analyzeMessage(text)).toMatchObject({ perPart, remainingInPart });
		});

		it('uses 152 / 66 per part with a 16-bit concatenation reference', () => {
			expect(analyzeMessage('a'.repeat(200), { concatenation: '16bit' })).toMatchObject({ perPart: 152, remainingInPart: 104 });
			expect(analyzeMessage('Ж'.repeat(100), { concatenation: '16bit' })).toMatchObject({ perPart: 66, remainingInPart: 32 });
		});
	});

	describe('STOP clause', () => {
		it('is off by default', () => {
			expect(analyzeMessage('a'.repeat(150))).toMatchObject({ units: 150, parts: 1, stopClauseUnits: 0 });
		});

		it("defaults to OVHcloud's 11-character mention, all GSM basic characters", () => {
			expect(DEFAULT_STOP_CLAUSE_TEXT).toBe('\nSTOP:36111');
			expect(analyzeMessage('Bonjour', { stopClause: true })).toMatchObject({ encoding: 'GSM-7', units: 18, stopClauseUnits: 11 });
		});

		it('counts 11 UCS-2 units when the message is UCS-2, without changing the encoding', () => {
			expect(analyzeMessage('Привет', { stopClause: true })).toMatchObject({ encoding: 'UCS-2', units: 17, stopClauseUnits: 11 });
		});

		it('counts a custom text in the message encoding, extension characters included', () => {
			expect(analyzeMessage('a', { stopClause: true, stopClauseText: ' [STOP]' })).toMatchObject({
				units: 10,
				stopClauseUnits: 9,
				extensionCharacters: 2,
			});
		});

		it('gives the same answer for { stopClause: false } as for no options (the sandbox debit call)', () => {
			const text = 'Livraison prévue demain {ref 12} ' + 'x'.repeat(140);
			expect(analyzeMessage(text, { stopClause: false })).toEqual(analyzeMessage(text));
		});
	});

	describe('consecutive calls', () => {
		it('do not leak part boundaries from one message into the next', () => {
			const long = analyzeMessage('€'.repeat(400));
			const short = analyzeMessage('a'.repeat(200));
			const ucs2 = analyzeMessage('Ж'.repeat(140));
			expect(long.unitsPerPart).toEqual([152, 152, 152, 152, 152, 40]);
			expect(short.unitsPerPart).toEqual([153, 47]);
			expect(ucs2.unitsPerPart).toEqual([67, 67, 6]);
		});

		it('return results the caller may keep and modify', () => {
			const first = analyzeMessage('a'.repeat(200));
			first.unitsPerPart.push(999);
			expect(analyzeMessage('a'.repeat(200)).unitsPerPart).toEqual([153, 47]);
		});
	});

	describe('preserveGraphemes', () => {
		it('leaves GSM-7 alone: CR and LF are separate septets and may be cut apart', () => {
			const text = 'a'.repeat(152) + '\r\n' + 'a'.repeat(152);
			expect(analyzeMessage(text, { preserveGraphemes: true }).unitsPerPart).toEqual([153, 153]);
		});

		it('cuts inside a cluster longer than a whole part rather than never ending', () => {
			const cluster = 'e' + '\u0301'.repeat(80); // one grapheme of 81 units
			const analysis = analyzeMessage(cluster, { preserveGraphemes: true });
			expect(analysis.unitsPerPart).toEqual([67, 14]);
		});
	});

	it('reports nationalLanguage only when asked', () => {
		expect('nationalLanguage' in analyzeMessage('día')).toBe(false);
		expect(analyzeMessage('día', { nationalLanguages: ['spanish'] }).nationalLanguage).not.toBeUndefined();
	});

	it('exposes the 8-bit reference limit of 255 parts for max-parts guards', () => {
		expect(MAX_CONCATENATED_PARTS).toBe(255);
		expect(analyzeMessage('a'.repeat(153 * 255 + 1)).parts).toBe(256);
	});

	describe('rejects what it cannot count', () => {
		it('a text that is not a string', () => {
			expect(() => analyzeMessage(42 as unknown as string)).toThrow(TypeError);
			expect(() => analyzeMessage(undefined as unknown as string)).toThrow(TypeError);
		});

		it('an unknown concatenation reference', () => {
			expect(() => analyzeMessage('a', { concatenation: '7bit' } as unknown as MessageOptions)).toThrow(RangeError);
		});

		it('a STOP clause text that is not a string', () => {
			expect(() => analyzeMessage('a', { stopClause: true, stopClauseText: 11 } as unknown as MessageOptions)).toThrow(TypeError);
		});
	});
});
