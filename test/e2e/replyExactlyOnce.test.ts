/**
 * Every reply that reached OVHcloud starts exactly one emission, on a real n8n 2.41.1 with its
 * default settings (no N8N_EXPRESSION_ENGINE override): the same push twice, pushes refused
 * during an API outage, replies that arrive while n8n is stopped, polls that overlap on a slow
 * API, and the editor's test event in webhook mode. In webhook mode the push is a doorbell and
 * the trigger's poll (every 10 s here; n8n's default is every minute) reconciles with the API.
 *
 * Counted on the workflow's side: the collector gets one POST per emitted item, naming the
 * workflow and the reply.
 */
import type { Incoming } from '../../sandbox';
import { eventually } from './support/eventually';
import { describeWhenRegistered, INSTALL_AND_START_TIMEOUT_MS, type ExampleServer, startExampleServer } from './support/exampleServer';
import { outputOf, waitForTriggerRegistration } from './support/executions';
import { startReplyCollector, type ReplyCollector } from './support/replyCollector';
import { EVERY_TEN_SECONDS, REPLY_TRIGGER_NAME, REPLY_WEBHOOK_ID, replyWebhookWorkflow } from './support/testWorkflows';

const POLLING_ID = 'e2eReplyPollingCollected';
/** A polling workflow activated just before n8n stops: none of its polls has emitted yet. */
const FRESH_POLLING_ID = 'e2eReplyPollingFresh';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
/** A reconciling poll runs every 10 s; an emission is due within two of them plus the run. */
const RECONCILE_BOUND_MS = 45_000;

