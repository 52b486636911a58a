// The OVHcloud SMS Trigger under the sandbox's injected faults, in both modes: polling (n8n's
// PollContext, one poll after another while replies keep arriving) and webhook (the sandbox
// pushes each reply, the node reads it back from the API, where the fault applies). Every
// reply is emitted exactly once; a poll that fails emits nothing and loses or doubles nothing
// later. Figures are printed, not asserted.
import type { INodeExecutionData } from 'n8n-workflow';
import { startSandbox, type Sandbox, type SandboxFaults } from '../../../sandbox';
import { TriggerHarness } from '../../support/n8nTrigger';
import { account, apiCredentials } from '../trigger/support';

const SKEW = 10 * 60;
const ROUNDS = 8;
const PER_ROUND = 3;

let sandbox: Sandbox;
const harnesses: TriggerHarness[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 20 });
});
afterAll(async () => {
	await sandbox?.close();
});
beforeEach(() => sandbox.reset());
afterEach(async () => {
	await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function trigger(mode: 'poll' | 'webhook'): Promise<TriggerHarness> {
	const harness = await TriggerHarness.start({
		parameters: { serviceName: account(sandbox), event: 'smsReceived', mode },
		credentials: apiCredentials(sandbox),
	});
	harnesses.push(harness);
	return harness;
}

interface Case {
	name: string;
	faults: SandboxFaults;
	expectFaults: string[];
	/** Restart the sandbox (once) while an API read is in flight. */
	restart?: boolean;
	/** Polling only: the API goes down (every answer 5xx) once a poll has listed, until that poll fails. */
	downAfterListing?: boolean;
}

const cases: Case[] = [
	{ name: '10 % 429', faults: { rate429: 0.1, seed: 21, script: [{ fault: 'rate429', method: 'GET' }] }, expectFaults: ['rate429'] },
	{ name: '5 % 5xx', faults: { rate5xx: 0.05, seed: 22, script: [{ fault: 'rate5xx', method: 'GET' }] }, expectFaults: ['rate5xx'] },
	{
		name: 'latency spikes (10 % +1.5 s)',
		faults: { latencyMs: 5, latencySpikeRate: 0.1, latencySpikeMs: 1500, seed: 23 },
		expectFaults: ['latency'],
	},
	// Set after the trigger started: the server's clock jumps by ten minutes under a running trigger.
	{ name: 'clock +10 min', faults: { clockSkewSeconds: SKEW }, expectFaults: [] },
	{ name: 'clock -10 min', faults: { clockSkewSeconds: -SKEW }, expectFaults: [] },
	{ name: 'sandbox restarted', faults: { latencyMs: 100 }, expectFaults: ['latency'], restart: true },
	{
		name: 'all combined',
		faults: {
			rate429: 0.1,
			rate5xx: 0.05,
			latencyMs: 5,
			latencySpikeRate: 0.1,
			latencySpikeMs: 1500,
			clockSkewSeconds: SKEW,
			seed: 27,
			script: [
				{ fault: 'rate429', method: 'GET' },
				{ fault: 'rate5xx', method: 'GET' },
			],
		},
		expectFaults: ['rate429', 'rate5xx', 'latency'],
		restart: true,
		downAfterListing: true,
	},
];

const idsOf = (items: INodeExecutionData[] | null | undefined) => (items ?? []).map((item) => Number(item.json.id));

/** An API request the sandbox received and has not answered yet. */
const readInFlight = () => sandbox.requests.some((r) => r.method === 'GET' && r.status === 0);

/** Restarts the sandbox once, the next time a read is in flight (or never, when `until` holds first). */
function restartDuringRead(enabled: boolean | undefined, until: () => boolean): Promise<number> {
	if (!enabled) return Promise.resolve(0);
	return new Promise((resolve, reject) => {
		const tick = () => {
			if (until()) return resolve(0);
			if (!readInFlight()) return void setTimeout(tick, 2);
			sandbox.restart().then(() => resolve(1), reject);
		};
		tick();
	});
}

function faultsSeen(): Record<string, number> {
	const seen: Record<string, number> = {};
	for (const request of sandbox.requests) if (request.fault) seen[request.fault] = (seen[request.fault] ?? 0) + 1;
	return seen;
}

/** How many times each id was emitted. */
function countIds(ids: number[]): Map<number, number> {
	const counts = new Map<number, number>();
	for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
	return counts;
}

const reply = async (n: number) =>
	(await sandbox.injectIncoming({ sender: `+3361${String(n).padStart(7, '0')}`, message: `reply ${n}` })).id;

describe('trigger, polling, under faults: every reply emitted once', () => {
	test.each(cases.map((c) => [c.name, c] as const))(
		'%s',
		async (_name, faultCase) => {
			const harness = await trigger('poll');
			expect(await harness.poll()).toBeNull(); // activation: the mark is set, nothing old is emitted
			sandbox.clearRequests();
			sandbox.setFaults(faultCase.faults);
			const started = Date.now();
			let stopped = false;
			const restarting = restartDuringRead(faultCase.restart, () => stopped);

			const injected: number[] = [];
			const emitted: number[] = [];
			let polls = 0;
			let failedPolls = 0;
			let downSeen = false;
			const pollOnce = async () => {
				polls++;
				try {
					emitted.push(...idsOf(await harness.poll()));
				} catch {
					failedPolls++;
				}
			};
			for (let round = 0; round < ROUNDS; round++) {
				if (faultCase.downAfterListing && round === ROUNDS / 2) {
					// The API fails every request once this poll has listed the replies: the poll
					// fails after its retries, holding ids it listed but never emitted.
					const listed = sandbox.requests.length;
					const watch = setInterval(() => {
						const after = sandbox.requests.slice(listed);
						if (!downSeen && after.some((r) => r.path.endsWith('/incoming') && r.status === 200)) {
							downSeen = true;
							sandbox.setFaults({ rate5xx: 1 });
						}
					}, 2);
					await reply(round * PER_ROUND + 100).then((id) => injected.push(id));
					await pollOnce().finally(() => clearInterval(watch));
					sandbox.setFaults(faultCase.faults);
				}
				const polling = pollOnce();
				injected.push(await reply(round * PER_ROUND));
				injected.push(await reply(round * PER_ROUND + 1));
				await polling;
				injected.push(await reply(round * PER_ROUND + 2));
			}
			stopped = true;
			const restarts = await restarting;
			const seen = faultsSeen();
			const requests = sandbox.requests.length;
			sandbox.setFaults({});
			// Quiet polls: whatever the faulty ones left behind comes out now, once.
			for (let i = 0; i < 3; i++) await pollOnce();
			const wallMs = Date.now() - started;

			const counts = countIds(emitted);
			process.stderr.write(
				`[trigger/poll] ${faultCase.name}: ${requests} requests, faults ${JSON.stringify(seen)}` +
					`${restarts ? `, ${restarts} restart(s)` : ''}, ${polls} polls (${failedPolls} failed), ` +
					`${injected.length} replies, ${emitted.length} emitted, wall ${(wallMs / 1000).toFixed(1)} s\n`,
			);
			for (const kind of faultCase.expectFaults) expect(seen[kind] ?? 0).toBeGreaterThan(0);
			if (faultCase.restart) expect(restarts).toBe(1);
			if (faultCase.downAfterListing) expect(failedPolls).toBeGreaterThan(0);
			expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
			expect([...counts.keys()].sort((a, b) => a - b)).toEqual([...injected].sort((a, b) => a - b));
		},
		90_000,
	);
});

describe('trigger, webhook (read back from the API), under faults: every reply emitted once', () => {
	test.each(cases.map((c) => [c.name, c] as const))(
		'%s',
		async (_name, faultCase) => {
			const harness = await trigger('webhook');
			await harness.activate();
			sandbox.clearRequests();
			sandbox.setFaults(faultCase.faults);
			const started = Date.now();
			let stopped = false;
			const restarting = restartDuringRead(faultCase.restart, () => stopped);

			const injected: number[] = [];
			for (let round = 0; round < ROUNDS; round++) {
				// Three replies at once, as a busy account receives them.
				injected.push(...(await Promise.all(Array.from({ length: PER_ROUND }, (_, i) => reply(round * PER_ROUND + i)))));
			}
			await harness.waitForExecutions(injected.length, 60_000).catch(() => undefined);
			stopped = true;
			const restarts = await restarting;
			const seen = faultsSeen();
			const requests = sandbox.requests.length;
			sandbox.setFaults({});
			const wallMs = Date.now() - started;

			const emitted = harness.executions.flatMap((items) => idsOf(items));
			const counts = countIds(emitted);
			const refused = harness.calls.filter((c) => c.status !== 200).length;
			process.stderr.write(
				`[trigger/webhook] ${faultCase.name}: ${requests} API requests, faults ${JSON.stringify(seen)}` +
					`${restarts ? `, ${restarts} restart(s)` : ''}, ${harness.calls.length} calls (${refused} not 200), ` +
					`${injected.length} replies, ${emitted.length} emitted, wall ${(wallMs / 1000).toFixed(1)} s\n`,
			);
			for (const kind of faultCase.expectFaults) expect(seen[kind] ?? 0).toBeGreaterThan(0);
			if (faultCase.restart) expect(restarts).toBe(1);
			expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
			expect([...counts.keys()].sort((a, b) => a - b)).toEqual([...injected].sort((a, b) => a - b));
		},
		90_000,
	);
});
