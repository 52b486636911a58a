import { startSandbox, type Sandbox } from '../../../sandbox';
import { adminCall, ovh } from './ovh-test-client';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 20 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

async function statuses(count: number): Promise<number[]> {
	const result: number[] = [];
	for (let i = 0; i < count; i++) result.push((await ovh(sandbox, 'GET', '/sms')).status);
	return result;
}

describe('injected faults', () => {
	it('answers a seeded share of requests 429, the same ones for the same seed', async () => {
		sandbox.setFaults({ rate429: 0.3, seed: 7 });
		const first = await statuses(60);
		sandbox.setFaults({ rate429: 0.3, seed: 7 });
		const second = await statuses(60);
		expect(second).toEqual(first);
		const limited = first.filter((status) => status === 429).length;
		expect(limited).toBeGreaterThan(5);
		expect(limited).toBeLessThan(35);
		expect(first.every((status) => status === 200 || status === 429)).toBe(true);
		expect(sandbox.requests.filter((r) => r.fault === 'rate429')).toHaveLength(limited * 2);
	});

	it('answers 5xx (502 as an HTML page) before doing anything; /auth/time and /admin are spared', async () => {
		sandbox.setFaults({ rate5xx: 1, seed: 1 });
		const answers = [];
		for (let i = 0; i < 12; i++) {
			answers.push(
				await ovh(sandbox, 'POST', `/sms/${sandbox.serviceName}/jobs`, {
					body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611111111'] },
				}),
			);
		}
		expect(new Set(answers.map((a) => a.status))).toEqual(new Set([500, 502, 503]));
		const badGateway = answers.find((a) => a.status === 502)!;
		expect(badGateway.headers['content-type']).toMatch(/text\/html/);
		expect(answers.find((a) => a.status === 503)!.json.class).toBe('Server::ServiceUnavailable');
		expect(sandbox.state.accounts[sandbox.serviceName].creditsLeft).toBe(1000);
		expect(Object.keys(sandbox.state.accounts[sandbox.serviceName].outgoing)).toHaveLength(0);
		expect((await ovh(sandbox, 'GET', '/auth/time', { anonymous: true })).status).toBe(200);
		expect((await adminCall(sandbox, 'GET', '/faults')).json).toEqual({ rate5xx: 1, seed: 1 });
	});

	it('spends scripted faults in order, each on the next request it applies to', async () => {
		sandbox.setFaults({ script: [{ fault: 'rate5xx', method: 'POST' }, { fault: 'cutAfterAccept' }, { fault: 'rate429' }] });
		const send = () =>
			ovh(sandbox, 'POST', `/sms/${sandbox.serviceName}/jobs`, {
				body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611111111'] },
			}).then(
				(answer) => answer.status,
				() => 'cut',
			);
		// The GET is not a POST: the 5xx waits for the send, and the 429 is the first left for it.
		expect((await ovh(sandbox, 'GET', '/sms')).status).toBe(429);
		const [serverError, cut, ok] = [await send(), await send(), await send()];
		expect([500, 502, 503]).toContain(serverError);
		expect([cut, ok]).toEqual(['cut', 200]);
		expect(sandbox.requests.map((r) => r.fault ?? null)).toEqual(['rate429', 'rate5xx', 'cutAfterAccept', null]);
		expect(Object.keys(sandbox.state.accounts[sandbox.serviceName].outgoing)).toHaveLength(2);
		expect(() => sandbox.setFaults({ script: [{ fault: 'timeout' }] } as never)).toThrow(/script entries need a fault/);
	});

	it('adds latency to API requests', async () => {
		sandbox.setFaults({ latencyMs: 150 });
		const started = Date.now();
		expect((await ovh(sandbox, 'GET', '/sms')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(sandbox.requests.at(-1)?.fault).toBe('latency');
	});

	it('cuts the connection after a send was committed: the SMS exists and was billed', async () => {
		sandbox.setFaults({ cutAfterAcceptRate: 1 });
		await expect(
			ovh(sandbox, 'POST', `/sms/${sandbox.serviceName}/jobs`, {
				body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611111111'], tag: 'ambiguous' },
			}),
		).rejects.toThrow(/socket hang up|ECONNRESET/);
		sandbox.setFaults({});
		const sent = await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/outgoing?tag=ambiguous`);
		expect(sent.json).toHaveLength(1);
		expect(sandbox.state.accounts[sandbox.serviceName].creditsLeft).toBe(999);
		const logged = sandbox.requests.find((r) => r.method === 'POST');
		expect(logged).toMatchObject({ status: 200, fault: 'cutAfterAccept' });
		// Reads are never cut.
		sandbox.setFaults({ cutAfterAcceptRate: 1 });
		expect((await ovh(sandbox, 'GET', '/sms')).status).toBe(200);
	});

	it('skews the server clock: /auth/time moves, and local timestamps go out of time', async () => {
		sandbox.setFaults({ clockSkewSeconds: 600 });
		const serverTime = Number((await ovh(sandbox, 'GET', '/auth/time', { anonymous: true })).text);
		expect(serverTime - Date.now() / 1000).toBeGreaterThan(590);
		expect((await ovh(sandbox, 'GET', '/sms')).json.errorCode).toBe('QUERY_TIME_OUT');
		expect((await ovh(sandbox, 'GET', '/sms', { timestamp: serverTime })).status).toBe(200);

		// What it creates carries its own (skewed) time, as a real server's clock would stamp it.
		const sent = await ovh(sandbox, 'POST', `/sms/${sandbox.serviceName}/jobs`, {
			timestamp: serverTime,
			body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611111111'] },
		});
		const [id] = sent.json.ids as number[];
		const stamped = sandbox.state.accounts[sandbox.serviceName].outgoing[id].creationDatetime;
		expect(Date.parse(stamped) / 1000 - Date.now() / 1000).toBeGreaterThan(590);
		const reply = await sandbox.injectIncoming({ sender: '+33611111111', message: 'OK' });
		expect(Date.parse(reply.creationDatetime) / 1000 - Date.now() / 1000).toBeGreaterThan(590);
	});

	it('is driven over HTTP too, and refuses nonsense', async () => {
		expect((await adminCall(sandbox, 'PUT', '/faults', { rate429: 1 })).status).toBe(200);
		expect((await ovh(sandbox, 'GET', '/sms')).status).toBe(429);
		expect((await adminCall(sandbox, 'PUT', '/faults', {})).status).toBe(200);
		expect((await ovh(sandbox, 'GET', '/sms')).status).toBe(200);
		expect((await adminCall(sandbox, 'PUT', '/faults', { rate429: 2 })).status).toBe(400);
		expect((await adminCall(sandbox, 'PUT', '/faults', { rate42: 1 })).status).toBe(400);
	});
});

describe('rateLimitPerSecond', () => {
	it('answers 429 beyond the limit per consumer key', async () => {
		const limited = await startSandbox({ rateLimitPerSecond: 3 });
		try {
			const answers = [];
			for (let i = 0; i < 6; i++) answers.push((await ovh(limited, 'GET', '/sms')).status);
			expect(answers.slice(0, 3)).toEqual([200, 200, 200]);
			expect(answers).toContain(429);
		} finally {
			await limited.close();
		}
	});
});
