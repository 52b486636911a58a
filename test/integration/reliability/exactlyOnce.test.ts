// Exactly once when the API cannot tell: answers lost after a commit with every lookup failing,
// a send answered after the client's timeout, an API that accepts connections and never answers.
// On n8n's real engine, through a proxy in front of the sandbox that plays each fault. The
// client's time limits are shrunk (same code, seconds instead of minutes).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { API_TIME_LIMITS } from '../../../lib/ovh';
import { DEFAULT_RETRY_POLICY } from '../../../lib/ovh/retry';
import { startFaultProxy, type FaultProxy, type ProxyAction, type ProxiedRequest } from '../../support/faultProxy';
import { runNode, type RunResult } from '../../support/n8nEngine';
import { campaignParameters, jsonOf, sendParameters, useNodeHarness } from '../ovhSms/helpers';

const harness = useNodeHarness();
let proxy: FaultProxy;
const realLimits = { ...API_TIME_LIMITS };
const realRetry = { ...DEFAULT_RETRY_POLICY };

beforeEach(async () => {
	proxy = await startFaultProxy(harness.sandbox.apiBaseUrl);
});
afterEach(async () => {
	Object.assign(API_TIME_LIMITS, realLimits);
	Object.assign(DEFAULT_RETRY_POLICY, realRetry);
	await proxy.close();
});

const isSend = (r: ProxiedRequest) => r.method === 'POST' && r.path.endsWith('/jobs');
const isLookup = (r: ProxiedRequest) => r.method === 'GET' && /\/(outgoing|jobs)(\/|$)|\/auth\/time$/.test(r.path);

function runThroughProxy(parameters: IDataObject, items?: IDataObject[], continueOnFail = true, retryOf?: RunResult) {
	return runNode({
		retryOf,
		type: 'ovhSms',
		credentials: { ovhCloudApi: { endpoint: 'custom', customEndpoint: proxy.apiBaseUrl, ...harness.sandbox.credentials } },
		parameters: { serviceName: { __rl: true, mode: 'id', value: harness.sandbox.serviceName }, ...sendParameters(parameters) },
		items,
		continueOnFail,
	});
}

const smsPerReceiver = () => harness.smsPerReceiver();

describe('exactly once when the API cannot tell', () => {
	test('a cut after accept with every lookup failing: the items say unconfirmed with the tag, never "not sent"', async () => {
		let cut = false;
		proxy.decide = (r): ProxyAction => {
			if (isSend(r) && !cut) {
				cut = true;
				return { kind: 'cutAfterAnswer' };
			}
			if (cut && isLookup(r)) return { kind: 'reply', status: 503 };
			return { kind: 'pass' };
		};
		const items = [{ phone: '+33611111111' }, { phone: '+33622222222' }];
		const result = await runThroughProxy({ receivers: '={{ $json.phone }}' }, items);

		expect(harness.allSms()).toHaveLength(2);
		const out = jsonOf(result);
		for (const [i, json] of out.entries()) {
			expect(json).toMatchObject({ status: 'unconfirmed', unconfirmed: [items[i].phone] });
			expect(json).not.toHaveProperty('notSent');
			expect(String(json.errorDescription)).toMatch(/look in the outgoing history for tag n8n-\w+/i);
		}
		expect(proxy.seen.filter(isSend)).toHaveLength(1);
	});

	test('a send answered after the client gave up is found by looking again, not sent twice', async () => {
		API_TIME_LIMITS.requestTimeoutMs = 1500;
		let first = true;
		proxy.decide = (r): ProxyAction => {
			if (isSend(r) && first) {
				first = false;
				// The API commits (and answers) 2.5 s after the request: after the client's timeout.
				return { kind: 'late', delayMs: 2500 };
			}
			return { kind: 'pass' };
		};
		const receivers = '+33611111111, +33622222222, +33633333333';
		const result = await runThroughProxy({ receivers });

		expect([...smsPerReceiver().values()]).toEqual([1, 1, 1]);
		expect(proxy.seen.filter(isSend)).toHaveLength(1);
		const [json] = jsonOf(result);
		expect(json).toMatchObject({ status: 'sent', recoveredLostAnswer: true });
		expect(json.ids).toHaveLength(3);
	});

	test('an API that accepts connections and never answers fails the execution within the stated bound, saying so', async () => {
		API_TIME_LIMITS.requestTimeoutMs = 300;
		API_TIME_LIMITS.noAnswerLimitMs = 1000;
		proxy.decide = () => ({ kind: 'hang' });
		const started = Date.now();
		const result = await runThroughProxy({}, undefined, false);
		const elapsed = Date.now() - started;

		expect(result.status).toBe('error');
		expect(`${result.error?.message} ${result.error?.description ?? ''}`).toMatch(
			/answered nothing for \d+ s|did not answer within|no answer within/,
		);
		// The bound: the no-answer limit, plus the last request or backoff wait still running.
		expect(elapsed).toBeLessThan(API_TIME_LIMITS.noAnswerLimitMs + 2000 + 1000);
		expect(harness.allSms()).toHaveLength(0);
	});
});

