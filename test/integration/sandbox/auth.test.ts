import { startSandbox, type Sandbox } from '../../../sandbox';
import { adminCall, httpRequest, ovh, sign } from './ovh-test-client';

let sandbox: Sandbox;
const account = () => `/sms/${sandbox.serviceName}`;

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 20 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

describe('signed requests (application key, secret, consumer key)', () => {
	it('answers a correctly signed call as JSON with an X-Ovh-QueryId', async () => {
		const answer = await ovh(sandbox, 'GET', '/sms');
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual(['sms-sb00001-1']);
		expect(answer.headers['content-type']).toMatch(/^application\/json/);
		expect(answer.headers['x-ovh-queryid']).toMatch(/^EU\.ext-1\./);
	});

	it('refuses a wrong signature with OVHcloud’s exact error', async () => {
		const answer = await ovh(sandbox, 'GET', '/sms', { badSignature: true });
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ errorCode: 'INVALID_SIGNATURE', httpCode: '400 Bad Request', message: 'Invalid signature' });
		expect(answer.headers['x-ovh-queryid']).toBeDefined();
	});

	it('signs the query string: a query changed after signing is refused', async () => {
		const url = `${sandbox.apiBaseUrl}${account()}/outgoing?tag=a`;
		const timestamp = Math.floor(Date.now() / 1000);
		const signature = sign(sandbox.credentials.applicationSecret, sandbox.credentials.consumerKey, 'GET', url, '', timestamp);
		const headers = {
			'X-Ovh-Application': sandbox.credentials.applicationKey,
			'X-Ovh-Consumer': sandbox.credentials.consumerKey,
			'X-Ovh-Timestamp': String(timestamp),
			'X-Ovh-Signature': signature,
		};
		expect((await httpRequest('GET', url, { headers })).status).toBe(200);
		expect((await httpRequest('GET', url.replace('tag=a', 'tag=b'), { headers })).json.errorCode).toBe('INVALID_SIGNATURE');
	});

	it('signs the body bytes as sent: raw UTF-8 and \\u-escaped JSON both pass, a changed body does not', async () => {
		const raw = JSON.stringify({ description: 'Café ☕' });
		const escaped = raw.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
		expect((await ovh(sandbox, 'PUT', account(), { rawBody: raw })).status).toBe(200);
		expect((await ovh(sandbox, 'PUT', account(), { rawBody: escaped })).status).toBe(200);
		expect((await ovh(sandbox, 'GET', account())).json.description).toBe('Café ☕');

		const url = sandbox.apiBaseUrl + account();
		const timestamp = Math.floor(Date.now() / 1000);
		const signedFor = sign(sandbox.credentials.applicationSecret, sandbox.credentials.consumerKey, 'PUT', url, raw, timestamp);
		const tampered = await httpRequest('PUT', url, {
			headers: {
				'Content-Type': 'application/json',
				'X-Ovh-Application': sandbox.credentials.applicationKey,
				'X-Ovh-Consumer': sandbox.credentials.consumerKey,
				'X-Ovh-Timestamp': String(timestamp),
				'X-Ovh-Signature': signedFor,
			},
			body: JSON.stringify({ description: 'Changed' }),
		});
		expect(tampered.json.errorCode).toBe('INVALID_SIGNATURE');
	});

	it('refuses a timestamp outside the tolerance window, accepts one inside', async () => {
		const now = Math.floor(Date.now() / 1000);
		const stale = await ovh(sandbox, 'GET', '/sms', { timestamp: now - 200 });
		expect(stale.status).toBe(400);
		expect(stale.json).toEqual({ errorCode: 'QUERY_TIME_OUT', httpCode: '400 Bad Request', message: 'Query out of time' });
		expect((await ovh(sandbox, 'GET', '/sms', { timestamp: now + 250 })).json.errorCode).toBe('QUERY_TIME_OUT');
		expect((await ovh(sandbox, 'GET', '/sms', { timestamp: now - 150 })).status).toBe(200);
	});

	it('refuses unknown application and consumer keys', async () => {
		const badApplication = await ovh(sandbox, 'GET', '/sms', { applicationKey: 'nope' });
		expect(badApplication.status).toBe(403);
		expect(badApplication.json.errorCode).toBe('INVALID_KEY');
		const badConsumer = await ovh(sandbox, 'GET', '/sms', { consumerKey: 'nope' });
		expect(badConsumer.status).toBe(403);
		expect(badConsumer.json).toEqual({
			errorCode: 'INVALID_CREDENTIAL',
			httpCode: '403 Forbidden',
			message: 'This credential is not valid',
		});
	});

	it('asks to log in when no authentication is sent', async () => {
		const answer = await ovh(sandbox, 'GET', '/sms', { anonymous: true });
		expect(answer.status).toBe(401);
		expect(answer.json).toEqual({ message: 'You must login first' });
	});

	it('refuses a call outside the consumer key’s access rules', async () => {
		const answer = await ovh(sandbox, 'GET', '/me');
		expect(answer.status).toBe(403);
		expect(answer.json).toEqual({
			errorCode: 'NOT_GRANTED_CALL',
			httpCode: '403 Forbidden',
			message: 'This call has not been granted',
		});
	});

	it('refuses an expired consumer key, from the object and from /admin', async () => {
		sandbox.expireCredentials();
		expect((await ovh(sandbox, 'GET', '/sms')).json.errorCode).toBe('INVALID_CREDENTIAL');
		sandbox.expireCredentials(false);
		expect((await ovh(sandbox, 'GET', '/sms')).status).toBe(200);
		expect((await adminCall(sandbox, 'POST', '/credentials/expire')).status).toBe(200);
		expect((await ovh(sandbox, 'GET', '/sms')).status).toBe(403);
	});

	it('describes the current credential with its rules', async () => {
		const answer = await ovh(sandbox, 'GET', '/auth/currentCredential');
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ status: 'validated', ovhSupport: false, allowedIPs: null });
		expect(answer.json.rules).toContainEqual({ method: 'POST', path: '/sms/*' });
		expect(typeof answer.json.lastUse).toBe('string');
	});
});

