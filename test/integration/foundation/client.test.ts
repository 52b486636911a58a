// The API client and the credentials against the sandbox: what a user's first calls do.
import http from 'node:http';
import { OvhApiError, OvhClient, type OvhTransport } from '../../../lib/ovh';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { runNode } from '../../support/n8nEngine';

/** A plain node:http transport: the client, not n8n, signs here. */
const httpTransport: OvhTransport = (request) =>
	new Promise((resolve, reject) => {
		const req = http.request(request.url, { method: request.method, headers: request.headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('error', reject);
		if (request.body !== undefined) req.write(request.body);
		req.end();
	});

function signedClient(sandbox: Sandbox, overrides: Partial<Sandbox['credentials']> = {}) {
	return new OvhClient({
		baseUrl: sandbox.apiBaseUrl,
		transport: httpTransport,
		auth: { type: 'applicationKey', ...sandbox.credentials, ...overrides },
		sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
	});
}

function apiCredentials(sandbox: Sandbox, overrides: Record<string, string> = {}) {
	return { ovhCloudApi: { endpoint: 'custom', customEndpoint: sandbox.apiBaseUrl, ...sandbox.credentials, ...overrides } };
}

const accountGet = (sandbox: Sandbox) => ({
	resource: 'account',
	operation: 'get',
	serviceName: { __rl: true, mode: 'id', value: sandbox.serviceName },
});

describe('OVHcloud API client against the sandbox', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await startSandbox({ deliveryDelayMs: 10 });
	});
	afterEach(async () => {
		await sandbox.close();
	});

	test('a job sent through the client debits credits and shows in outgoing', async () => {
		const client = signedClient(sandbox);
		const before = await client.get<{ creditsLeft: number }>(`/sms/${sandbox.serviceName}`);
		const report = await client.post<{ ids: number[]; validReceivers: string[]; totalCreditsRemoved: number }>(
			`/sms/${sandbox.serviceName}/jobs`,
			{ message: 'Réunion à 14h 🎉 confirmée', receivers: ['+33611111111', '0033622222222'], sender: 'MyCompany', noStopClause: true },
		);
		expect(report.validReceivers).toEqual(['+33611111111', '+33622222222']);
		expect(report.totalCreditsRemoved).toBe(2);
		const after = await client.get<{ creditsLeft: number }>(`/sms/${sandbox.serviceName}`);
		expect(after.creditsLeft).toBe(before.creditsLeft - 2);
		const outgoing = await client.get<number[]>(`/sms/${sandbox.serviceName}/outgoing`, { receiver: '+33611111111' });
		expect(outgoing).toHaveLength(1);
		const [sms] = await client.getMany<{ message: string; receiver: string }>(`/sms/${sandbox.serviceName}/outgoing`, outgoing);
		expect(sms.value).toMatchObject({ message: 'Réunion à 14h 🎉 confirmée', receiver: '+33611111111' });
	});

	test('the sandbox refuses a wrong secret with OVH’s error, and the error holds no secret', async () => {
		const client = signedClient(sandbox, { applicationSecret: 'not-the-right-secret' });
		const error = (await client.get('/sms').catch((e: unknown) => e)) as OvhApiError;
		expect(error).toBeInstanceOf(OvhApiError);
		expect(error.httpStatus).toBe(400);
		expect(error.errorCode).toBe('INVALID_SIGNATURE');
		expect(error.queryId).toBeTruthy();
		const text = JSON.stringify({ m: error.message, j: error.toJSON(), s: error.stack });
		for (const secret of ['not-the-right-secret', sandbox.credentials.consumerKey]) expect(text).not.toContain(secret);
	});

	test('a machine clock 10 minutes off still signs valid requests (the API clock is used)', async () => {
		sandbox.setFaults({ clockSkewSeconds: 600 });
		await expect(signedClient(sandbox).get('/sms')).resolves.toEqual([sandbox.serviceName]);
	});

	test('a burst of 429s on a GET is ridden out', async () => {
		sandbox.setFaults({ rate429: 0.5, seed: 7 });
		const client = signedClient(sandbox);
		for (let i = 0; i < 10; i++) await expect(client.get('/sms')).resolves.toEqual([sandbox.serviceName]);
		expect(client.stats.rateLimited).toBeGreaterThan(0);
	});

	test('a service account gets a token once and reuses it', async () => {
		const client = new OvhClient({
			baseUrl: sandbox.apiBaseUrl,
			transport: httpTransport,
			auth: { type: 'oauth2', ...sandbox.oauth2 },
			sleep: async () => undefined,
		});
		await client.get('/sms');
		await client.get(`/sms/${sandbox.serviceName}`);
		const tokenCalls = sandbox.requests.filter((r) => r.path.includes('oauth2'));
		expect(tokenCalls.length).toBeLessThanOrEqual(1);
	});
});

