import type { JobGateway, OvhJobBody, SendingReport, SentSms } from '../../../lib/batching';
import type { OvhClient } from '../../../lib/ovh';
import { dispatchSends, sendIdentityOf, type DispatchSettings, type PreparedSend } from '../../../lib/sending';

class Ambiguous extends Error {}

/** OVHcloud's account as the send core sees it: jobs tagged, SMS held, faults scripted per POST. */
class FakeApi {
	readonly held: Array<SentSms & { tag: string }> = [];
	posts = 0;
	/** Per POST (in order): what happens to it. */
	plan: Array<'ok' | 'cut' | 'refuse'> = [];
	/** Receivers OVHcloud answers as invalid (the STOP list): not sent, not billed. */
	stopList = new Set<string>();
	private nextId = 100;

	gatewayFor = (_target: unknown, body: OvhJobBody, claimed: Set<number>): JobGateway => ({
		send: async (receivers): Promise<SendingReport> => {
			this.posts++;
			const step = this.plan.shift() ?? 'ok';
			if (step === 'refuse') throw new Error('400 Invalid receivers');
			const list = (receivers ?? ['+3360000001']).filter((receiver) => !this.stopList.has(receiver));
			const invalidReceivers = (receivers ?? []).filter((receiver) => this.stopList.has(receiver));
			const ids = list.map((receiver) => {
				const sms = { id: this.nextId++, receiver, credits: 1, tag: body.tag };
				this.held.push(sms);
				return sms.id;
			});
			if (step === 'cut') throw new Ambiguous('socket hang up');
			return { ids, validReceivers: list, invalidReceivers, totalCreditsRemoved: list.length };
		},
		findSent: async (receivers) => {
			const found = this.held.filter(
				(sms) => sms.tag === body.tag && !claimed.has(sms.id) && (!receivers || receivers.includes(sms.receiver)),
			);
			found.forEach((sms) => claimed.add(sms.id));
			return found.map(({ id, receiver, credits }) => ({ id, receiver, credits }));
		},
	});

	heldBy(receiver: string) {
		return this.held.filter((sms) => sms.receiver === receiver).length;
	}
}

function prepared(
	itemIndex: number,
	numbers: string[],
	text = 'Your parcel arrives tomorrow',
	options: PreparedSend['item']['options'] = {},
): PreparedSend {
	const body = { message: text, sender: 'MyCompany' };
	return {
		item: {
			itemIndex,
			serviceName: 'sms-xx',
			sender: { kind: 'sender', name: 'MyCompany' },
			recipients: { kind: 'numbers', numbers, invalid: [], duplicates: [] },
			text,
			transliterations: [],
			options,
		},
		sender: { target: { serviceName: 'sms-xx' }, fields: { sender: 'MyCompany' }, type: 'alpha', label: 'MyCompany' },
		analysis: {} as PreparedSend['analysis'],
		stopClause: true,
		body,
		key: JSON.stringify(['sms-xx', body]),
	};
}

const identity = (establishedAtMs: number, retried = false) =>
	sendIdentityOf({ workflowId: 'wf', nodeId: 'node-1', establishedAtMs, retried, nowMs: establishedAtMs });

function settings(api: FakeApi, run = identity(1_000), extra: Partial<DispatchSettings> = {}): DispatchSettings {
	return {
		maxReceiversPerJob: 2,
		parallelJobs: 1,
		stopAfterFailure: true,
		sleep: async () => undefined,
		identity: run,
		nowMs: run.runStartedAtMs,
		gatewayFor: api.gatewayFor,
		...extra,
	};
}

const client = {} as OvhClient;
const items = () => [
	prepared(0, ['+33611111111', '+33622222222']),
	prepared(1, ['+33622222222', '+33633333333']),
	prepared(2, ['+33644444444']),
];

