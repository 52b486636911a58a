// The trigger in polling mode, on n8n's PollContext against the sandbox: what a workflow
// sees poll after poll, across restarts, for replies, delivery reports and STOPs.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { formatOvhDate } from '../../../sandbox/clock';
import { RESUME_LOOK_BACK_MS } from '../../../lib/replies';
import { POLL_LIMITS } from '../../../nodes/OvhSmsTrigger/polling';
import { TriggerHarness } from '../../support/n8nTrigger';
import { account, apiCredentials, eventually, sandboxClient, sendSms } from './support';

let sandbox: Sandbox;
const harnesses: TriggerHarness[] = [];

beforeEach(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 20 });
});
afterEach(async () => {
	await Promise.all(harnesses.splice(0).map((h) => h.close()));
	await sandbox.close();
});

async function trigger(parameters: IDataObject, staticData?: IDataObject): Promise<TriggerHarness> {
	const harness = await TriggerHarness.start({
		parameters: { serviceName: account(sandbox), ...parameters },
		credentials: apiCredentials(sandbox),
		staticData,
	});
	harnesses.push(harness);
	return harness;
}

const json = (items: INodeExecutionData[] | null) => (items ?? []).map((item) => item.json);

describe('SMS received, polling', () => {
	test('the first activation emits none of the replies already there', async () => {
		await sandbox.injectIncoming({ sender: '+33611111111', message: 'old reply' });
		await sandbox.injectIncoming({ sender: '+33622222222', message: 'YES' });
		const harness = await trigger({ event: 'smsReceived' });
		expect(await harness.poll()).toBeNull();
		expect(await harness.poll()).toBeNull();
		const fresh = await sandbox.injectIncoming({ sender: '+33633333333', message: 'Yes, see you tomorrow' });
		expect(json(await harness.poll())).toEqual([
			expect.objectContaining({
				event: 'smsReceived',
				id: fresh.id,
				sender: '+33633333333',
				message: 'Yes, see you tomorrow',
				keyword: 'YES',
				receivedAt: fresh.creationDatetime,
				serviceName: sandbox.serviceName,
				source: 'poll',
			}),
		]);
		expect(await harness.poll()).toBeNull();
	});

	test('every reply is emitted exactly once over many polls, including replies arriving during a poll and a restart', async () => {
		let harness = await trigger({ event: 'smsReceived' });
		await harness.poll();
		// Slow API answers, so replies land while a poll is between its listing and its reads.
		sandbox.setFaults({ latencyMs: 15 });
		const injected: number[] = [];
		const emitted: number[] = [];
		const inject = async (i: number) =>
			injected.push((await sandbox.injectIncoming({ sender: `+336000${String(i).padStart(5, '0')}`, message: `reply ${i}` })).id);
		for (let round = 0; round < 12; round++) {
			const polling = harness.poll();
			await inject(round * 3);
			// About when the poll has listed and is reading what it found.
			await new Promise((r) => setTimeout(r, 20));
			await inject(round * 3 + 1);
			emitted.push(...json(await polling).map((event) => event.id as number));
			await inject(round * 3 + 2);
			if (round === 6) {
				// Another n8n process (or a restart) takes over with only the saved static data.
				harness = await trigger({ event: 'smsReceived' }, harness.staticDataSnapshot());
			}
		}
		sandbox.setFaults({});
		for (let i = 0; i < 3; i++) emitted.push(...json(await harness.poll()).map((event) => event.id as number));
		expect(injected).toHaveLength(36);
		expect([...emitted].sort()).toEqual([...injected].sort());
	});

	test('n8n starting the active workflow without its saved cursor emits the replies of the look-back window once', async () => {
		const before = await trigger({ event: 'smsReceived' });
		await before.poll();
		const emittedBefore = await sandbox.injectIncoming({ sender: '+33611111111', message: 'emitted before the stop' });
		expect(json(await before.poll()).map((event) => event.id)).toEqual([emittedBefore.id]);
		// The cursor is lost, the emission ledger is not (both are static data; this plays the worst case).
		const saved = before.staticDataSnapshot();
		for (const nodeData of Object.values(saved)) delete (nodeData as IDataObject).poll;

		const backdate = async (message: string, agoMs: number) => {
			const reply = await sandbox.injectIncoming({ sender: '+33622222222', message });
			sandbox.state.accounts[sandbox.serviceName].incoming[reply.id].creationDatetime = formatOvhDate(Date.now() - agoMs);
			return reply;
		};
		await backdate('before the window', RESUME_LOOK_BACK_MS + 5 * 60_000);
		const inWindow = await backdate('while n8n was down', RESUME_LOOK_BACK_MS - 5 * 60_000);
		const justNow = await sandbox.injectIncoming({ sender: '+33633333333', message: 'just now' });

		const started = await trigger({ event: 'smsReceived' }, saved);
		expect(json(await started.poll('trigger', 'init')).map((event) => event.id)).toEqual([inWindow.id, justNow.id]);
		expect(await started.poll('trigger', 'init')).toBeNull();
		// A workflow the user activates starts from now, whatever is there.
		const activated = await trigger({ event: 'smsReceived' });
		expect(await activated.poll('trigger', 'activate')).toBeNull();
	});

	test('filters on sender, keyword and tag', async () => {
		const harness = await trigger({
			event: 'smsReceived',
			filters: { keywords: 'yes, oui', senders: '+33611111111, 0033622222222', tags: 'rdv' },
		});
		await harness.poll();
		await sandbox.injectIncoming({ sender: '+33611111111', message: 'Oui merci', tag: 'rdv' });
		await sandbox.injectIncoming({ sender: '+33611111111', message: 'Non merci', tag: 'rdv' });
		await sandbox.injectIncoming({ sender: '+33699999999', message: 'YES', tag: 'rdv' });
		await sandbox.injectIncoming({ sender: '+33622222222', message: 'yes!', tag: 'promo' });
		await sandbox.injectIncoming({ sender: '+33622222222', message: 'yes!', tag: 'rdv' });
		expect(json(await harness.poll()).map((e) => [e.sender, e.keyword, e.tag])).toEqual([
			['+33611111111', 'OUI', 'rdv'],
			['+33622222222', 'YES', 'rdv'],
		]);
	});

	test('one virtual number only', async () => {
		const harness = await trigger({ event: 'smsReceived', receivingNumber: '33700000001' });
		await harness.poll();
		await sandbox.injectIncoming({ sender: '+33611111111', message: 'to the short number' });
		const onVln = await sandbox.injectIncoming({ sender: '+33611111111', message: 'to the virtual number', virtualNumber: '33700000001' });
		expect(json(await harness.poll())).toEqual([
			expect.objectContaining({ id: onVln.id, message: 'to the virtual number', receivingNumber: '33700000001' }),
		]);
	});

	test('"Fetch test event" returns the latest reply and leaves the mark where it was', async () => {
		const harness = await trigger({ event: 'smsReceived', filters: { keywords: 'YES' } });
		await expect(harness.poll('manual')).rejects.toThrow(/No received SMS matches this trigger yet/);
		await harness.poll();
		await sandbox.injectIncoming({ sender: '+33611111111', message: 'YES first' });
		const latest = await sandbox.injectIncoming({ sender: '+33622222222', message: 'yes second' });
		await sandbox.injectIncoming({ sender: '+33633333333', message: 'no third' });
		expect(json(await harness.poll('manual'))).toEqual([expect.objectContaining({ id: latest.id, keyword: 'YES' })]);
		expect(json(await harness.poll()).map((e) => e.message)).toEqual(['YES first', 'yes second']);
	});

	test('delete after read removes emitted replies, and only those', async () => {
		const harness = await trigger({ event: 'smsReceived', filters: { keywords: 'YES' }, options: { deleteAfterRead: true } });
		await harness.poll();
		const yes = await sandbox.injectIncoming({ sender: '+33611111111', message: 'yes' });
		const other = await sandbox.injectIncoming({ sender: '+33611111111', message: 'maybe' });
		expect(json(await harness.poll())).toEqual([expect.objectContaining({ id: yes.id, deleted: true })]);
		const incoming = sandbox.state.accounts[sandbox.serviceName].incoming;
		expect(Object.keys(incoming).map(Number)).toEqual([other.id]);
	});

	test('look up original SMS gives the id of the SMS the customer answered', async () => {
		const harness = await trigger({ event: 'smsReceived', options: { lookUpOriginalSms: true } });
		await harness.poll();
		await sendSms(sandbox, ['+33644444444'], 'First reminder', { senderForResponse: true, tag: 'rdv' });
		const [asked] = await sendSms(sandbox, ['+33644444444'], 'Confirm your appointment? Reply YES', {
			senderForResponse: true,
			tag: 'rdv',
		});
		await sandbox.injectIncoming({ sender: '+33644444444', message: 'YES' });
		expect(json(await harness.poll())).toEqual([expect.objectContaining({ outgoingId: asked, tag: 'rdv', keyword: 'YES' })]);
	});
});