describe('credentials through n8n’s request helpers (real engine)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ deliveryDelayMs: 10 });
	});
	afterAll(async () => {
		await sandbox.close();
	});

	test('good application keys read the account', async () => {
		const result = await runNode({ type: 'ovhSms', parameters: accountGet(sandbox), credentials: apiCredentials(sandbox) });
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ name: sandbox.serviceName, creditsLeft: expect.any(Number) });
	});

	test('keys pasted with trailing spaces still work', async () => {
		const result = await runNode({
			type: 'ovhSms',
			parameters: accountGet(sandbox),
			credentials: apiCredentials(sandbox, {
				applicationKey: `${sandbox.credentials.applicationKey} `,
				applicationSecret: `${sandbox.credentials.applicationSecret}  `,
				consumerKey: ` ${sandbox.credentials.consumerKey}\n`,
			}),
		});
		expect(result.status).toBe('success');
	});

	test('a bad secret fails with OVHcloud’s message and no secret anywhere in the run', async () => {
		const result = await runNode({
			type: 'ovhSms',
			parameters: accountGet(sandbox),
			credentials: apiCredentials(sandbox, { applicationSecret: 'wrong-application-secret' }),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/INVALID_SIGNATURE.*Invalid signature/);
		const stored = JSON.stringify(result.run);
		for (const secret of ['wrong-application-secret', sandbox.credentials.consumerKey]) expect(stored).not.toContain(secret);
	});

	test('an unknown consumer key fails, and continue-on-fail turns it into an item', async () => {
		const result = await runNode({
			type: 'ovhSms',
			parameters: accountGet(sandbox),
			credentials: apiCredentials(sandbox, { consumerKey: 'unknown-consumer-key' }),
			items: [{ a: 1 }, { a: 2 }],
			continueOnFail: true,
		});
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(2);
		expect(result.output[0].json.error).toMatch(/403 INVALID_CREDENTIAL/);
		expect(result.output[1].pairedItem).toEqual({ item: 1 });
		expect(JSON.stringify(result.run)).not.toContain('unknown-consumer-key');
	});

	test('a service account authenticates through preAuthentication, then a revoked secret fails clearly', async () => {
		const credentials = {
			ovhCloudOAuth2Api: {
				endpoint: 'custom',
				customEndpoint: sandbox.apiBaseUrl,
				customTokenUrl: sandbox.oauth2.tokenUrl,
				clientId: sandbox.oauth2.clientId,
				clientSecret: sandbox.oauth2.clientSecret,
			},
		};
		const ok = await runNode({ type: 'ovhSms', parameters: accountGet(sandbox), credentials });
		expect(ok.status).toBe('success');
		expect(ok.credentialsHelper.preAuthenticationCalls).toBe(1);

		const revoked = await runNode({
			type: 'ovhSms',
			parameters: accountGet(sandbox),
			credentials: { ovhCloudOAuth2Api: { ...credentials.ovhCloudOAuth2Api, clientSecret: 'revoked-secret' } },
		});
		expect(revoked.status).toBe('error');
		expect(revoked.error?.message).toMatch(/service account was refused/);
		expect(JSON.stringify(revoked.run)).not.toContain('revoked-secret');
	});
});