describe('dispatchSends', () => {
	test('items with the same message merge into jobs; each SMS goes back to the item that asked for it', async () => {
		const api = new FakeApi();
		const deliveries = await dispatchSends(client, items(), settings(api));
		expect(api.posts).toBe(2);
		expect(deliveries.get(0)).toMatchObject({ validReceivers: ['+33611111111', '+33622222222'], creditsRemoved: 2 });
		expect(deliveries.get(1)).toMatchObject({ validReceivers: ['+33633333333'], duplicates: ['+33622222222'] });
		expect(deliveries.get(2)).toMatchObject({ validReceivers: ['+33644444444'] });
		expect(deliveries.get(0)!.tags[0]).toMatch(/^n8n-[0-9a-f]{16}$/);
	});

	test('the same run sends the same job under the same tag; a new run under another', async () => {
		const api = new FakeApi();
		const first = await dispatchSends(client, [prepared(0, ['+33611111111'])], settings(api, identity(1_000)));
		const retry = await dispatchSends(client, [prepared(0, ['+33611111111'])], settings(api, identity(1_000)));
		const later = await dispatchSends(client, [prepared(0, ['+33611111111'])], settings(api, identity(2_000)));
		expect(retry.get(0)!.tags).toEqual(first.get(0)!.tags);
		expect(later.get(0)!.tags).not.toEqual(first.get(0)!.tags);
		expect(retry.get(0)).toMatchObject({ ids: [], alreadySent: ['+33611111111'], alreadySentIds: first.get(0)!.ids });
		expect(later.get(0)!.ids).toHaveLength(1);
		expect(api.heldBy('+33611111111')).toBe(2);
	});

	test.each([
		['refused', 'refuse' as const],
		['cut after accept', 'cut' as const],
	])('a job %s after the first: the run again sends each receiver exactly once', async (_name, fault) => {
		const api = new FakeApi();
		api.plan = ['ok', fault];
		const failed = await dispatchSends(client, items(), settings(api));
		const failedItem = [...failed.values()].find((d) => d.failure);
		if (fault === 'refuse') {
			expect(failedItem?.failure).toMatchObject({ unconfirmed: false, unsent: ['+33633333333'] });
		}
		const again = await dispatchSends(client, items(), settings(api));
		for (const receiver of ['+33611111111', '+33622222222', '+33633333333', '+33644444444']) expect(api.heldBy(receiver)).toBe(1);
		const accounted = [...again.values()].flatMap((d) => [...d.validReceivers, ...d.alreadySent]).sort();
		expect(accounted).toEqual(['+33611111111', '+33622222222', '+33633333333', '+33644444444']);
		expect([...again.values()].every((d) => !d.failure)).toBe(true);
	});

	test('a first attempt sends without reading the history; the same run again, or a Retry, reads it first', async () => {
		const api = new FakeApi();
		let lookups = 0;
		const counting = (target: unknown, body: OvhJobBody, claimed: Set<number>): JobGateway => {
			const gateway = api.gatewayFor(target, body, claimed);
			return { ...gateway, findSent: async (...args) => (lookups++, await gateway.findSent(...args)) };
		};
		await dispatchSends(client, items(), settings(api, identity(5_000), { gatewayFor: counting }));
		expect({ posts: api.posts, lookups }).toEqual({ posts: 2, lookups: 0 });

		const again = await dispatchSends(client, items(), settings(api, identity(5_000), { gatewayFor: counting }));
		expect({ posts: api.posts, lookups }).toEqual({ posts: 2, lookups: 2 });
		expect([...again.values()].flatMap((d) => d.alreadySent)).toHaveLength(4);
	});

	test("a Retry this process has never seen (n8n's Retry button, a worker after a crash) is known by its mode", () => {
		expect(identity(6_000, true).mayHaveSentBefore).toBe(true);
		expect(identity(7_000, false).mayHaveSentBefore).toBe(false);
		expect(identity(7_000, false).mayHaveSentBefore).toBe(true);
	});

	test('a refused job and the jobs never started after it are "not sent", with the reason', async () => {
		const api = new FakeApi();
		api.plan = ['refuse'];
		const deliveries = await dispatchSends(client, items(), settings(api));
		expect(deliveries.get(0)!.failure).toMatchObject({ unconfirmed: false });
		expect(deliveries.get(2)!.failure).toMatchObject({ unconfirmed: false, unsent: ['+33644444444'] });
		expect(String((deliveries.get(2)!.failure!.error as Error).message)).toMatch(/not sent: an earlier job failed/);
	});

	const numbers = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `+336${String(10_000_000 + from + i)}`);

	test.each([
		// receivers, listing limit, refused by OVHcloud, summarised, refused kept
		{ receivers: 5, listUpTo: 5, refused: 0, summarised: false, refusedKept: 0 },
		{ receivers: 6, listUpTo: 5, refused: 0, summarised: true, refusedKept: 0 },
		{ receivers: 9, listUpTo: 5, refused: 4, summarised: false, refusedKept: 4 },
		{ receivers: 12, listUpTo: 5, refused: 4, summarised: true, refusedKept: 4 },
		{ receivers: 260, listUpTo: 5, refused: 150, summarised: true, refusedKept: 100 },
		{ receivers: 3, listUpTo: 0, refused: 0, summarised: true, refusedKept: 0 },
	])(
		'$receivers receivers, listing up to $listUpTo, $refused refused: summarised $summarised, counts exact, lists only while listed',
		async ({ receivers, listUpTo, refused, summarised, refusedKept }) => {
			const api = new FakeApi();
			const all = numbers(receivers);
			all.slice(0, refused).forEach((receiver) => api.stopList.add(receiver));
			const deliveries = await dispatchSends(
				client,
				[prepared(0, all, 'Hello', { listReceiversUpTo: listUpTo })],
				settings(api, identity(20_000), { maxReceiversPerJob: 3 }),
			);
			const delivery = deliveries.get(0)!;
			const sent = receivers - refused;
			expect(delivery.summarised).toBe(summarised);
			expect(delivery.counts).toEqual({ ids: sent, validReceivers: sent, refused, alreadySent: 0 });
			expect(delivery.creditsRemoved).toBe(sent);
			expect(delivery.ids).toHaveLength(summarised ? 0 : sent);
			expect(delivery.validReceivers).toEqual(summarised ? [] : all.slice(refused));
			expect(delivery.refused).toEqual(all.slice(0, refusedKept));
		},
	);

	test('a Retry of a summarised send counts what the first run sent, without listing it', async () => {
		const api = new FakeApi();
		const send = () => [prepared(0, numbers(8), 'Hello', { listReceiversUpTo: 3 })];
		await dispatchSends(client, send(), settings(api, identity(30_000), { maxReceiversPerJob: 3 }));
		const retry = await dispatchSends(client, send(), settings(api, identity(30_000, true), { maxReceiversPerJob: 3 }));
		expect(retry.get(0)).toMatchObject({
			summarised: true,
			counts: { ids: 0, validReceivers: 0, refused: 0, alreadySent: 8 },
			alreadySent: [],
			alreadySentIds: [],
		});
		expect(api.posts).toBe(3);
	});

	test('an item that waits for delivery keeps every SMS id once summarised, not its receivers', async () => {
		const api = new FakeApi();
		const deliveries = await dispatchSends(
			client,
			[prepared(0, numbers(8), 'Hello', { listReceiversUpTo: 3, waitForDeliveryMinutes: 1 })],
			settings(api, identity(35_000), { maxReceiversPerJob: 3 }),
		);
		const delivery = deliveries.get(0)!;
		expect(delivery).toMatchObject({ summarised: true, counts: { ids: 8 }, validReceivers: [] });
		expect(new Set(delivery.ids).size).toBe(8);
	});

	test('items sharing jobs are summarised each by its own count and listing limit', async () => {
		const api = new FakeApi();
		const sends = [prepared(0, numbers(4), 'Hi', { listReceiversUpTo: 3 }), prepared(1, numbers(2, 4), 'Hi', { listReceiversUpTo: 3 })];
		const deliveries = await dispatchSends(client, sends, settings(api, identity(40_000), { maxReceiversPerJob: 3 }));
		expect(deliveries.get(0)).toMatchObject({ summarised: true, counts: { ids: 4 }, validReceivers: [] });
		expect(deliveries.get(1)).toMatchObject({ summarised: false, counts: { ids: 2 }, validReceivers: numbers(2, 4) });
	});

	test("once planned, the jobs hold the receivers: the sends' own lists are let go, each receiver still sent once", async () => {
		const api = new FakeApi();
		const sends = items();
		const deliveries = await dispatchSends(client, sends, settings(api));
		expect(sends.map((send) => (send.item.recipients as { numbers: string[] }).numbers)).toEqual([[], [], []]);
		expect([...deliveries.values()].flatMap((d) => d.validReceivers).sort()).toEqual([
			'+33611111111',
			'+33622222222',
			'+33633333333',
			'+33644444444',
		]);
	});
});
