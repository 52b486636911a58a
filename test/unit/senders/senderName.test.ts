import { checkSenderName } from '../../../lib/senders';

describe('checkSenderName', () => {
	test.each(['MyCompany', 'ACME & Co', 'Shop-24.fr', 'A+B,C_D', 'ABCDEFGHIJK'])('accepts the alphanumeric name %s', (name) => {
		expect(checkSenderName(name)).toEqual({ valid: true, name, kind: 'alphanumeric' });
	});

	test('accepts phone numbers in international format', () => {
		expect(checkSenderName('+33612345678')).toMatchObject({ valid: true, kind: 'phoneNumber' });
		expect(checkSenderName('0033612345678')).toMatchObject({ valid: true, kind: 'phoneNumber' });
		expect(checkSenderName('33612345678')).toMatchObject({ valid: true, kind: 'phoneNumber' });
	});

	test('refuses a twelfth character, saying how many there are', () => {
		const check = checkSenderName('ABCDEFGHIJKL');
		expect(check.valid).toBe(false);
		if (!check.valid) expect(check.reason).toMatch(/12 characters.*at most 11/);
	});

	test('names the characters OVHcloud refuses (accents, punctuation)', () => {
		const check = checkSenderName('Café!');
		expect(check.valid).toBe(false);
		if (!check.valid) {
			expect(check.reason).toContain('"é"');
			expect(check.reason).toContain('"!"');
		}
	});

	test('a name of digits is a phone number, and too short a one is refused', () => {
		const check = checkSenderName('12345');
		expect(check.valid).toBe(false);
		if (!check.valid) expect(check.reason).toMatch(/5 digits/);
	});

	test('trims surrounding spaces and refuses an empty name', () => {
		expect(checkSenderName('  Alerts ')).toEqual({ valid: true, name: 'Alerts', kind: 'alphanumeric' });
		expect(checkSenderName('   ').valid).toBe(false);
	});
});