describe('virtual numbers (issue 16 §2.4, §2.5)', () => {
	const VLN = '33700000001';
	/** An SMS sent from the virtual number (its own jobs route, as OVHcloud publishes it). */
	async function sendFromVirtualNumber(receiver: string, message: string): Promise<number> {
		const report = await sandboxClient(sandbox).post<{ ids: number[] }>(`/sms/${sandbox.serviceName}/virtualNumbers/${VLN}/jobs`, {
			message,
			receivers: [receiver],
		});
		return report.ids[0];
	}

	test('watching the whole account, a reply to a virtual number is read from its line, once, naming it', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.poll();
		sandbox.clearRequests();
		const onVln = await sandbox.injectIncoming({ sender: '+33611111111', message: 'to the virtual number', virtualNumber: VLN });
		expect(json(await harness.poll())).toEqual([expect.objectContaining({ id: onVln.id, receivingNumber: VLN })]);
		expect(sandbox.requests.some((r) => r.path.endsWith(`/virtualNumbers/${VLN}/incoming`))).toBe(true);
		expect(await harness.poll()).toBeNull();
	});

	test('delivery reports of SMS sent from a virtual number are polled from its line too, each once', async () => {
		const harness = await trigger({ event: 'deliveryReport' });
		await harness.poll();
		sandbox.clearRequests();
		const id = await sendFromVirtualNumber('+33611111111', 'from the virtual number');
		const reports = await eventually(
			async () => json(await harness.poll()),
			(found) => found.length > 0,
		);
		expect(reports).toEqual([expect.objectContaining({ id, status: 'delivered' })]);
		expect(sandbox.requests.some((r) => r.path.endsWith(`/virtualNumbers/${VLN}/outgoing`))).toBe(true);
		expect(await harness.poll()).toBeNull();
	});

	test.each([
		['polled', 'poll'],
		['pushed', 'webhook'],
	])(
		'Look Up Original SMS: a tagless reply to the short number links the SMS sent from it, not a later one from the virtual number (%s)',
		async (_name, mode) => {
			const harness = await trigger({ event: 'smsReceived', mode, options: { lookUpOriginalSms: true } });
			if (mode === 'webhook') await harness.activate();
			else await harness.poll();
			const [asked] = await sendSms(sandbox, ['+33644444444'], 'Confirm your appointment? Reply YES', { senderForResponse: true });
			const later = await sendFromVirtualNumber('+33644444444', 'Another conversation');
			expect(later).toBeGreaterThan(asked);
			const reply = await sandbox.injectIncoming({ sender: '+33644444444', message: 'YES' });
			const event = mode === 'webhook' ? (await harness.waitForExecutions(1))[0][0].json : json(await harness.poll())[0];
			expect(event).toMatchObject({ id: reply.id, outgoingId: asked });
		},
	);

	test('Look Up Original SMS: a reply to the virtual number links the SMS sent from it', async () => {
		const harness = await trigger({ event: 'smsReceived', options: { lookUpOriginalSms: true } });
		await harness.poll();
		await sendSms(sandbox, ['+33644444444'], 'Confirm your appointment? Reply YES', { senderForResponse: true });
		const fromVln = await sendFromVirtualNumber('+33644444444', 'Reply to this number');
		const reply = await sandbox.injectIncoming({ sender: '+33644444444', message: 'OK', virtualNumber: VLN });
		expect(json(await harness.poll())).toEqual([expect.objectContaining({ id: reply.id, outgoingId: fromVln, receivingNumber: VLN })]);
	});
});