describeWhenRegistered('n8n-nodes-ovh-sms.ovhSmsTrigger')('replies exactly once on the real server, default settings', () => {
	let example: ExampleServer;
	let collector: ReplyCollector;
	let restarted: { stop(): Promise<unknown> } | undefined;

	beforeAll(async () => {
		collector = await startReplyCollector();
		example = await startExampleServer({
			includeExamples: false,
			workflows: [
				replyWebhookWorkflow(collector.url, { pollTimes: EVERY_TEN_SECONDS }),
				replyWebhookWorkflow(collector.url, { id: POLLING_ID, mode: 'poll', pollTimes: EVERY_TEN_SECONDS }),
				replyWebhookWorkflow(collector.url, { id: FRESH_POLLING_ID, mode: 'poll', pollTimes: EVERY_TEN_SECONDS }),
			],
		});
	}, INSTALL_AND_START_TIMEOUT_MS);

	afterAll(async () => {
		await restarted?.stop();
		const clean = await example?.stop();
		await collector?.close();
		expect(clean ?? true).toBe(true);
	}, 120_000);

	const account = () => example.sandbox.state.accounts[example.sandbox.serviceName];
	const emitted = (workflowId: string, id: number) =>
		collector.received.filter((entry) => entry.workflowId === workflowId && Number(entry.id) === id && entry.executionMode !== 'manual');
	const reply = (message: string) => example.sandbox.injectIncoming({ sender: '+33615000001', message });

	/** Waits until each reply was emitted, then one more reconciling period, and says how often each was. */
	async function emissionsOf(workflowId: string, replies: Incoming[], timeoutMs = RECONCILE_BOUND_MS): Promise<number[]> {
		const started = Date.now();
		await eventually(() => (replies.every((r) => emitted(workflowId, r.id).length > 0) ? true : undefined), {
			timeoutMs,
			intervalMs: 250,
			describe: () => `${replies.filter((r) => emitted(workflowId, r.id).length > 0).length} of ${replies.length} replies emitted`,
		});
		log(`${replies.length} replies emitted by ${workflowId} within ${((Date.now() - started) / 1000).toFixed(1)} s`);
		await sleep(12_000); // a late duplicate (the next poll) would land here
		return replies.map((r) => emitted(workflowId, r.id).length);
	}

	test("the editor's test event in webhook mode shows the reply", async () => {
		const run = await example.session.call('POST', `/rest/workflows/${REPLY_WEBHOOK_ID}/run`, {
			triggerToStartFrom: { name: REPLY_TRIGGER_NAME },
		});
		expect(run).toMatchObject({ waitingForWebhook: true });
		await eventually(() => ((account().smsResponse.cgiUrl ?? '').includes('/webhook-test/') ? true : undefined), {
			describe: () => `the account's reply URL is ${account().smsResponse.cgiUrl}`,
		});
		const sent = await reply('testing the editor');
		const execution = await eventually(
			async () => {
				const runs = await example.runtime.getExecutions(example.session, REPLY_WEBHOOK_ID);
				return runs.find((r: { mode: string; status: string }) => r.mode === 'manual' && r.status !== 'running' && r.status !== 'new');
			},
			{ describe: () => 'no finished manual execution' },
		);
		expect(outputOf(execution, REPLY_TRIGGER_NAME)).toEqual([expect.objectContaining({ id: sent.id, message: 'testing the editor' })]);
		// The test run gives the account back.
		await eventually(() => (account().smsResponse.cgiUrl ? undefined : true));
	}, 120_000);

	test('the same push twice: one emission', async () => {
		await example.runtime.activateWorkflow(example.session, REPLY_WEBHOOK_ID);
		await example.runtime.activateWorkflow(example.session, POLLING_ID);
		await waitForTriggerRegistration(example.session, REPLY_WEBHOOK_ID, REPLY_TRIGGER_NAME);
		const sent = await reply('YES twice');
		await eventually(() => (emitted(REPLY_WEBHOOK_ID, sent.id).length > 0 ? true : undefined), { timeoutMs: 30_000 });
		await example.sandbox.callbacksIdle();
		const push = example.sandbox.callbacks.find(
			(c) => c.kind === 'incomingCgi' && new URLSearchParams(c.body ?? '').get('id') === String(sent.id),
		);
		const again = await fetch(account().smsResponse.cgiUrl!, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: push!.body,
		});
		expect(again.status).toBe(200);
		expect(await emissionsOf(REPLY_WEBHOOK_ID, [sent])).toEqual([1]);
	}, 120_000);

	test('an API outage during pushes: every reply emitted once after it recovers', async () => {
		example.sandbox.setFaults({ rate5xx: 1 });
		const sent: Incoming[] = [];
		for (let i = 0; i < 5; i++) sent.push(await reply(`during the outage ${i}`));
		await example.sandbox.callbacksIdle();
		const refused = example.sandbox.callbacks.filter(
			(c) => c.kind === 'incomingCgi' && sent.some((r) => new URLSearchParams(c.body ?? '').get('id') === String(r.id)),
		);
		example.sandbox.setFaults({});
		log(`outage: pushes answered ${refused.map((c) => c.status ?? c.error).join(', ')}`);
		expect(refused.every((c) => c.status !== 200)).toBe(true);
		expect(await emissionsOf(REPLY_WEBHOOK_ID, sent)).toEqual(sent.map(() => 1));
	}, 180_000);

	test('overlapping polls with a 3 s API: each reply once', async () => {
		// 120 waiting replies take a poll 3 s to list and 3 × 3 s to read: longer than its 10 s period.
		const sent: Incoming[] = [];
		for (let i = 0; i < 120; i++) sent.push(await reply(`slow API ${i}`));
		example.sandbox.setFaults({ latencyMs: 3000 });
		try {
			const counts = await emissionsOf(POLLING_ID, sent, 120_000);
			expect(counts.filter((count) => count !== 1)).toEqual([]);
		} finally {
			example.sandbox.setFaults({});
		}
		// The webhook workflow took them too, each once (pushes, then its own polls).
		expect(await emissionsOf(REPLY_WEBHOOK_ID, sent)).toEqual(sent.map(() => 1));
	}, 300_000);

	/** Stops n8n (as started last), makes 100 replies over 60 s, starts it again; says when it was back. */
	async function restartWhile100RepliesArrive(label: string): Promise<{ sent: Incoming[]; back: number }> {
		const { port, userFolder } = example.server;
		await (restarted ?? example.server).stop();
		const started = Date.now();
		const sent: Incoming[] = [];
		for (let i = 0; i < 100; i++) {
			const wait = started + i * 600 - Date.now();
			if (wait > 0) await sleep(wait);
			sent.push(await reply(`while n8n was down (${label}) ${i}`));
		}
		await example.sandbox.callbacksIdle();
		restarted = await example.runtime.startN8n({ userFolder, port, log: () => undefined });
		return { sent, back: Date.now() };
	}

	test('polling mode: n8n stopped for 60 s while 100 replies arrive, then started: all 100 emitted once', async () => {
		// Two polling workflows: one whose polls have emitted before the stop (n8n saved its state
		// then), one activated just before and polled without emitting (saved only at activation).
		if (!collector.received.some((entry) => entry.workflowId === POLLING_ID)) {
			await example.runtime.activateWorkflow(example.session, POLLING_ID);
		}
		const before = await reply('before the stop');
		expect(await emissionsOf(POLLING_ID, [before])).toEqual([1]);
		await example.runtime.activateWorkflow(example.session, FRESH_POLLING_ID);
		await sleep(12_000);
		expect(collector.received.filter((entry) => entry.workflowId === FRESH_POLLING_ID)).toEqual([]);
		const { sent, back } = await restartWhile100RepliesArrive('polling');
		const fresh = await emissionsOf(FRESH_POLLING_ID, sent, 120_000);
		const polled = await emissionsOf(POLLING_ID, sent, 60_000);
		log(`restart: all ${sent.length} polled by both ${((Date.now() - back) / 1000 - 24).toFixed(1)} s after n8n was back at most`);
		expect({ fresh, polled }).toEqual({ fresh: sent.map(() => 1), polled: sent.map(() => 1) });
	}, 480_000);

	test('webhook mode: n8n stopped for 60 s while 100 replies arrive, then started: all 100 emitted once', async () => {
		const { sent, back } = await restartWhile100RepliesArrive('webhook');
		const counts = await emissionsOf(REPLY_WEBHOOK_ID, sent, 120_000);
		log(`restart: all ${sent.length} emitted ${((Date.now() - back) / 1000 - 12).toFixed(1)} s after n8n was back at most`);
		expect(counts).toEqual(sent.map(() => 1));
	}, 400_000);
});
