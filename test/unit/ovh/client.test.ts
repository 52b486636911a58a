import { OvhApiError, OvhClient, type OvhAuth, type OvhHttpRequest, type OvhHttpResponse } from '../../../lib/ovh';

const KEYS = { applicationKey: 'app-key-1234', applicationSecret: 'app-secret-5678', consumerKey: 'consumer-key-9012' };
const SERVER_SECONDS = 1_764_000_000;

type Handler = (request: OvhHttpRequest, call: number) => OvhHttpResponse | Promise<OvhHttpResponse>;

function json(status: number, body: unknown, headers: Record<string, string> = {}): OvhHttpResponse {
	return { status, headers: { 'x-ovh-queryid': 'EU.ext-1.abc123', ...headers }, body: JSON.stringify(body) };
}

function makeClient(handler: Handler, auth: OvhAuth = { type: 'applicationKey', ...KEYS }, nowMs = () => SERVER_SECONDS * 1000) {
	const calls: OvhHttpRequest[] = [];
	const sleeps: number[] = [];
	let apiCalls = 0;
	const client = new OvhClient({
		baseUrl: 'https://eu.api.ovh.com/1.0',
		auth,
		sleep: async (ms) => void sleeps.push(ms),
		nowMs,
		random: () => 0.5,
		transport: async (request) => {
			calls.push(request);
			if (request.url.endsWith('/auth/time')) return { status: 200, headers: {}, body: String(SERVER_SECONDS) };
			return handler(request, apiCalls++);
		},
	});
	return { client, calls, sleeps };
}

const apiCalls = (calls: OvhHttpRequest[]) => calls.filter((c) => !c.url.endsWith('/auth/time'));

