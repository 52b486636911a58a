// A 10,000-recipient campaign (10,000 input items, one number each, same text: the path
// docs/nodes/ovh-sms.md gives for big sends) on n8n's real engine against the sandbox, under each injected
// fault and then all of them at once. Whatever happens, each recipient gets exactly one SMS or
// an error item that names it: never two, never silence, and the credits debited match the SMS
// the account holds. Figures are printed, not asserted.
import type { IDataObject } from 'n8n-workflow';
import type { SandboxFaults } from '../../../sandbox';
import { sendParameters, useNodeHarness } from '../ovhSms/helpers';

const RECIPIENTS = 10_000;
const CREDITS = 100_000;

const harness = useNodeHarness();

const recipients = Array.from({ length: RECIPIENTS }, (_, i) => `+336${String(i).padStart(8, '0')}`);
const items = recipients.map((phone) => ({ phone }));

interface Case {
	name: string;
	faults: SandboxFaults;
	/** Fault kinds the request log must show, so that the case cannot pass without its fault. */
	expectFaults: string[];
	/** Restart the sandbox when this many SMS are held (mid-campaign). */
	restartAt?: number[];
	/** The case loses answers to sends that went out: some must be recovered from the history. */
	losesAnswers?: boolean;
}

const SKEW = 10 * 60;

const cases: Case[] = [
	{
		name: '10 % 429',
		faults: { rate429: 0.1, seed: 11, script: [{ fault: 'rate429', method: 'POST' }] },
		expectFaults: ['rate429'],
	},
	{
		name: '5 % 5xx',
		faults: { rate5xx: 0.05, seed: 12, script: [{ fault: 'rate5xx', method: 'POST' }] },
		expectFaults: ['rate5xx'],
	},
	{
		name: 'latency spikes (10 % +1.5 s)',
		faults: { latencyMs: 5, latencySpikeRate: 0.1, latencySpikeMs: 1500, seed: 13 },
		expectFaults: ['latency'],
	},
	{
		name: 'cut after accept (10 %)',
		losesAnswers: true,
		faults: { cutAfterAcceptRate: 0.1, seed: 14, script: [{ fault: 'cutAfterAccept' }] },
		expectFaults: ['cutAfterAccept'],
	},
	// A skewed clock matters to signing and, above all, to the history lookup after a lost
	// answer: one scripted cut makes the lookup run on the skewed clock.
	{
		name: 'clock +10 min (+1 cut)',
		losesAnswers: true,
		faults: { clockSkewSeconds: SKEW, script: [{ fault: 'cutAfterAccept' }] },
		expectFaults: ['cutAfterAccept'],
	},
	{
		name: 'clock -10 min (+1 cut)',
		losesAnswers: true,
		faults: { clockSkewSeconds: -SKEW, script: [{ fault: 'cutAfterAccept' }] },
		expectFaults: ['cutAfterAccept'],
	},
	{
		// Latency keeps each send in flight long enough for the restart to cut it.
		name: 'sandbox restarted twice',
		losesAnswers: true,
		faults: { latencyMs: 150 },
		expectFaults: [],
		restartAt: [2_000, 6_000],
	},
	{
		name: 'all combined',
		losesAnswers: true,
		faults: {
			rate429: 0.1,
			rate5xx: 0.05,
			latencyMs: 5,
			latencySpikeRate: 0.1,
			latencySpikeMs: 1500,
			cutAfterAcceptRate: 0.1,
			clockSkewSeconds: SKEW,
			seed: 18,
			script: [{ fault: 'rate429', method: 'POST' }, { fault: 'rate5xx', method: 'POST' }, { fault: 'cutAfterAccept' }],
		},
		expectFaults: ['rate429', 'rate5xx', 'latency', 'cutAfterAccept'],
		restartAt: [4_000],
	},
];

/** A send the sandbox received and has not answered yet. */
const sendInFlight = () => harness.sandbox.requests.some((r) => r.method === 'POST' && r.path.endsWith('/jobs') && r.status === 0);

/**
 * Restarts the sandbox each time the SMS it holds pass a threshold, while the send runs, at a
 * moment when a send is in flight: the restart then cuts it (the sandbox still commits it).
 */
function restartWhenHolding(thresholds: number[] | undefined, done: () => boolean): Promise<number> {
	if (!thresholds?.length) return Promise.resolve(0);
	const pending = [...thresholds];
	let restarts = 0;
	return new Promise((resolve, reject) => {
		const tick = async () => {
			try {
				if (pending.length && Object.keys(harness.account().outgoing).length >= pending[0] && sendInFlight()) {
					pending.shift();
					await harness.sandbox.restart();
					restarts++;
				}
				if (!pending.length || done()) resolve(restarts);
				else setTimeout(() => void tick(), 5);
			} catch (error) {
				reject(error instanceof Error ? error : new Error(String(error)));
			}
		};
		void tick();
	});
}

