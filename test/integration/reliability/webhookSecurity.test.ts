// Issue #8: the trigger's webhook, beyond test/integration/trigger/webhook.test.ts (which covers
// a missing, empty, truncated, extended, misnamed and body-borne token on the form POST shape,
// and a form body over the cap). Here: the GET shape, the token's other positions (repeated,
// in a header, in the path, case-changed, percent-encoded), every event's webhook, the
// constant-time comparison, a chunked body without Content-Length, and that no answer (body or
// header) nor event item ever carries the token.
import { startSandbox, type Sandbox } from '../../../sandbox';
import { TriggerHarness } from '../../support/n8nTrigger';
import { MAX_CALLBACK_BYTES } from '../../../nodes/OvhSmsTrigger/webhookReceive';
import { account, apiCredentials } from '../trigger/support';
import http from 'node:http';

let sandbox: Sandbox;
const harnesses: TriggerHarness[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 20 });
});
afterAll(() => sandbox.close());
afterEach(async () => {
	await Promise.all(harnesses.splice(0).map((h) => h.close()));
	sandbox.reset();
});

type Event = 'smsReceived' | 'deliveryReport' | 'stopReceived';
const URL_FIELD: Record<Event, (s: Sandbox) => string | null> = {
	smsReceived: (s) => s.state.accounts[s.serviceName].smsResponse.cgiUrl,
	deliveryReport: (s) => s.state.accounts[s.serviceName].callBack,
	stopReceived: (s) => s.state.accounts[s.serviceName].stopCallBack,
};
/** A valid call of each event, in its GET query shape (without the token). */
const QUERY: Record<Event, string> = {
	smsReceived: 'id=1&message=YES&senderid=%2B33611111111',
	deliveryReport: 'id=424242&ptt=24&description=16&descriptionDlr=Error',
	stopReceived: 'number=%2B33611111111&id=5',
};

async function activated(event: Event) {
	const harness = await TriggerHarness.start({
		parameters: {
			serviceName: account(sandbox),
			mode: 'webhook',
			event,
			options: { verifyWithApi: false },
			...(event === 'deliveryReport' ? { statuses: ['failed'] } : {}),
		},
		credentials: apiCredentials(sandbox),
	});
	harnesses.push(harness);
	await harness.activate();
	const registered = URL_FIELD[event](sandbox)!;
	return { harness, token: new URL(registered).searchParams.get('token')!, base: harness.productionWebhookUrl };
}

interface Answer {
	status: number;
	headers: string;
	body: string;
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
	const response = await fetch(url, init);
	return { status: response.status, headers: JSON.stringify([...response.headers]), body: await response.text() };
}

const postForm = (form: string, headers: Record<string, string> = {}): RequestInit => ({
	method: 'POST',
	headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
	body: form,
});

describe.each(['smsReceived', 'deliveryReport', 'stopReceived'] as const)('the %s webhook', (event) => {
	test('refuses every call without its exact token in the query, in both shapes; accepts the right one; never echoes it', async () => {
		const { harness, token, base } = await activated(event);
		const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		const refusedTargets = [
			base,
			`${base}?token=`,
			`${base}?token=${wrong}`,
			`${base}?token=${token.toLowerCase() === token ? token.toUpperCase() : token.toLowerCase()}`,
			`${base}?Token=${token}`,
			`${base}?token%00=${token}`,
			`${base}?token=${wrong}&token=${token}`,
			`${base}?token=%20${token}`,
			`${base}?token[]=${wrong}`,
		];
		// In the path, the call does not reach the node: n8n's router answers 404 (repeating the
		// caller's own path, which tells the caller nothing new) and starts nothing.
		for (const method of ['GET', 'POST']) {
			expect((await call(`${base}/${token}?${QUERY[event]}`, method === 'GET' ? {} : postForm(QUERY[event]))).status).toBe(404);
		}
		const answers: Answer[] = [];
		for (const target of refusedTargets) {
			const query = `${target.includes('?') ? '&' : '?'}${QUERY[event]}`;
			for (const init of [{ method: 'GET' }, postForm(QUERY[event])]) {
				const answer = await call(init.method === 'GET' ? `${target}${query}` : target, init);
				answers.push(answer);
				expect([target, init.method, answer.status, answer.body]).toEqual([target, init.method, 401, 'Unauthorized']);
			}
		}
		// The token in a header, or in the body only, is not where the node put it.
		for (const init of [
			{ method: 'GET', headers: { Authorization: `Bearer ${token}`, 'X-Token': token, Cookie: `token=${token}` } },
			postForm(`${QUERY[event]}&token=${token}`),
		]) {
			const answer = await call(init.method === 'GET' ? `${base}?${QUERY[event]}` : base, init);
			answers.push(answer);
			expect(answer.status).toBe(401);
		}
		expect(harness.executions).toHaveLength(0);

		// Percent-encoded, in first or last position, GET or POST: the same token is accepted.
		const accepted = [
			await call(`${base}?token=${encodeURIComponent(token)}&${QUERY[event]}`),
			await call(`${base}?${QUERY[event]}&token=${token}`),
			await call(`${base}?token=${token}`, postForm(QUERY[event])),
			await call(`${base}?token=${token.replace(/-/g, '%2D').replace(/_/g, '%5F')}&${QUERY[event]}`),
		];
		answers.push(...accepted);
		expect(accepted.map((a) => a.status)).toEqual([200, 200, 200, 200]);
		// The same event four times: accepted each time, started once.
		await harness.waitForExecutions(1);
		expect(harness.executions).toHaveLength(1);
		const everything = [
			...answers.map((a) => `${a.headers}\n${a.body}`),
			...harness.calls.filter((c) => c.status !== 404).map((c) => c.responseBody),
			JSON.stringify(harness.executions),
		].join('\n');
		expect(everything).not.toContain(token);
		expect(everything).not.toContain(token.slice(10, 30));
	});
});

