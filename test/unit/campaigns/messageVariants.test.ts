import fc from 'fast-check';
import { factorMessages, personaliseMessage } from '../../../lib/campaigns';

const rebuild = (messages: string[]) => {
	const { template, column, variants } = factorMessages(messages);
	return messages.map((_, i) => (column ? personaliseMessage(template, { [column]: variants[i] }) : template));
};

describe('factorMessages', () => {
	test('identical messages need no list', () => {
		expect(factorMessages(['Same text', 'Same text'])).toEqual({ template: 'Same text', column: null, variants: [] });
	});

	test('keeps the shared start and end in the text and only the differing middle in the column', () => {
		const messages = ['Hello Alice, your table is booked 🍽', 'Hello Bob, your table is booked 🍽'];
		const factored = factorMessages(messages);
		expect(factored.template).toBe('Hello #text#, your table is booked 🍽');
		expect(factored.variants).toEqual(['Alice', 'Bob']);
		expect(rebuild(messages)).toEqual(messages);
	});

	test('never cuts an emoji in two', () => {
		const messages = ['Hi 😀 there', 'Hi 😃 there'];
		const factored = factorMessages(messages);
		expect(factored.variants).toEqual(['😀', '😃']);
		expect(rebuild(messages)).toEqual(messages);
	});

	test('never leaves half a #token next to the placeholder', () => {
		const messages = ['Code #AB1 ok', 'Code #AB2 ok'];
		const factored = factorMessages(messages);
		expect(factored.template).toBe('Code #text# ok');
		expect(rebuild(messages)).toEqual(messages);
	});

	test('picks another column name when the shared text itself says #text#', () => {
		const messages = ['Reply #text# to 1', 'Reply #text# to 2'];
		const factored = factorMessages(messages);
		expect(factored.column).toBe('text_');
		expect(rebuild(messages)).toEqual(messages);
	});

	test('rebuilds every message, whatever they share (property)', () => {
		const text = fc.array(fc.constantFrom('a', 'b', ' ', '#', 'é', '😀', '\n'), { maxLength: 8 }).map((chars) => chars.join(''));
		fc.assert(
			fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (messages) => {
				expect(rebuild(messages)).toEqual(messages);
			}),
		);
	});
});
