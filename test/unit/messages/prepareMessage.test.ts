import { prepareMessage, senderTypeOfName, stopMentionAdded, type MessageSenderType } from '../../../lib/messages';

describe('the STOP mention, one rule for Send, Estimate and Campaign', () => {
	test.each<[MessageSenderType, boolean, boolean]>([
		['alpha', false, true],
		['alpha', true, false],
		['shortcode', false, true],
		['shortcode', true, false],
		['numeric', false, false],
		['virtual', false, false],
	])('a %s sender, non-commercial %s: mention added %s', (senderType, nonCommercial, added) => {
		expect(stopMentionAdded(senderType, nonCommercial)).toBe(added);
	});

	test.each([
		['MyCompany', 'alpha'],
		['+33612345678', 'numeric'],
		['0033612345678', 'numeric'],
		['33612345678', 'numeric'],
		['+33 6 12 34 56 78', 'numeric'],
		['12345', 'alpha'],
		['Shop 24', 'alpha'],
	])('the name %p is taken for a %s sender when the API is not asked', (name, type) => {
		expect(senderTypeOfName(name)).toBe(type);
	});
});

describe('prepareMessage', () => {
	test('transliterates as asked, lists the changes, then counts with the mention', () => {
		const prepared = prepareMessage('It’s 10 € — ok', { transliteration: 'safe', senderType: 'alpha' });
		expect(prepared).toMatchObject({ text: "It's 10 € - ok", stopClause: true, analysis: { encoding: 'GSM-7', units: 15 + 11 } });
		expect(prepared.changes.map(({ from, to }) => [from, to])).toEqual([
			['’', "'"],
			['—', '-'],
		]);
	});

	test('leaves the text alone without transliteration', () => {
		expect(prepareMessage('Code 🔐', { senderType: 'numeric' })).toMatchObject({
			text: 'Code 🔐',
			changes: [],
			stopClause: false,
			analysis: { encoding: 'UCS-2' },
		});
	});
});