describe('body size cap', () => {
	test(`a body over ${MAX_CALLBACK_BYTES} bytes is refused with 413 and starts nothing, declared or chunked, even with the right token`, async () => {
		const { harness, token, base } = await activated('smsReceived');
		const url = new URL(`${base}?token=${token}`);
		const big = `id=1&senderid=%2B33611111111&message=${'x'.repeat(MAX_CALLBACK_BYTES)}`;
		const send = (chunked: boolean) =>
			new Promise<{ status: number; body: string; headers: string }>((resolve, reject) => {
				const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: JSON.stringify(res.headers) }),
					);
				});
				req.on('error', reject);
				if (chunked) {
					// No Content-Length: Node sends Transfer-Encoding: chunked, in pieces.
					for (let at = 0; at < big.length; at += 4096) req.write(big.slice(at, at + 4096));
				} else {
					req.setHeader('Content-Length', Buffer.byteLength(big));
					req.write(big);
				}
				req.end();
			});
		const declared = await send(false);
		const chunked = await send(true);
		expect([declared.status, chunked.status]).toEqual([413, 413]);
		expect(harness.calls.map((c) => c.status)).toEqual([413, 413]);
		expect(harness.executions).toHaveLength(0);
		expect(`${declared.headers}${declared.body}${chunked.headers}${chunked.body}`).not.toContain(token);
		// Just under the cap still works.
		const fits = `id=1&senderid=%2B33611111111&message=${'x'.repeat(MAX_CALLBACK_BYTES - 200)}`;
		expect((await call(url.toString(), postForm(fits))).status).toBe(200);
		expect(harness.executions).toHaveLength(1);
	});
});

describe('constant-time comparison (lib/replies/token.ts)', () => {
	test('both sides are hashed to equal-length digests and compared with timingSafeEqual, whatever their lengths', () => {
		jest.isolateModules(() => {
			const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
			const timingSafeEqual = jest.fn(actual.timingSafeEqual);
			const hashed: string[] = [];
			const createHash = jest.fn((algorithm: string) => {
				const hash = actual.createHash(algorithm);
				const update = hash.update.bind(hash);
				hash.update = ((data: string, encoding?: BufferEncoding) => {
					hashed.push(data);
					return update(data, encoding as BufferEncoding);
				}) as typeof hash.update;
				return hash;
			});
			jest.doMock('node:crypto', () => ({ ...actual, timingSafeEqual, createHash }));
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const { tokenMatches, createWebhookToken } = require('../../../lib/replies/token') as typeof import('../../../lib/replies/token');
			const expected = createWebhookToken();
			const candidates = ['x', expected.slice(0, 42), `${expected}x`, 'y'.repeat(4096), expected.slice(0, -1) + '_', expected];
			const results = candidates.map((candidate) => tokenMatches(candidate, expected));
			expect(results).toEqual([false, false, false, false, false, true]);
			// One comparison per call, never skipped for a length mismatch, always on two 32-byte digests.
			expect(timingSafeEqual).toHaveBeenCalledTimes(candidates.length);
			for (const [a, b] of timingSafeEqual.mock.calls) {
				expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
			}
			expect(createHash.mock.calls.every(([algorithm]) => algorithm === 'sha256')).toBe(true);
			// The expected token is hashed on every call (and the last candidate is that token too).
			expect(hashed.filter((text) => text === expected)).toHaveLength(candidates.length + 1);
			// Degenerate inputs are refused without comparing anything secret.
			expect([
				tokenMatches(undefined, expected),
				tokenMatches('', expected),
				tokenMatches(expected, ''),
				tokenMatches(expected, undefined),
			]).toEqual([false, false, false, false]);
			expect(tokenMatches([expected, 'x'], expected)).toBe(true);
			expect(tokenMatches(['x', expected], expected)).toBe(false);
		});
	});
});