describe('GET /auth/time', () => {
	it('answers the server epoch as a bare integer, without authentication', async () => {
		const answer = await ovh(sandbox, 'GET', '/auth/time', { anonymous: true });
		expect(answer.status).toBe(200);
		expect(answer.text).toMatch(/^\d+$/);
		expect(Math.abs(Number(answer.text) - Date.now() / 1000)).toBeLessThan(5);
	});
});

describe('OAuth2 client credentials', () => {
	const tokenRequest = (secret = sandbox.oauth2.clientSecret) =>
		httpRequest('POST', sandbox.oauth2.tokenUrl, {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: sandbox.oauth2.clientId,
				client_secret: secret,
				scope: 'all',
			}).toString(),
		});

	it('issues a bearer token the API accepts instead of a signature', async () => {
		const token = await tokenRequest();
		expect(token.status).toBe(200);
		expect(token.json).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3599, scope: 'all' });
		const answer = await ovh(sandbox, 'GET', account(), { bearer: token.json.access_token });
		expect(answer.status).toBe(200);
		expect(answer.json.name).toBe(sandbox.serviceName);
		expect((await ovh(sandbox, 'GET', '/auth/details', { bearer: token.json.access_token })).json.method).toBe('oauth2_client_credentials');
	});

	it('refuses a wrong secret and an unknown token', async () => {
		const refused = await tokenRequest('wrong');
		expect(refused.status).toBe(401);
		expect(refused.json.error).toBe('invalid_client');
		expect((await ovh(sandbox, 'GET', '/sms', { bearer: 'not-a-token' })).status).toBe(401);
	});

	it('after the secret is revoked, the old token and new token requests are refused', async () => {
		const token = (await tokenRequest()).json.access_token as string;
		expect((await adminCall(sandbox, 'POST', '/oauth2/revoke')).status).toBe(200);
		const call = await ovh(sandbox, 'GET', '/sms', { bearer: token });
		expect(call.status).toBe(401);
		expect(call.json.errorCode).toBe('INVALID_CREDENTIAL');
		const again = await tokenRequest();
		expect(again.status).toBe(401);
		expect(again.json).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
	});
});
