import { analyzeMessage, toGsm, type TransliterationLevel } from '../../../lib/encoding';

describe('toGsm', () => {
	describe("'safe': typography and Unicode equivalents, nothing a reader would notice", () => {
		it.each<[string, string, string]>([
			['curly quotes', '“Bonjour” l’ami ‘x’ «y»', '"Bonjour" l\'ami \'x\' "y"'],
			['dashes and minus', 'a–b—c‐d−e', 'a-b-c-d-e'],
			['ellipsis becomes three full stops', 'Attendez…', 'Attendez...'],
			['no-break, narrow and thin spaces become one space each', '5\u00a0€ 10\u202fh 3\u2009km', '5 € 10 h 3 km'],
			['TAB becomes a space', 'a\tb', 'a b'],
			['line and paragraph separators become LF', 'a\u2028b\u2029c', 'a\nb\nc'],
			['invisible characters are removed', 'a\u200bb\u00adc\ufeffd\u2060e', 'abcde'],
			['decomposed accents are composed (NFC)', 'cafe\u0301 A\u030a', 'café Å'],
			['OHM and ANGSTROM signs become the GSM letters', '10 \u2126 \u212b', '10 Ω Å'],
			['fullwidth ASCII becomes ASCII', 'ＳＭＳ！', 'SMS!'],
			['a variation selector on a GSM letter is dropped', 'a\ufe0f', 'a'],
			['a joiner between GSM letters is dropped', 'a\u200db', 'ab'],
			['backtick becomes an apostrophe', 'l`ami', "l'ami"],
		])('%s', (_, input, expected) => {
			const result = toGsm(input, 'safe');
			expect(result.text).toBe(expected);
			expect(result.isGsm7).toBe(true);
			expect(analyzeMessage(result.text).encoding).toBe('GSM-7');
		});

		it('leaves letters it would have to change alone, and says the text is still UCS-2', () => {
			const result = toGsm('Ça va ? ç á', 'safe');
			expect(result).toEqual({ text: 'Ça va ? ç á', changes: [], isGsm7: false });
		});

		it('keeps emoji sequences intact, joiners and selectors included', () => {
			const text = 'Bravo 👨‍👩‍👧‍👦 ❤️ 1️⃣ 🇫🇷';
			expect(toGsm(text, 'safe')).toEqual({ text, changes: [], isGsm7: false });
		});

		it('reports each change at its index in the original text', () => {
			expect(toGsm('“a” — e\u0301…', 'safe').changes).toEqual([
				{ index: 0, from: '“', to: '"', level: 'safe' },
				{ index: 2, from: '”', to: '"', level: 'safe' },
				{ index: 4, from: '—', to: '-', level: 'safe' },
				{ index: 6, from: 'e\u0301', to: 'é', level: 'safe' },
				{ index: 8, from: '…', to: '...', level: 'safe' },
			]);
		});

		it('is the default level', () => {
			expect(toGsm('a’b ç').text).toBe("a'b ç");
		});

		it('changes nothing in a GSM-7 text, CR LF, form feed and extension characters included', () => {
			const text = 'Prix\r\n5€ {x}\f[y]~^|\\';
			expect(toGsm(text, 'lossy')).toEqual({ text, changes: [], isGsm7: true });
		});

		it('turns a 2-part UCS-2 message back into a single GSM-7 SMS', () => {
			const text = `Votre commande n’est pas encore partie\u00a0: elle sera expédiée demain – merci de votre patience…`;
			expect(analyzeMessage(text)).toMatchObject({ encoding: 'UCS-2', parts: 2 });
			expect(analyzeMessage(toGsm(text).text)).toMatchObject({ encoding: 'GSM-7', parts: 1 });
		});
	});

	describe("'lossy': letters lose accents or become look-alikes, only when the user allows it", () => {
		it.each<[string, string, string]>([
			['small ç becomes the GSM capital Ç', 'ça', 'Ça'],
			['accents not in GSM are dropped', 'á í ó ú â ê ô ã õ ë ï', 'a i o u a e o a o e i'],
			['capital grave accents are dropped (only small ones are GSM)', 'À È Ì Ò Ù', 'A E I O U'],
			['GSM accents are kept', 'é è à ù ì ò ä ö ü ñ Ç É', 'é è à ù ì ò ä ö ü ñ Ç É'],
			['Greek letters become GSM Greek or Latin capitals', 'Αθήνα', 'AΘHNA'],
			['letters without a decomposition', 'Łódź œuvre ıi', 'Lodz oeuvre ii'],
			['compatibility characters', 'ﬁn ½ ™', 'fin 1/2 TM'],
		])('%s', (_, input, expected) => {
			const result = toGsm(input, 'lossy');
			expect(result.text).toBe(expected);
			expect(result.isGsm7).toBe(true);
		});

		it('marks which changes were lossy', () => {
			expect(toGsm('l’été à Málaga', 'lossy').changes).toEqual([
				{ index: 1, from: '’', to: "'", level: 'safe' },
				{ index: 9, from: 'á', to: 'a', level: 'lossy' },
			]);
		});

		it('still leaves emoji and scripts without a GSM look-alike alone', () => {
			const result = toGsm('Привет 😀 ç', 'lossy');
			expect(result.text).toBe('Привет 😀 Ç');
			expect(result.isGsm7).toBe(false);
		});
	});

	it('replaying the reported changes on the original text gives the new text', () => {
		const text = '«Crème brûlée» — 12\u00a0€… ça c’est Ωmega e\u0301 🎉 Ελλάδα';
		for (const level of ['safe', 'lossy'] as TransliterationLevel[]) {
			const result = toGsm(text, level);
			let rebuilt = '';
			let position = 0;
			for (const change of result.changes) {
				rebuilt += text.slice(position, change.index) + change.to;
				position = change.index + change.from.length;
			}
			expect(rebuilt + text.slice(position)).toBe(result.text);
		}
	});

	it('keeps lone surrogates rather than guessing', () => {
		expect(toGsm('a\uD83Db', 'lossy')).toEqual({ text: 'a\uD83Db', changes: [], isGsm7: false });
	});

	it('rejects an unknown level', () => {
		expect(() => toGsm('a', 'aggressive' as TransliterationLevel)).toThrow(RangeError);
	});
});
