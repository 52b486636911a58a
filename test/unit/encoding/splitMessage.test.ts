import { splitMessage } from '../../../lib/encoding';

describe('splitMessage', () => {
	it('returns a text that fits one SMS as it is', () => {
		expect(splitMessage('Bonjour !')).toEqual(['Bonjour !']);
		expect(splitMessage('a'.repeat(160))).toEqual(['a'.repeat(160)]);
	});

	it('returns one empty part for an empty text', () => {
		expect(splitMessage('')).toEqual(['']);
	});

	it('cuts GSM-7 text every 153 septets', () => {
		expect(splitMessage('a'.repeat(161))).toEqual(['a'.repeat(153), 'a'.repeat(8)]);
	});

	it('moves an extension character whole to the next part instead of cutting its escape pair', () => {
		expect(splitMessage('a'.repeat(152) + '€' + 'a'.repeat(152))).toEqual(['a'.repeat(152), '€' + 'a'.repeat(151), 'a']);
	});

	it('moves a surrogate pair whole to the next part', () => {
		const parts = splitMessage('Ж'.repeat(66) + '😀' + 'Ж'.repeat(66));
		expect(parts).toEqual(['Ж'.repeat(66), '😀' + 'Ж'.repeat(65), 'Ж']);
	});

	it('may cut an emoji sequence between its surrogate pairs by default', () => {
		const family = '👨‍👩‍👧‍👦';
		const parts = splitMessage('Ж'.repeat(61) + family + 'Ж'.repeat(62));
		expect(parts).toHaveLength(2);
		expect(parts[0].endsWith('👨‍👩‍')).toBe(true);
		expect(parts[1].startsWith('👧‍👦')).toBe(true);
	});

	it('keeps the emoji sequence whole with preserveGraphemes', () => {
		const family = '👨‍👩‍👧‍👦';
		const parts = splitMessage('Ж'.repeat(61) + family + 'Ж'.repeat(62), { preserveGraphemes: true });
		expect(parts).toEqual(['Ж'.repeat(61), family + 'Ж'.repeat(56), 'Ж'.repeat(6)]);
	});

	it('includes the STOP clause, which is sent like the rest of the text', () => {
		expect(splitMessage('a'.repeat(20), { stopClause: true })).toEqual(['a'.repeat(20) + '\nSTOP:36111']);
		expect(splitMessage('a'.repeat(150), { stopClause: true })).toEqual(['a'.repeat(150) + '\nST', 'OP:36111']);
	});

	it('cuts at 152 septets with a 16-bit concatenation reference', () => {
		expect(splitMessage('a'.repeat(161), { concatenation: '16bit' })).toEqual(['a'.repeat(152), 'a'.repeat(9)]);
	});

	it('rejects a text that is not a string', () => {
		expect(() => splitMessage(null as unknown as string)).toThrow(TypeError);
	});
});