// Each case: a run that ends badly, then a Retry (same execution data, new execution id, mode
// 'retry'). Every receiver ends with exactly one SMS, the credits debited equal the SMS held, and
// the outputs account for every receiver.
describe('run again as Retry does', () => {
	const COUNT = 50;
	const phones = Array.from({ length: COUNT }, (_, i) => `+3361${String(i).padStart(7, '0')}`);
	const items = phones.map((phone) => ({ phone }));
	const parameters = { receivers: '={{ $json.phone }}', options: { maxReceiversPerJob: 5, parallelJobs: 1 } };

	beforeEach(() => {
		// Backoff in milliseconds instead of seconds: the same retries, quicker.
		DEFAULT_RETRY_POLICY.baseDelayMs = 5;
		DEFAULT_RETRY_POLICY.maxDelayMs = 20;
	});

	function expectExactlyOnce(outputs: IDataObject[]) {
		const counts = smsPerReceiver();
		expect(counts.size).toBe(COUNT);
		expect([...counts.values()].every((n) => n === 1)).toBe(true);
		expect(100_000 - harness.account().creditsLeft).toBe(harness.allSms().length);
		const accounted = new Map<string, string>();
		for (const json of outputs) {
			for (const r of (json.validReceivers as string[]) ?? []) accounted.set(r, 'sent');
			for (const r of (json.alreadySent as string[]) ?? []) accounted.set(r, 'alreadySent');
		}
		expect([...accounted.keys()].sort()).toEqual([...phones].sort());
		return accounted;
	}

	const figures: string[] = [];
	afterAll(() => console.log(`Retry cases (${COUNT} receivers, 10 jobs of 5):\n${figures.join('\n')}`));

	async function failThenRetry(name: string, decideFirst: FaultProxy['decide']) {
		proxy.decide = decideFirst;
		const first = await runThroughProxy(parameters, items, false);
		expect(first.status).toBe('error');
		const heldAfterFirst = harness.allSms().length;
		proxy.decide = () => ({ kind: 'pass' });
		const postsBefore = proxy.seen.filter(isSend).length;
		const retry = await runThroughProxy(parameters, items, false, first);
		expect(retry.status).toBe('success');
		const accounted = expectExactlyOnce(jsonOf(retry));
		const alreadySent = [...accounted.values()].filter((v) => v === 'alreadySent').length;
		expect(alreadySent).toBe(heldAfterFirst);
		figures.push(
			`${name}: first run held ${heldAfterFirst} SMS; Retry sent ${COUNT - alreadySent}, skipped ${alreadySent} (alreadySent), ${
				proxy.seen.filter(isSend).length - postsBefore
			} POST; SMS held ${harness.allSms().length}, credits debited ${100_000 - harness.account().creditsLeft}`,
		);
		return { first, retry };
	}

	test('an outage after 7 of 10 jobs: the Retry sends the other 15 receivers and skips the 35 already sent', async () => {
		let sends = 0;
		let down = false;
		const { first } = await failThenRetry('outage after 7 of 10 jobs', (r) => {
			if (isSend(r) && ++sends > 7) down = true;
			return down ? { kind: 'reply', status: 503 } : { kind: 'pass' };
		});
		expect(first.error?.description).toMatch(/this run sent 35 SMS/);
		expect(harness.allSms().length).toBe(COUNT);
	});

	test('a job refused after 4 jobs: the Retry sends the rest once', async () => {
		let sends = 0;
		await failThenRetry('job refused after 4 jobs', (r) =>
			isSend(r) && ++sends === 5
				? { kind: 'reply', status: 400, body: '{"class":"Client::BadRequest","message":"Invalid receivers"}' }
				: { kind: 'pass' },
		);
	});

	test('a cut after accept with every lookup failing: the Retry finds the job and sends nothing twice', async () => {
		let sends = 0;
		let cut = false;
		await failThenRetry('cut after accept at job 3, lookups failing', (r) => {
			if (isSend(r) && ++sends === 3) {
				cut = true;
				return { kind: 'cutAfterAnswer' };
			}
			if (cut && isLookup(r)) return { kind: 'reply', status: 503 };
			return { kind: 'pass' };
		});
	});

	test('kill -9 of the process running the engine after 4 jobs: the Retry from the saved progress sends the rest once', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i13-kill-'));
		const configPath = path.join(dir, 'run.json');
		fs.writeFileSync(
			configPath,
			JSON.stringify({
				type: 'ovhSms',
				credentials: { ovhCloudApi: { endpoint: 'custom', customEndpoint: harness.sandbox.apiBaseUrl, ...harness.sandbox.credentials } },
				parameters: { serviceName: { __rl: true, mode: 'id', value: harness.sandbox.serviceName }, ...sendParameters(parameters) },
				items,
			}),
		);
		// Each request takes 150 ms, so the kill lands mid-run.
		harness.sandbox.setFaults({ latencyMs: 150 });
		// One process (the tsx command would run the engine in a grandchild that kill -9 misses).
		const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/engineChild.ts', configPath], {
			env: { ...process.env },
			stdio: 'ignore',
		});
		const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
		try {
			const deadline = Date.now() + 60_000;
			while (harness.allSms().length < 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
			child.kill('SIGKILL');
			expect(await exited).toBe('SIGKILL');
			harness.sandbox.setFaults({});
			// A send the dead process had in flight still commits on the API (after its 150 ms). A person
			// retries minutes later; the test waits a second, so the history is settled as it would be.
			await new Promise((resolve) => setTimeout(resolve, 1000));
			const heldAtKill = harness.allSms().length;
			expect(heldAtKill).toBeGreaterThanOrEqual(20);
			expect(heldAtKill).toBeLessThan(COUNT);
			expect(fs.existsSync(`${configPath}.result.json`)).toBe(false);

			const saved = JSON.parse(fs.readFileSync(`${configPath}.progress.json`, 'utf8')) as unknown;
			const retry = await runNode({
				type: 'ovhSms',
				credentials: { ovhCloudApi: { endpoint: 'custom', customEndpoint: harness.sandbox.apiBaseUrl, ...harness.sandbox.credentials } },
				parameters: { serviceName: { __rl: true, mode: 'id', value: harness.sandbox.serviceName }, ...sendParameters(parameters) },
				retryFromData: saved,
			});
			expect(retry.status).toBe('success');
			const accounted = expectExactlyOnce(jsonOf(retry));
			const skipped = [...accounted.values()].filter((v) => v === 'alreadySent').length;
			expect(skipped).toBe(heldAtKill);
			figures.push(
				`kill -9 after ${heldAtKill / 5} jobs: ${heldAtKill} SMS held at the kill; Retry from the saved progress sent ${COUNT - skipped}, skipped ${skipped}; SMS held ${harness.allSms().length}, credits debited ${100_000 - harness.account().creditsLeft}`,
			);
		} finally {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			harness.sandbox.setFaults({});
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	test('Retry On Fail (the node tries again in the same execution): the second try skips what the first sent', async () => {
		let sends = 0;
		proxy.decide = (r) =>
			isSend(r) && ++sends === 5
				? { kind: 'reply', status: 400, body: '{"class":"Client::BadRequest","message":"Invalid receivers"}' }
				: { kind: 'pass' };
		const result = await runNode({
			type: 'ovhSms',
			credentials: { ovhCloudApi: { endpoint: 'custom', customEndpoint: proxy.apiBaseUrl, ...harness.sandbox.credentials } },
			parameters: { serviceName: { __rl: true, mode: 'id', value: harness.sandbox.serviceName }, ...sendParameters(parameters) },
			items,
			maxTries: 2,
		});
		expect(result.status).toBe('success');
		const accounted = expectExactlyOnce(jsonOf(result));
		const skipped = [...accounted.values()].filter((v) => v === 'alreadySent').length;
		expect(skipped).toBe(20);
		figures.push(
			`Retry On Fail (2 tries), job 5 refused on the first: second try sent ${COUNT - skipped}, skipped ${skipped}; SMS held ${harness.allSms().length}`,
		);
	});

	test('a new execution with the same input is a new send and goes out again', async () => {
		const first = await runThroughProxy({ receivers: '+33611111111' });
		const second = await runThroughProxy({ receivers: '+33611111111' });
		expect(jsonOf(first)[0].status).toBe('sent');
		expect(jsonOf(second)[0].status).toBe('sent');
		expect(harness.allSms()).toHaveLength(2);
	});

	test('"Skip Receivers Who Already Got This Message": a new execution skips who got it within the window, sends the others', async () => {
		const options = { skipAlreadySentHours: 24 };
		await runThroughProxy({ receivers: '+33611111111, +33622222222', options });
		const second = await runThroughProxy({ receivers: '+33611111111, +33622222222, +33633333333', options });
		const [json] = jsonOf(second);
		expect(json).toMatchObject({ status: 'sent', validReceivers: ['+33633333333'], alreadySent: ['+33611111111', '+33622222222'] });
		expect(json.alreadySentIds).toHaveLength(2);
		expect([...smsPerReceiver().values()]).toEqual([1, 1, 1]);
		const third = await runThroughProxy({ receivers: '+33611111111', options });
		expect(jsonOf(third)[0]).toMatchObject({ status: 'alreadySent', ids: [], creditsRemoved: 0 });
	});
});

describe('Campaign › Create run again as Retry does', () => {
	test('the campaign whose answer was lost is recognised by the Retry: no second campaign', async () => {
		DEFAULT_RETRY_POLICY.baseDelayMs = 5;
		DEFAULT_RETRY_POLICY.maxDelayMs = 20;
		const parameters = campaignParameters();
		const people = [{ phone: '+33611111111' }, { phone: '+33622222222' }];
		const run = (retryOf?: RunResult) =>
			runNode({
				type: 'ovhSms',
				credentials: { ovhCloudApi: { endpoint: 'custom', customEndpoint: proxy.apiBaseUrl, ...harness.sandbox.credentials } },
				parameters: { serviceName: { __rl: true, mode: 'id', value: harness.sandbox.serviceName }, ...parameters },
				items: people,
				retryOf,
			});
		// The campaign is created and the answer lost: the execution fails after the create.
		proxy.decide = (r) => (r.method === 'POST' && r.path.endsWith('/batches') ? { kind: 'cutAfterAnswer' } : { kind: 'pass' });
		const first = await run();
		expect(first.status).toBe('error');
		expect(Object.keys(harness.account().batches)).toHaveLength(1);

		proxy.decide = () => ({ kind: 'pass' });
		const retry = await run(first);
		expect(retry.status).toBe('success');
		expect(jsonOf(retry)[0]).toMatchObject({ alreadyCreated: true, name: 'Monday promotion' });
		expect(Object.keys(harness.account().batches)).toHaveLength(1);
		expect(proxy.seen.filter((r) => r.method === 'POST' && r.path.endsWith('/batches'))).toHaveLength(1);
	});
});

// Issue 16 §2.3: a job's report lists ids and validReceivers, and the schema does not promise
// that they line up. Where several items share a job, the pairing decides which item gets
// which id: it is checked on the first and last id, and re-read in full when it does not hold.
describe('ids paired with receivers in a merged job', () => {
	const items = [{ phone: '+33611111111' }, { phone: '+33622222222' }, { phone: '+33633333333' }];
	const parameters = { receivers: '={{ $json.phone }}' };

	function expectEachItemItsOwnSms(result: RunResult) {
		const outgoing = harness.account().outgoing;
		jsonOf(result).forEach((json, i) => {
			expect(json.status).toBe('sent');
			const [id] = json.ids as number[];
			expect(outgoing[id].receiver).toBe(items[i].phone);
		});
	}

	test('as published (ids in the receivers’ order): one extra read of two ids confirms it', async () => {
		const result = await runThroughProxy(parameters, items);
		expectEachItemItsOwnSms(result);
		const pairingReads = proxy.seen.filter((r) => r.method === 'GET' && /\/outgoing\/\d+,\d+$/.test(r.path));
		expect(pairingReads).toHaveLength(1);
	});

	test('a run of several merged jobs checks the order once, not once a job', async () => {
		const many = Array.from({ length: 12 }, (_, i) => ({ phone: `+336110000${String(i).padStart(2, '0')}` }));
		const result = await runThroughProxy({ ...parameters, options: { maxReceiversPerJob: 3 } }, many);
		jsonOf(result).forEach((json, i) => expect(harness.account().outgoing[(json.ids as number[])[0]].receiver).toBe(many[i].phone));
		expect(proxy.seen.filter(isSend)).toHaveLength(4);
		const pairingReads = proxy.seen.filter((r) => r.method === 'GET' && /\/outgoing\/\d+,\d+$/.test(r.path));
		expect(pairingReads).toHaveLength(1);
	});

	test('an API that lists the ids in another order: every item still gets its own SMS id', async () => {
		proxy.decide = (r) =>
			isSend(r)
				? {
						kind: 'rewrite',
						body: (text) => {
							const report = JSON.parse(text) as { ids: number[] };
							return JSON.stringify({ ...report, ids: [...report.ids].reverse() });
						},
					}
				: { kind: 'pass' };
		const result = await runThroughProxy(parameters, items);
		expectEachItemItsOwnSms(result);
		expect(harness.allSms()).toHaveLength(3);
	});
});