describe('delivery reports, polling', () => {
	const finalStates = (harness: TriggerHarness, reports: IDataObject[], count: number) =>
		eventually(
			async () => {
				reports.push(...json(await harness.poll()));
				return reports.length;
			},
			(n) => n >= count,
		);

	test('delivered and failed SMS are reported once each, with the reason in plain words', async () => {
		const harness = await trigger({ event: 'deliveryReport' });
		await harness.poll();
		const [delivered, invalid, absent] = await sendSms(sandbox, ['+33611111111', '+33612340000', '+33612340001'], 'Your code: 123456', {
			tag: 'otp',
		});
		const reports: IDataObject[] = [];
		await finalStates(harness, reports, 3);
		for (let i = 0; i < 3; i++) reports.push(...json(await harness.poll()));
		const byId = new Map(reports.map((report) => [report.id, report]));
		expect(reports).toHaveLength(3);
		expect(byId.get(delivered)).toMatchObject({
			status: 'delivered',
			ptt: 4,
			dlrCode: 1,
			receiver: '+33611111111',
			tag: 'otp',
			final: true,
		});
		expect(byId.get(invalid)).toMatchObject({ status: 'failed', ptt: 23, dlrCode: 2, retryable: false, receiver: '+33612340000' });
		expect(byId.get(invalid)!.reason).toMatch(/invalid, barred or blacklisted/i);
		expect(byId.get(absent)).toMatchObject({ status: 'failed', ptt: 24, dlrCode: 16, retryable: true });
	});

	test('pending reports only when asked for, and SMS already final at activation are not reported', async () => {
		// Steps 400 ms apart, so that polls a few ms apart see the SMS while it is pending:
		// polling reports the states it sees, and a state shorter than a poll can go unseen.
		await sandbox.close();
		sandbox = await startSandbox({ deliveryDelayMs: 400 });
		const [before] = await sendSms(sandbox, ['+33655555555'], 'sent before activation');
		await eventually(
			() => sandbox.state.accounts[sandbox.serviceName].outgoing[before].step,
			(step) => step === 2,
			3000,
		);
		const harness = await trigger({ event: 'deliveryReport', statuses: ['pending', 'failed'] });
		await harness.poll();
		const [after] = await sendSms(sandbox, ['+33666660000'], 'sent after activation');
		const reports: IDataObject[] = [];
		await finalStates(harness, reports, 2);
		expect(reports.map((r) => [r.id, r.status, r.statusText])).toEqual([
			[after, 'pending', 'Waiting for delivery'],
			[after, 'failed', 'Failed'],
		]);
	});
});

