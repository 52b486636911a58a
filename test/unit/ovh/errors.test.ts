// Error answers never carry a credential, whatever form the server repeated it in.
import { errorFromResponse, redactSecrets } from '../../../lib/ovh/errors';

const secret = 'ZqConsumerKey0123456789abcdef01Xw';
const header = `X-Ovh-Consumer: ${secret}`;
const escapeEvery = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

describe('redactSecrets removes a known secret in every form a server may repeat it in', () => {
	const forms: Array<[string, string]> = [
		['plain', header],
		['percent-encoded (URL)', encodeURIComponent(`a&${header}`)],
		['percent-encoded (every byte)', [...Buffer.from(secret)].map((b) => `%${b.toString(16)}`).join('')],
		['JSON \\u escapes', escapeEvery(header)],
		['base64, aligned', Buffer.from(secret).toString('base64')],
		['base64 of the header line (offset 1)', Buffer.from(`x${header}`).toString('base64')],
		['base64 of the header line (offset 2)', Buffer.from(`xy${header}`).toString('base64')],
		['base64url', Buffer.from(`{"h":"${header}"}`).toString('base64url')],
	];
	test.each(forms)('%s', (_form, text) => {
		const redacted = redactSecrets(`<pre>${text}</pre>`, [secret]);
		expect(redacted).toContain('[redacted]');
		// Nothing of the secret's middle is left, decoded or not.
		const decoded = [0, 1, 2, 3].map((k) => Buffer.from(redacted.replace(/^<pre>|<\/pre>$/g, '').slice(k), 'base64').toString('latin1'));
		for (const view of [redacted, decodeURIComponent(redacted.replace(/%(?![0-9a-f]{2})/gi, '%25')), ...decoded]) {
			expect(view).not.toContain(secret.slice(4, 24));
		}
	});
});

describe('errorFromResponse does not copy a page that is not OVHcloud JSON', () => {
	test('status, content type, size and the first words, with token-like runs left out', () => {
		const page = `<html><body><h1>502 Bad Gateway</h1><pre>${Buffer.from(`authorization: Bearer abcdef0123456789abcdef\n${header}`).toString('base64')}</pre></body></html>`;
		const error = errorFromResponse('GET', '/sms', 502, { 'content-type': 'text/html; charset=utf-8' }, page);
		expect(error.message).toBe(
			`OVHcloud API 502 on GET /sms: Bad gateway (not OVHcloud's JSON: text/html, ${page.length} characters, beginning "502 Bad Gateway […]")`,
		);
	});

	test('a JSON message that repeats the request loses its credential headers and bearer values', () => {
		const body = JSON.stringify({
			message: `Bad gateway: GET /sms\nauthorization: Bearer abcdef0123456789abcdef\n${header}\nx-ovh-signature: $1$abc`,
		});
		const error = errorFromResponse('GET', '/sms', 502, {}, body);
		expect(error.message).toBe(
			'OVHcloud API 502 on GET /sms: Bad gateway: GET /sms\nauthorization: Bearer [redacted]\nX-Ovh-Consumer: [redacted]\nx-ovh-signature: [redacted]',
		);
	});

	test("OVHcloud's own JSON messages are kept as they are", () => {
		const error = errorFromResponse(
			'POST',
			'/sms/x/jobs',
			400,
			{},
			JSON.stringify({ class: 'Client::BadRequest', message: 'Invalid receivers: +3361' }),
		);
		expect(error.message).toBe('OVHcloud API 400 Client::BadRequest on POST /sms/x/jobs: Invalid receivers: +3361');
	});
});
