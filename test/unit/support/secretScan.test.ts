// The suite's secrets scan must find a secret in every encoding a server might echo it in: a
// scan that cannot find one proves nothing.
import { findSecrets } from '../../support/secretScan';

const secret = { name: 'consumer key', value: 'ZqConsumerKey0123456789abcdef01234567Xw' };
const header = `X-Ovh-Consumer: ${secret.value}`;
const b64 = (text: string, prefix = '') => Buffer.from(prefix + text).toString('base64');

const forms: Array<[string, string]> = [
	['plain', `<pre>${header}</pre>`],
	['base64 of the header line', `<pre>${b64(header)}</pre>`],
	['base64 at offset 1', `<pre>${b64(header, 'x')}</pre>`],
	['base64 at offset 2', `<pre>${b64(header, 'xy')}</pre>`],
	['base64url', `<pre>${Buffer.from(`{"h":"${header}"}`).toString('base64url')}</pre>`],
	['base64 cut in the middle of a group', `…${b64(header).slice(5)}`],
	['percent-encoded (URL)', `a=${encodeURIComponent(`${header}/?&`)}`],
	['percent-encoded (every byte)', [...Buffer.from(header)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')],
	['JSON-escaped (\\u)', `{"page":"${[...header].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`],
	['JSON-escaped inside a JSON string', JSON.stringify({ page: JSON.stringify({ echo: header }) })],
	['a truncated copy', `…${secret.value.slice(5, 35)}…`],
];

test.each(forms)('finds the secret %s', (_form, text) => {
	expect(findSecrets(text, [secret], 'test').length).toBeGreaterThan(0);
});

test('finds nothing in a text without it', () => {
	expect(findSecrets(`X-Ovh-Consumer: [redacted] ${b64('X-Ovh-Consumer: [redacted]')}`, [secret], 'test')).toEqual([]);
});
