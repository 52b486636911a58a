import { normalizePhoneNumber, RecipientList, splitNumberList } from '../../../lib/recipients';

const fr = { defaultCountry: 'FR' };
const number = (raw: unknown, options: { defaultCountry?: string } = fr) => {
	const check = normalizePhoneNumber(raw, options);
	return check.valid ? check.number : `invalid: ${check.reason}`;
};

describe('normalizePhoneNumber', () => {
	test.each([
		['+33612345678', '+33612345678'],
		['+33 6 12 34 56 78', '+33612345678'],
		['0033612345678', '+33612345678'],
		['00 33 6 12 34 56 78', '+33612345678'],
		['+33 (0)6 12 34 56 78', '+33612345678'],
		['+330612345678', '+33612345678'],
		['06 12 34 56 78', '+33612345678'],
		['06.12.34.56.78', '+33612345678'],
		['06-12-34-56-78', '+33612345678'],
		['612345678', '+33612345678'],
		['33612345678', '+33612345678'],
		['\u00a006\u202f12 34 56 78 ', '+33612345678'],
		['+44 7700 900123', '+447700900123'],
		['+39 06 1234 5678', '+390612345678'],
		['+1 415 555 2671', '+14155552671'],
	])('%j becomes %s', (raw, expected) => {
		expect(number(raw)).toBe(expected);
	});

	test('national numbers follow the default country', () => {
		expect(number('0470 12 34 56', { defaultCountry: 'BE' })).toBe('+32470123456');
		expect(number('07700 900123', { defaultCountry: 'GB' })).toBe('+447700900123');
		expect(number('612 345 678', { defaultCountry: 'ES' })).toBe('+34612345678');
		expect(number('0612 345', { defaultCountry: 'gb' })).toMatch(/^invalid: wrong length for United Kingdom/);
	});

	test('French overseas numbers dialled nationally get their own country code', () => {
		expect(normalizePhoneNumber('0692 12 34 56', fr)).toEqual({ valid: true, number: '+262692123456', country: 'RE' });
		expect(normalizePhoneNumber('0690 12 34 56', fr)).toEqual({ valid: true, number: '+590690123456', country: 'GP' });
		expect(normalizePhoneNumber('0639 12 34 56', fr)).toEqual({ valid: true, number: '+262639123456', country: 'YT' });
		expect(normalizePhoneNumber('0696123456', { defaultCountry: 'MQ' })).toMatchObject({ number: '+596696123456' });
	});

	test('a national number without a default country is refused with the way out', () => {
		expect(number('0612345678', {})).toMatch(/national number without a country/);
		expect(number('0612345678', { defaultCountry: 'XX' })).toMatch(/unknown default country "XX"/);
	});

	test.each([
		['', 'empty'],
		['   ', 'empty'],
		['call me', 'contains letters'],
		['+33 6 12 34 56 7', 'wrong length for France: 8 digits after +33, expected 9'],
		['+33 6 12 34 56 789', 'wrong length for France'],
		['06 12 34 56 78 #2', 'contains "#"'],
		['+12345', 'too short'],
		['+1234567890123456', 'too long'],
		['+0612345678', 'no country code'],
		['06+12345678', 'contains "+"'],
	])('%j is invalid: %s', (raw, reason) => {
		expect(number(raw)).toContain(`invalid: ${reason}`);
	});

	test('numbers from expressions may be JavaScript numbers', () => {
		expect(number(33612345678)).toBe('+33612345678');
		expect(number(612345678)).toBe('+33612345678');
		expect(number(1.5)).toMatch(/^invalid/);
	});
});

describe('splitNumberList', () => {
	test('splits on commas, semicolons and new lines, never on spaces', () => {
		expect(splitNumberList('+33 6 12 34 56 78, 0611111111;\n06 22 22 22 22\r\n\n')).toEqual([
			'+33 6 12 34 56 78',
			'0611111111',
			'06 22 22 22 22',
		]);
	});

	test('takes what expressions return: arrays, nested arrays, numbers', () => {
		expect(splitNumberList(['+33611111111', ['0622222222, 0633333333'], 33644444444, null])).toEqual([
			'+33611111111',
			'0622222222',
			'0633333333',
			'33644444444',
		]);
		expect(splitNumberList(undefined)).toEqual([]);
	});
});

describe('RecipientList', () => {
	test('keeps each number once, in order, and the invalid ones with their reason', () => {
		const list = new RecipientList(fr).addAll(['0611111111', '+33611111111', 'nope', '0033622222222', '']);
		expect(list.numbers).toEqual(['+33611111111', '+33622222222']);
		expect(list.duplicates).toEqual(['+33611111111']);
		expect(list.invalid).toEqual([
			{ receiver: 'nope', reason: 'contains letters' },
			{ receiver: '', reason: 'empty' },
		]);
		expect(list.size).toBe(2);
	});
});