const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

describe('a 10,000-recipient campaign under faults', () => {
	test.each(cases.map((c) => [c.name, c] as const))(
		'%s: exactly one SMS or a named error per recipient, never two, never silence',
		async (_name, faultCase) => {
			harness.sandbox.setFaults(faultCase.faults);
			const started = Date.now();
			let finished = false;
			const restarting = restartWhenHolding(faultCase.restartAt, () => finished);
			const result = await harness.run(sendParameters({ receivers: '={{ $json.phone }}' }), items, { continueOnFail: true }).finally(() => {
				finished = true;
			});
			const wallMs = Date.now() - started;
			const restarts = await restarting;
			harness.sandbox.setFaults({});

			// What the account holds, per receiver.
			const held = new Map<string, number>();
			for (const sms of Object.values(harness.account().outgoing)) held.set(sms.receiver, (held.get(sms.receiver) ?? 0) + 1);

			// What the workflow says, per receiver: in a sent list, or named by an error item.
			const inSentList = new Map<string, number>();
			const named = new Set<string>();
			const errorItems: IDataObject[] = [];
			let recoveredItems = 0;
			const recoveredTags = new Set<string>();
			let creditsInOutput = 0;
			for (const item of result.output) {
				const json = item.json;
				for (const receiver of stringsOf(json.validReceivers)) inSentList.set(receiver, (inSentList.get(receiver) ?? 0) + 1);
				creditsInOutput += Number(json.creditsRemoved ?? 0);
				if (json.recoveredLostAnswer === true) {
					recoveredItems++;
					for (const tag of stringsOf(json.tags)) recoveredTags.add(tag);
				}
				if (json.error !== undefined) {
					errorItems.push(json);
					const text = `${String(json.error)} ${String(json.errorDescription ?? '')}`;
					for (const receiver of stringsOf(json.notSent)) named.add(receiver);
					const input = items[(item.pairedItem as { item: number } | undefined)?.item ?? -1];
					if (input && text.includes(input.phone)) named.add(input.phone);
				}
			}

			const doubled = [...held].filter(([, n]) => n > 1).map(([receiver]) => receiver);
			const silent = recipients.filter((r) => !inSentList.has(r) && !named.has(r));
			const sentButNotHeld = recipients.filter((r) => inSentList.has(r) && held.get(r) !== 1);
			const listedTwice = [...inSentList].filter(([, n]) => n > 1).map(([receiver]) => receiver);
			const heldCount = [...held.values()].reduce((a, b) => a + b, 0);
			const creditsDebited = CREDITS - harness.account().creditsLeft;

			const requests = harness.sandbox.requests;
			const faultsSeen: Record<string, number> = {};
			for (const request of requests) if (request.fault) faultsSeen[request.fault] = (faultsSeen[request.fault] ?? 0) + 1;
			const sendRequests = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/jobs')).length;
			process.stderr.write(
				`[faults] ${faultCase.name}: ${requests.length} requests (${sendRequests} POST /jobs), faults ${JSON.stringify(faultsSeen)}` +
					`${restarts ? `, ${restarts} restart(s)` : ''}, lost answers recovered: ${recoveredTags.size} job(s) / ${recoveredItems} item(s), ` +
					`SMS ${heldCount}, errored recipients ${named.size}, error items ${errorItems.length}, ` +
					`credits debited ${creditsDebited} (output ${Math.round(creditsInOutput)}), wall ${(wallMs / 1000).toFixed(1)} s\n`,
			);

			for (const kind of faultCase.expectFaults) expect(faultsSeen[kind] ?? 0).toBeGreaterThan(0);
			if (faultCase.restartAt) expect(restarts).toBe(faultCase.restartAt.length);
			if (faultCase.losesAnswers) expect(recoveredTags.size).toBeGreaterThan(0);
			expect(result.output).toHaveLength(RECIPIENTS);
			expect(doubled).toEqual([]);
			expect(listedTwice).toEqual([]);
			expect(silent).toEqual([]);
			expect(sentButNotHeld).toEqual([]);
			// An errored recipient may not have been confirmed either way, but it is never held twice
			// (checked above) and never also reported as sent.
			expect([...named].filter((r) => inSentList.has(r))).toEqual([]);
			expect(creditsDebited).toBe(heldCount);
			expect(Math.round(creditsInOutput)).toBe(inSentList.size);
		},
		150_000,
	);
});
