/**
 * The notices under Message, evaluated as n8n evaluates them (NodeHelpers.displayParameter, the
 * same function the editor calls on every keystroke), against lib/encoding's counter.
 */
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';
import { analyzeMessage } from '../../lib/encoding';
import { messageCostNotices } from '../../nodes/OvhSms/actions/common/messageCost';

const show = { resource: ['sms'], operation: ['send'] };
const notices = messageCostNotices(show);

function shown(message: string, extra: INodeParameters = {}): string[] {
	const values: INodeParameters = { resource: 'sms', operation: 'send', senderType: 'sender', message, ...extra };
	return notices
		.filter((notice: INodeProperties) => NodeHelpers.displayParameter(values, notice, null, null))
		.map((notice) => notice.name.replace(/^messageCost/, ''));
}

describe('the cost shown under Message while typing', () => {
	test.each<[string, string, string[], INodeParameters?]>([
		['nothing typed yet', '', ['Empty']],
		['an expression n8n resolved to nothing (no input item)', undefined as unknown as string, ['Empty']],
		['a short GSM-7 text', 'Your code is 1234', ['Gsm1']],
		['149 characters: one SMS even with the STOP mention', 'a'.repeat(149), ['Gsm1']],
		['150 characters: one SMS, two with the STOP mention', 'a'.repeat(150), ['Gsm1', 'GsmStop2']],
		['150 characters, non-commercial: no STOP mention to warn about', 'a'.repeat(150), ['Gsm1'], { options: { noStopClause: true } }],
		['150 characters from a virtual number: no STOP mention', 'a'.repeat(150), ['Gsm1'], { senderType: 'virtualNumber' }],
		['160 characters: one SMS', 'a'.repeat(160), ['Gsm1', 'GsmStop2']],
		['159 characters and a € (2 septets): two SMS', `${'a'.repeat(159)}€`, ['Gsm2']],
		['155 characters and three [ ]: 161 septets', `${'a'.repeat(155)}[]{`, ['Gsm2']],
		['500 characters: about four SMS', 'a'.repeat(500), ['Gsm4']],
		['1,000 characters: more than the default limit', 'a'.repeat(1000), ['GsmMore']],
		['one emoji', 'Your code: 1234 🔐', ['Unicode1', 'BecauseEmoji']],
		['a curly apostrophe', 'It’s ready', ['Unicode1', 'BecauseTypography']],
		['a small c cedilla (only the capital is GSM-7)', 'Façade', ['Unicode1', 'BecauseLetter']],
		['65 Unicode characters: two SMS with the STOP mention', `${'é'.repeat(64)}ç`, ['Unicode1', 'UnicodeStop2', 'BecauseLetter']],
		['71 Unicode units: two SMS', `${'a'.repeat(69)}🔐`, ['Unicode2', 'BecauseEmoji']],
	])('%s', (_name, message, expected, extra = {}) => {
		expect(shown(message, extra)).toEqual(expected);
	});

	// Deterministic pseudo-random texts around the boundaries.
	const ALPHABET = 'abc XYZ 0123 .,!?@£$éèàÄÖ€[]{}~^|\\\n';
	const UNICODE = ['ç', '’', '🔐', 'ж'];
	function texts(seed: number, count: number): string[] {
		let state = seed;
		const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		return Array.from({ length: count }, () => {
			const length = 120 + Math.floor(next() * 60);
			let text = '';
			for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
			if (next() < 0.4) text = text.slice(0, Math.floor(next() * 75)) + UNICODE[Math.floor(next() * UNICODE.length)];
			return text;
		});
	}

	test('one SMS or more is exact at the 160/70 boundary, with and without the STOP mention, for 300 texts', () => {
		for (const text of texts(17, 300)) {
			const plain = analyzeMessage(text, { stopClause: false });
			const withStop = analyzeMessage(text, { stopClause: true });
			const extensions = [...text].filter((c) => '€[]{}~^|\\\f'.includes(c)).length;
			const names = shown(text);
			const encoding = plain.encoding === 'GSM-7' ? 'Gsm' : 'Unicode';
			const counts = names.filter((name) => /^(Gsm|Unicode)(\d|More)$/.test(name));
			expect(counts).toHaveLength(1);
			if (encoding === 'Gsm' && extensions > 8) continue; // past the exact range: "about"
			expect({ text, names: names.includes(`${encoding}1`) }).toEqual({ text, names: plain.parts === 1 });
			expect({ text, stop: names.includes(`${encoding}Stop2`) }).toEqual({ text, stop: plain.parts === 1 && withStop.parts === 2 });
			if (plain.parts > 1) expect(Math.abs(Number(counts[0].replace(/\D/g, '')) - plain.parts)).toBeLessThanOrEqual(1);
		}
	});
});
