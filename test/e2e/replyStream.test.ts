/**
 * A sustained stream of replies into the OVHcloud SMS Trigger's webhook: 50 a second for 20 s,
 * pushed by the sandbox as OVHcloud pushes them (one form POST per reply, no retry), into a
 * real n8n with its default settings (no N8N_EXPRESSION_ENGINE override). Every reply must be
 * emitted exactly once, in however many executions: none lost, none doubled, counted on the
 * sandbox's side (replies stored, pushes made) and on n8n's (what the workflow itself posted
 * to a collector, one post per emitted item, and the executions recorded).
 *
 * n8n 2.41's default expression engine costs a webhook call to a community trigger two V8
 * isolates (docs/development.md, "Replies at volume"): n8n cannot take 50 pushes a second, and most pushes
 * are cut off by the caller's 5 s wait. The trigger's poll (every 10 s here) reconciles with
 * the API and emits what no push brought, so the stream is complete within the bound below.
 */
import type { Incoming } from '../../sandbox';
import { eventually } from './support/eventually';
import {
	describeWhenRegistered,
	INSTALL_AND_START_TIMEOUT_MS,
	packNotBuiltReason,
	startExampleServer,
	type ExampleServer,
} from './support/exampleServer';
import { countExecutions, waitForTriggerRegistration } from './support/executions';
import { startReplyCollector, type ReplyCollector } from './support/replyCollector';
import { EVERY_TEN_SECONDS, REPLY_TRIGGER_NAME, REPLY_WEBHOOK_ID, REPLY_WEBHOOK_PATH, replyWebhookWorkflow } from './support/testWorkflows';

const notBuilt = packNotBuiltReason();
if (notBuilt) process.stderr.write(`\n[e2e] SKIPPED the reply stream test: ${notBuilt}.\n\n`);
const describeWhenBuilt = notBuilt ? describe.skip : describeWhenRegistered('n8n-nodes-ovh-sms.ovhSmsTrigger');

const PER_SECOND = 50;
const SECONDS = 20;
const TOTAL = PER_SECOND * SECONDS;
/** Every reply is emitted within this after the stream ends (docs/reliability.md states the measured figure). */
const BOUND_AFTER_STREAM_MS = 300_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);

describeWhenBuilt('a sustained stream of replies into the trigger webhook', () => {
	let example: ExampleServer;
	let collector: ReplyCollector;

	beforeAll(async () => {
		collector = await startReplyCollector();
		example = await startExampleServer({
			includeExamples: false,
			workflows: [replyWebhookWorkflow(collector.url, { pollTimes: EVERY_TEN_SECONDS })],
			publish: [REPLY_WEBHOOK_ID],
		});
		await example.runtime.waitForWebhook(example.webhookUrl(REPLY_WEBHOOK_PATH));
		await waitForTriggerRegistration(example.session, REPLY_WEBHOOK_ID, REPLY_TRIGGER_NAME);
	}, INSTALL_AND_START_TIMEOUT_MS);

	afterAll(async () => {
		const clean = await example?.stop();
		await collector?.close();
		expect(clean ?? true).toBe(true);
	}, 60_000);

	test(`${PER_SECOND} replies a second for ${SECONDS} s: each one emitted exactly once`, async () => {
		const started = Date.now();
		const injected: Array<Promise<Incoming>> = [];
		for (let i = 0; i < TOTAL; i++) {
			const wait = started + (i * 1000) / PER_SECOND - Date.now();
			if (wait > 0) await sleep(wait);
			injected.push(example.sandbox.injectIncoming({ sender: `+336140${String(i).padStart(5, '0')}`, message: `stream ${i}` }));
		}
		const injectSeconds = (Date.now() - started) / 1000;
		const replies = await Promise.all(injected);
		const ids = new Set(replies.map((reply) => reply.id));
		expect(ids.size).toBe(TOTAL);
		const streamEnded = Date.now();

		// n8n's side: what the workflow did (one post per emitted item).
		const reached = () => collector.received.filter((entry) => ids.has(Number(entry.id)));
		const distinct = () => new Set(reached().map((entry) => Number(entry.id))).size;
		await eventually(() => (distinct() >= TOTAL ? true : undefined), {
			timeoutMs: BOUND_AFTER_STREAM_MS,
			intervalMs: 500,
			describe: () => `${distinct()} of ${TOTAL} replies reached the end of the workflow`,
		});
		const completeSeconds = (Date.now() - streamEnded) / 1000;
		await eventually(async () => ((await countExecutions(example.session, REPLY_WEBHOOK_ID, 'running')) === 0 ? true : undefined), {
			timeoutMs: 120_000,
		});
		await sleep(12_000); // the next reconciling poll, where a late duplicate would land
		const reachedIds = reached().map((entry) => Number(entry.id));
		expect(new Set(reachedIds).size).toBe(TOTAL);
		expect(reachedIds.length).toBe(TOTAL);
		const executions = await countExecutions(example.session, REPLY_WEBHOOK_ID, 'success');
		expect(executions).toBeLessThanOrEqual(TOTAL);
		expect(await countExecutions(example.session, REPLY_WEBHOOK_ID, 'error')).toBe(0);

		// The sandbox's side: one push per reply, whatever n8n answered.
		await example.sandbox.callbacksIdle();
		const pushes = example.sandbox.callbacks
			.filter((callback) => callback.kind === 'incomingCgi')
			.map((callback) => ({ id: Number(new URLSearchParams(callback.body ?? '').get('id')), status: callback.status }))
			.filter((push) => ids.has(push.id));
		expect(new Set(pushes.map((push) => push.id)).size).toBe(TOTAL);
		const byPush = reached().filter((entry) => entry.source === 'webhook').length;
		log(
			`reply stream: ${TOTAL} replies pushed in ${injectSeconds.toFixed(1)} s; all ${TOTAL} emitted once, complete ` +
				`${completeSeconds.toFixed(1)} s after the stream ended, in ${executions} executions; ${byPush} by their push, ` +
				`${TOTAL - byPush} by the reconciling poll; ${pushes.filter((push) => push.status === 200).length} pushes answered 200 within the sandbox's 5 s wait`,
		);
	}, 420_000);
});
