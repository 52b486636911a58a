import { createReplyFilter, matchesReplyFilter, matchesTag, parseFilterList, phoneNumberKey, samePhoneNumber } from '../../../lib/replies';

const reply = { sender: '+33612345678', message: 'Oui, je confirme', tag: 'rdv-2024' };

describe('reply filters', () => {
	test('an empty filter lets every reply through', () => {
		expect(matchesReplyFilter(reply, createReplyFilter())).toBe(true);
		expect(matchesReplyFilter({ ...reply, tag: null }, createReplyFilter({ senders: ' ', keywords: '', tags: ',' }))).toBe(true);
	});

	test('senders match whatever way the number is written', () => {
		for (const written of ['+33612345678', '0033612345678', '33612345678', '+33 6 12 34 56 78', '+33.6.12.34.56.78']) {
			expect(matchesReplyFilter(reply, createReplyFilter({ senders: written }))).toBe(true);
		}
		expect(matchesReplyFilter(reply, createReplyFilter({ senders: '+33698765432, +44 7700 900123' }))).toBe(false);
		expect(matchesReplyFilter(reply, createReplyFilter({ senders: '+44 7700 900123, 0033612345678' }))).toBe(true);
	});

	test('keywords compare the first word without case or accents', () => {
		expect(matchesReplyFilter(reply, createReplyFilter({ keywords: 'YES, OUI' }))).toBe(true);
		expect(matchesReplyFilter(reply, createReplyFilter({ keywords: 'yes; stop' }))).toBe(false);
		expect(matchesReplyFilter({ ...reply, message: 'ARRÊT' }, createReplyFilter({ keywords: 'arret' }))).toBe(true);
		// Only the first word counts: "Je confirme, oui" does not say OUI first.
		expect(matchesReplyFilter({ ...reply, message: 'Je confirme, oui' }, createReplyFilter({ keywords: 'OUI' }))).toBe(false);
	});

	test('tags match exactly, and a reply without a tag fails a tag filter', () => {
		expect(matchesReplyFilter(reply, createReplyFilter({ tags: 'rdv-2024' }))).toBe(true);
		expect(matchesReplyFilter(reply, createReplyFilter({ tags: 'RDV-2024' }))).toBe(false);
		expect(matchesReplyFilter({ ...reply, tag: null }, createReplyFilter({ tags: 'rdv-2024' }))).toBe(false);
		expect(matchesTag('x', [])).toBe(true);
	});

	test('all conditions must hold', () => {
		const filter = createReplyFilter({ senders: '+33612345678', keywords: 'OUI', tags: 'other' });
		expect(matchesReplyFilter(reply, filter)).toBe(false);
	});

	test('lists split on commas, semicolons and lines', () => {
		expect(parseFilterList('YES, OUI;\nSTOP ,, ')).toEqual(['YES', 'OUI', 'STOP']);
		expect(parseFilterList(undefined)).toEqual([]);
	});
});

describe('phone numbers', () => {
	test('one key for the forms OVHcloud uses', () => {
		expect(phoneNumberKey('+33700000001')).toBe('33700000001');
		expect(phoneNumberKey('0033700000001')).toBe('33700000001');
		expect(samePhoneNumber('33700000001', '+33 7 00 00 00 01')).toBe(true);
		expect(samePhoneNumber('38123', '33700000001')).toBe(false);
		expect(samePhoneNumber(undefined, '33700000001')).toBe(false);
	});
});