describe('STOP received, polling', () => {
	test('a new opt-out is emitted once, with the SMS it answered; numbers already blacklisted are not', async () => {
		await sandbox.injectIncoming({ sender: '+33677777777', message: 'STOP' });
		const harness = await trigger({ event: 'stopReceived' });
		expect(await harness.poll()).toBeNull();
		const [promo] = await sendSms(sandbox, ['+33688888888'], 'Promo -20%', { senderForResponse: true, tag: 'promo' });
		const reply = await sandbox.injectIncoming({ sender: '+33688888888', message: 'stop' });
		expect(json(await harness.poll())).toEqual([
			expect.objectContaining({
				event: 'stopReceived',
				number: '+33688888888',
				outgoingId: promo,
				receivedAt: reply.creationDatetime,
				source: 'poll',
			}),
		]);
		expect(await harness.poll()).toBeNull();
		expect(json(await harness.poll('manual'))).toEqual([expect.objectContaining({ number: '+33688888888' })]);
	});
});

describe('one poll at a time, within a time budget', () => {
	const usual = { ...POLL_LIMITS };
	afterEach(() => Object.assign(POLL_LIMITS, usual));

	test('polls that overlap on a slow API emit each reply once', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.poll();
		const replies = [];
		for (let i = 0; i < 3; i++) replies.push(await sandbox.injectIncoming({ sender: '+33611111111', message: `reply ${i}` }));
		sandbox.setFaults({ latencyMs: 300 });
		sandbox.clearRequests();
		// n8n 2.41 starts the next tick without waiting for the running poll.
		const overlapping = await Promise.all([harness.poll(), harness.poll(), harness.poll()]);
		sandbox.setFaults({});
		// Only one of them read the API: the others found the lease taken.
		expect(sandbox.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/sms/${sandbox.serviceName}/incoming`))).toHaveLength(1);
		const emitted = overlapping.flatMap((items) => json(items).map((event) => event.id));
		expect(emitted.sort()).toEqual(replies.map((reply) => reply.id).sort());
		expect(await harness.poll()).toBeNull();
	});

	test('a lease left in saved static data (n8n stopped mid-poll, then restarted) does not block the next polls', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.poll();
		const polling = harness.poll(); // holds the lease while n8n saves the static data
		const saved = harness.staticDataSnapshot();
		await polling;
		const lease = (saved['node:OVHcloud SMS Trigger'] as IDataObject).pollLease as IDataObject;
		expect(lease.untilMs).toBeGreaterThan(Date.now());
		lease.holder = 'the n8n process before the restart'; // this jest process plays the restarted one
		const restarted = await trigger({ event: 'smsReceived' }, saved);
		const reply = await sandbox.injectIncoming({ sender: '+33611111111', message: 'YES' });
		expect(json(await restarted.poll()).map((event) => event.id)).toEqual([reply.id]);
	});

	test('a poll past its budget stops reading; the rest comes with the next polls, each once', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.poll();
		const ids: number[] = [];
		for (let i = 0; i < 120; i++) ids.push((await sandbox.injectIncoming({ sender: '+33611111111', message: `r${i}` })).id);
		POLL_LIMITS.budgetMs = 0; // every poll is already late after its first read
		const perPoll: number[] = [];
		const emitted: number[] = [];
		for (let poll = 0; poll < 4; poll++) {
			const events = json(await harness.poll());
			perPoll.push(events.length);
			emitted.push(...events.map((event) => Number(event.id)));
		}
		expect(perPoll).toEqual([50, 50, 20, 0]);
		expect(emitted).toEqual(ids);
	});
});

describe('mode switch', () => {
	test('in webhook mode the poll schedule reconciles: its first poll marks where it starts and emits nothing old', async () => {
		await sandbox.injectIncoming({ sender: '+33611111111', message: 'old reply' });
		const harness = await trigger({ event: 'smsReceived', mode: 'webhook' });
		expect(await harness.poll()).toBeNull();
		expect(sandbox.state.accounts[sandbox.serviceName].smsResponse.responseType).toBe('none');
	});

	test('in polling mode no webhook is registered and the account is left alone', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		expect(harness.webhooks()).toEqual([]);
		await harness.activate();
		expect(sandbox.state.accounts[sandbox.serviceName].smsResponse.responseType).toBe('none');
	});
});
