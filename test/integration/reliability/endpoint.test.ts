// Issue #8: the credentials' custom endpoint refuses plain http except to loopback, for both
// credential types, with an error that says what to do; tricky hosts that look like loopback
// are refused. The nodes run on n8n's engine: a refused endpoint must fail before any request
// leaves (a listener on the "evil" side would see it).
import { checkCustomBaseUrl } from '../../../lib/ovh';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { OvhCloudApi } from '../../../credentials/OvhCloudApi.credentials';
import { OvhCloudOAuth2Api } from '../../../credentials/OvhCloudOAuth2Api.credentials';
import { runNode } from '../../support/n8nEngine';

const LOOPBACK_HTTP = [
	'http://127.0.0.1:8787/1.0',
	'http://127.8.9.10:8787/1.0',
	'http://localhost:8787/1.0',
	'http://LOCALHOST:8787/1.0',
	'HTTP://127.0.0.1:8787/1.0',
	'http://[::1]:8787/1.0',
	// WHATWG URL parsing normalises these to 127.0.0.1: they are loopback.
	'http://127.1:8787/1.0',
	'http://0x7f.0.0.1:8787/1.0',
	'  http://127.0.0.1:8787/1.0/  ',
];

const REFUSED_HTTP = [
	'http://eu.api.ovh.com/1.0',
	'http://127.0.0.1.evil.com/1.0',
	'http://localhost.evil.com/1.0',
	'http://evil.localhost.com/1.0',
	'http://127.0.0.1@evil.com/1.0',
	'http://localhost:8787@evil.com/1.0',
	'http://evil.com#@127.0.0.1/1.0',
	'http://evil.com?@127.0.0.1/1.0',
	'http://evil.com\\@127.0.0.1/1.0',
	'http://[::ffff:127.0.0.1]/1.0',
	'http://[::ffff:7f00:1]/1.0',
	'http://0.0.0.0:8787/1.0',
	'http://10.0.0.1/1.0',
	'http://192.168.1.10/1.0',
	'http://[fe80::1]/1.0',
	'HTTP://EVIL.COM/1.0',
	'http://localhost./1.0',
];

const OTHER_SCHEMES = [
	'ftp://127.0.0.1/1.0',
	'file:///etc/passwd',
	'ws://127.0.0.1/1.0',
	'javascript:alert(1)',
	'not a url',
	'//evil.com/1.0',
];

describe('checkCustomBaseUrl', () => {
	test.each(LOOPBACK_HTTP)('accepts plain http to loopback: %s', (url) => {
		expect(() => checkCustomBaseUrl(url)).not.toThrow();
	});

	test.each(REFUSED_HTTP)('refuses plain http off loopback, saying to use https: %s', (url) => {
		expect(() => checkCustomBaseUrl(url)).toThrow(/plain http on a non-loopback host: use https/);
	});

	test.each([
		'https://eu.api.ovh.com/1.0',
		'https://proxy.example.com:8443/ovh/1.0',
		'HTTPS://Proxy.Example.com/1.0',
		'https://10.0.0.1/1.0',
	])('accepts https anywhere: %s', (url) => {
		expect(checkCustomBaseUrl(url)).toBe(url.trim().replace(/\/+$/, ''));
	});

	test.each(OTHER_SCHEMES)('refuses another scheme or no URL: %s', (url) => {
		expect(() => checkCustomBaseUrl(url)).toThrow(/must start with https:\/\/|is not a valid URL/);
	});
});

describe('the credentials sign nothing for a refused host (n8n calls authenticate for every request and the credential test)', () => {
	const api = new OvhCloudApi();
	const oauth2 = new OvhCloudOAuth2Api();
	const keys = { applicationKey: 'ak', applicationSecret: 'as', consumerKey: 'ck' };

	test.each(REFUSED_HTTP)('API keys: %s', async (baseURL) => {
		await expect(api.authenticate(keys, { method: 'GET', baseURL, url: '/sms' })).rejects.toThrow(/Request URL .* plain http/);
	});

	test.each(REFUSED_HTTP)('service account: %s', async (baseURL) => {
		await expect(oauth2.authenticate({ accessToken: 'token' }, { method: 'GET', baseURL, url: '/sms' })).rejects.toThrow(
			/Request URL .* plain http/,
		);
	});

	test('the service account refuses a plain-http token URL off loopback before sending the secret', async () => {
		let requested = false;
		const helpers = {
			helpers: {
				httpRequest: async () => {
					requested = true;
					return { statusCode: 200, headers: {}, body: '{"access_token":"x"}' };
				},
			},
		};
		const preAuthentication = oauth2.preAuthentication.bind(helpers as never);
		await expect(
			preAuthentication({
				endpoint: 'custom',
				customTokenUrl: 'http://127.0.0.1.evil.com/auth/oauth2/token',
				clientId: 'id',
				clientSecret: 's',
			}),
		).rejects.toThrow(/Custom token URL .* plain http on a non-loopback host/);
		expect(requested).toBe(false);
	});
});

describe('through the node on n8n’s engine', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ deliveryDelayMs: 60_000 });
	});
	afterAll(() => sandbox.close());

	const run = (credentials: Record<string, Record<string, string>>) =>
		runNode({
			type: 'ovhSms',
			credentials,
			parameters: { serviceName: { __rl: true, mode: 'id', value: sandbox.serviceName }, resource: 'account', operation: 'get' },
			continueOnFail: true,
		});

	test.each([
		['API keys', (endpoint: string) => ({ ovhCloudApi: { endpoint: 'custom', customEndpoint: endpoint, ...sandbox.credentials } })],
		[
			'service account',
			(endpoint: string) => ({
				ovhCloudOAuth2Api: {
					endpoint: 'custom',
					customEndpoint: endpoint,
					customTokenUrl: `${sandbox.url}/auth/oauth2/token`,
					clientId: sandbox.oauth2.clientId,
					clientSecret: sandbox.oauth2.clientSecret,
					accessToken: '',
				},
			}),
		],
	])(
		'%s: a plain-http endpoint off loopback fails with a clear error, nothing sent; the loopback sandbox works',
		async (_name, credentialsFor) => {
			sandbox.clearRequests();
			const refused = await run(credentialsFor('http://127.0.0.1.evil.com/1.0'));
			// The client is made once per execution: the node fails as a whole, before any request.
			const message = String(refused.error?.message ?? refused.output[0]?.json.error);
			expect(message).toMatch(/Custom endpoint "http:\/\/127\.0\.0\.1\.evil\.com\/1\.0" uses plain http on a non-loopback host: use https/);
			expect(sandbox.requests).toHaveLength(0);
			const works = await run(credentialsFor(sandbox.apiBaseUrl));
			expect(works.output[0].json).toMatchObject({ name: sandbox.serviceName });
		},
	);
});