describe('OvhClient retries', () => {
	test('a burst of 429s on a GET is ridden out with growing waits', async () => {
		const { client, calls, sleeps } = makeClient((_r, n) =>
			n < 3 ? json(429, { message: 'Too many requests' }) : json(200, ['sms-ab12345-1']),
		);
		await expect(client.get('/sms')).resolves.toEqual(['sms-ab12345-1']);
		expect(apiCalls(calls)).toHaveLength(4);
		expect(sleeps).toHaveLength(3);
		expect(sleeps[1]).toBeGreaterThan(sleeps[0]);
		expect(client.stats.rateLimited).toBe(3);
	});

	test('Retry-After is honoured when longer than the backoff', async () => {
		const { client, sleeps } = makeClient((_r, n) => (n === 0 ? json(429, {}, { 'retry-after': '7' }) : json(200, {})));
		await client.get('/sms');
		expect(sleeps).toEqual([7000]);
	});

	test('a 5xx on a GET is retried, a 5xx on a send is not (it may have been sent)', async () => {
		const get = makeClient((_r, n) => (n === 0 ? json(503, { class: 'Server::ServiceUnavailable', message: 'down' }) : json(200, 1)));
		await expect(get.client.get('/sms/x')).resolves.toBe(1);

		const post = makeClient(() => json(502, { message: 'Bad gateway' }));
		const error = await post.client.post('/sms/x/jobs', { message: 'hi' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(OvhApiError);
		expect((error as OvhApiError).requestMayHaveBeenProcessed).toBe(true);
		expect(apiCalls(post.calls)).toHaveLength(1);
	});

	test('a 429 on a send is retried: the API refused it before doing anything', async () => {
		const { client, calls } = makeClient((_r, n) => (n < 2 ? json(429, {}) : json(200, { ids: [1] })));
		await expect(client.post('/sms/x/jobs', { message: 'hi' })).resolves.toEqual({ ids: [1] });
		expect(apiCalls(calls)).toHaveLength(3);
	});

	test('a connection reset during a send is reported as ambiguous, never resent', async () => {
		const { client, calls } = makeClient(() => {
			throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		});
		const error = (await client.post('/sms/x/jobs', { message: 'hi' }).catch((e: unknown) => e)) as OvhApiError;
		expect(error).toBeInstanceOf(OvhApiError);
		expect(error.requestMayHaveBeenProcessed).toBe(true);
		expect(error.message).toContain('may have been processed');
		expect(apiCalls(calls)).toHaveLength(1);
	});

	test('a refused connection during a send is retried: nothing left this machine', async () => {
		const { client, calls } = makeClient((_r, n) => {
			if (n === 0) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
			return json(200, { ids: [9] });
		});
		await expect(client.post('/sms/x/jobs', { message: 'hi' })).resolves.toEqual({ ids: [9] });
		expect(apiCalls(calls)).toHaveLength(2);
	});

	test('gives up after the configured attempts with the last OVHcloud error', async () => {
		const { client, calls } = makeClient(() => json(503, { message: 'down for maintenance' }));
		await expect(client.get('/sms')).rejects.toThrow(/503.*down for maintenance/);
		expect(apiCalls(calls)).toHaveLength(6);
	});

	test('a rate limit is waited out longer than other errors (it is shared by every execution), then given up', async () => {
		const { client, calls, sleeps } = makeClient(() => json(429, { message: 'slow down' }));
		await expect(client.post('/sms/x/jobs', { message: 'hi' })).rejects.toThrow(/429.*slow down/);
		expect(apiCalls(calls)).toHaveLength(12);
		expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThan(60_000);
	});
});

describe('OvhClient errors', () => {
	test('carry status, OVH class or code, message and query id', async () => {
		const { client } = makeClient(() => json(400, { class: 'Client::BadRequest', message: 'Invalid sender Foo' }));
		const error = (await client.post('/sms/sms-ab12345-1/jobs', { sender: 'Foo' }).catch((e: unknown) => e)) as OvhApiError;
		expect(error.httpStatus).toBe(400);
		expect(error.errorClass).toBe('Client::BadRequest');
		expect(error.ovhMessage).toBe('Invalid sender Foo');
		expect(error.queryId).toBe('EU.ext-1.abc123');
		expect(error.message).toBe(
			'OVHcloud API 400 Client::BadRequest on POST /sms/sms-ab12345-1/jobs: Invalid sender Foo (query id EU.ext-1.abc123)',
		);
	});

	test('read the auth layer shape and non-JSON bodies', async () => {
		const auth = makeClient(() => json(400, { errorCode: 'INVALID_SIGNATURE', httpCode: '400 Bad Request', message: 'Invalid signature' }));
		const e1 = (await auth.client.get('/sms').catch((e: unknown) => e)) as OvhApiError;
		expect(e1.errorCode).toBe('INVALID_SIGNATURE');
		expect(e1.isAuthenticationError).toBe(true);

		const html = makeClient(() => ({ status: 408, headers: {}, body: '<html><body><h1>408 Request Time-out</h1></body></html>' }));
		const e2 = (await html.client.get('/sms').catch((e: unknown) => e)) as OvhApiError;
		expect(e2.ovhMessage).toBe('Request timeout (not OVHcloud\'s JSON: no content type, 55 characters, beginning "408 Request Time-out")');
	});

	test('never contain a key, a secret, a signature or a token', async () => {
		const secrets = [KEYS.applicationSecret, KEYS.consumerKey];
		const failures: Handler[] = [
			() => json(403, { errorCode: 'INVALID_CREDENTIAL', message: 'This credential is not valid' }),
			() => json(500, { message: 'boom' }),
			() => {
				throw Object.assign(new Error('socket hang up'), {
					code: 'ECONNRESET',
					config: { headers: { 'X-Ovh-Consumer': KEYS.consumerKey } },
				});
			},
		];
		for (const failure of failures) {
			const { client, calls } = makeClient(failure);
			const error = (await client.post('/sms/x/jobs', { message: 'hi' }).catch((e: unknown) => e)) as OvhApiError;
			const signature = apiCalls(calls)[0].headers['X-Ovh-Signature'];
			const everything = JSON.stringify({ message: error.message, stack: error.stack, json: error.toJSON(), own: { ...error } });
			for (const secret of [...secrets, signature]) expect(everything).not.toContain(secret);
		}
	});
});

describe('OvhClient getIfExists', () => {
	test.each([
		['an object the API holds is read as a GET reads it', 200, { id: 1 }, { id: 1 }],
		['an object the API does not know (404) is undefined', 404, { class: 'Client::NotFound', message: 'does not exist' }, undefined],
	])('%s', async (_name, status, body, expected) => {
		const { client } = makeClient(() => json(status, body));
		await expect(client.getIfExists('/sms/sms-ab12345-1/outgoing/1')).resolves.toEqual(expected);
	});

	test('any other failure is thrown, not taken for a missing object', async () => {
		const { client } = makeClient(() => json(403, { class: 'Client::Forbidden', message: 'This call has not been granted' }));
		await expect(client.getIfExists('/sms/sms-ab12345-1/outgoing/1')).rejects.toMatchObject({ httpStatus: 403 });
	});
});

describe('OvhClient clock', () => {
	test('signs with the API clock, not the local one', async () => {
		const { client, calls } = makeClient(
			() => json(200, {}),
			undefined,
			() => (SERVER_SECONDS - 600) * 1000,
		);
		await client.get('/sms');
		await client.get('/sms');
		expect(apiCalls(calls).map((c) => c.headers['X-Ovh-Timestamp'])).toEqual([String(SERVER_SECONDS), String(SERVER_SECONDS)]);
		expect(calls.filter((c) => c.url.endsWith('/auth/time'))).toHaveLength(1);
	});

	test('a rejected timestamp refreshes the clock once and retries, even a send', async () => {
		const { client, calls } = makeClient((_r, n) =>
			n === 0 ? json(400, { errorCode: 'QUERY_TIME_OUT', message: 'Query out of time' }) : json(200, { ids: [1] }),
		);
		await expect(client.post('/sms/x/jobs', { message: 'hi' })).resolves.toEqual({ ids: [1] });
		expect(calls.filter((c) => c.url.endsWith('/auth/time'))).toHaveLength(2);
	});
});

describe('OvhClient batch GET', () => {
	test('reads many ids in chunks with X-Ovh-Batch and keeps their order', async () => {
		const { client, calls } = makeClient((request) => {
			const ids = decodeURIComponent(request.url.split('/').pop()!).split(',');
			return json(
				200,
				ids.map((id) =>
					id === '7'
						? { key: id, value: null, error: 'The requested object (id = 7) does not exist' }
						: { key: id, value: { id: Number(id) }, error: '' },
				),
			);
		});
		const ids = Array.from({ length: 120 }, (_, i) => i + 1);
		const items = await client.getMany<{ id: number }>('/sms/x/incoming', ids);
		expect(apiCalls(calls)).toHaveLength(3);
		expect(apiCalls(calls)[0].headers['X-Ovh-Batch']).toBe(',');
		expect(items.map((i) => i.id)).toEqual(ids.map(String));
		expect(items[6]).toEqual({ id: '7', error: 'The requested object (id = 7) does not exist' });
		expect(items[7].value).toEqual({ id: 8 });
	});
});

describe('OvhClient OAuth2', () => {
	test('reuses a token until shortly before it expires, then fetches another', async () => {
		let now = SERVER_SECONDS * 1000;
		let tokens = 0;
		const calls: OvhHttpRequest[] = [];
		const client = new OvhClient({
			baseUrl: 'https://eu.api.ovh.com/1.0',
			auth: { type: 'oauth2', clientId: 'cid', clientSecret: 'csecret', tokenUrl: 'https://www.ovh.com/auth/oauth2/token' },
			sleep: async () => undefined,
			nowMs: () => now,
			transport: async (request) => {
				calls.push(request);
				if (request.url.includes('oauth2')) return json(200, { access_token: `token-${++tokens}`, token_type: 'Bearer', expires_in: 3599 });
				return json(200, []);
			},
		});
		await client.get('/sms');
		await client.get('/sms');
		now += 3590 * 1000;
		await client.get('/sms');
		const bearer = calls.filter((c) => !c.url.includes('oauth2')).map((c) => c.headers.Authorization);
		expect(bearer).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
		expect(calls.some((c) => c.url.endsWith('/auth/time'))).toBe(false);
		expect(calls.find((c) => c.url.includes('oauth2'))!.body).toContain('grant_type=client_credentials');
	});

	test('a revoked secret gives a clear error without the secret', async () => {
		const client = new OvhClient({
			baseUrl: 'https://eu.api.ovh.com/1.0',
			auth: { type: 'oauth2', clientId: 'cid', clientSecret: 'revoked-secret-value', tokenUrl: 'https://www.ovh.com/auth/oauth2/token' },
			sleep: async () => undefined,
			transport: async () => json(401, { error: 'invalid_client', error_description: 'client authentication failed' }),
		});
		const error = (await client.get('/sms').catch((e: unknown) => e)) as OvhApiError;
		expect(error.message).toMatch(/service account was refused.*client authentication failed/);
		expect(JSON.stringify({ m: error.message, j: error.toJSON() })).not.toContain('revoked-secret-value');
	});
});

describe('OvhClient time limits', () => {
	test('every request carries the timeout, the clock read and the token request included', async () => {
		const seen: OvhHttpRequest[] = [];
		const transport = async (request: OvhHttpRequest): Promise<OvhHttpResponse> => {
			seen.push(request);
			if (request.url.endsWith('/auth/time')) return { status: 200, headers: {}, body: String(SERVER_SECONDS) };
			if (request.url.includes('token')) return json(200, { access_token: 'tok', expires_in: 3600 });
			return json(200, {});
		};
		const base = { baseUrl: 'https://eu.api.ovh.com/1.0', sleep: async () => undefined, timeLimits: { requestTimeoutMs: 1234 }, transport };
		await new OvhClient({ ...base, auth: { type: 'applicationKey', ...KEYS } }).get('/sms');
		await new OvhClient({
			...base,
			auth: { type: 'oauth2', clientId: 'id', clientSecret: 'secret', tokenUrl: 'https://www.ovh.com/auth/oauth2/token' },
		}).get('/sms');
		expect(seen.map((r) => r.url.replace(/^https:\/\/[^/]+/, ''))).toEqual([
			'/1.0/auth/time',
			'/1.0/sms',
			'/auth/oauth2/token',
			'/1.0/sms',
		]);
		expect(seen.every((r) => r.timeoutMs === 1234)).toBe(true);
	});

	test('an API that never answers: no new request once it has been silent for the limit, and the error says so', async () => {
		let clock = 0;
		const transport = async (request: OvhHttpRequest): Promise<OvhHttpResponse> => {
			clock += request.timeoutMs ?? 0;
			throw Object.assign(new Error(`timeout of ${request.timeoutMs}ms exceeded`), { code: 'ECONNABORTED' });
		};
		const client = new OvhClient({
			baseUrl: 'https://eu.api.ovh.com/1.0',
			auth: { type: 'applicationKey', ...KEYS },
			sleep: async (ms) => void (clock += ms),
			nowMs: () => clock,
			random: () => 1,
			transport,
			timeLimits: { requestTimeoutMs: 60_000, noAnswerLimitMs: 120_000 },
		});
		const error = (await client.get('/sms').catch((e: unknown) => e)) as OvhApiError;
		expect(error).toBeInstanceOf(OvhApiError);
		expect(error.message).toMatch(/answered nothing for \d+ s \(each request waits at most 60 s\)/);
		// docs/nodes/ovh-sms.md: at most the no-answer limit plus one request (3 minutes).
		expect(clock).toBeLessThanOrEqual(180_000);
	});

	test('a send that timed out is told apart: the API may still be carrying it out', async () => {
		const { client } = makeClient(() => {
			throw Object.assign(new Error('timeout of 60000ms exceeded'), { code: 'ECONNABORTED' });
		});
		const error = (await client.post('/sms/x/jobs', { message: 'hi' }).catch((e: unknown) => e)) as OvhApiError;
		expect(error.requestMayHaveBeenProcessed).toBe(true);
		expect(error.message).toMatch(/no answer within 60 s/);
		expect(error.details).toEqual({ noAnswerWithinMs: 60_000 });
	});
});
