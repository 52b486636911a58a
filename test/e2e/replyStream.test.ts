/**
 * A sustained stream of replies into the OVHcloud SMS Trigger's webhook: 50 a second for 20 s,
 * pushed by the sandbox as OVHcloud pushes them (one form POST per reply, no retry), into a
 * real n8n. Every reply must start exactly one execution: none lost, none doubled, counted on
 * the sandbox's side (pushes made and how n8n answered) and on n8n's (executions recorded, and
 * what the workflow itself posted to a collector).
 *
 * This server runs n8n's "legacy" expression engine. n8n 2.41's default ("vm") gives every
 * execution a fresh V8 isolate, and one more to the webhook phase of any trigger that is not
 * n8n's own Webhook node: about 0.5 s of CPU per reply on a 2-core machine, a ceiling near 3
 * replies a second, under which most of this stream is cut off unread by the caller's
 * timeout. the README (section "Try it in n8n") has the figures and the setting for high-volume deployments.
 */
import type { Incoming } from '../../sandbox';
import { eventually } from './support/eventually';
import { describeWhenRegistered, INSTALL_AND_START_TIMEOUT_MS, packNotBuiltReason, startExampleServer, type ExampleServer } from './support/exampleServer';
import { countExecutions, waitForTriggerRegistration } from './support/executions';
import { startReplyCollector, type ReplyCollector } from './support/replyCollector';
import { REPLY_TRIGGER_NAME, REPLY_WEBHOOK_ID, REPLY_WEBHOOK_PATH, replyWebhookWorkflow } from './support/testWorkflows';

const notBuilt = packNotBuiltReason();
if (notBuilt) process.stderr.write(`\n[e2e] SKIPPED the reply stream test: ${notBuilt}.\n\n`);
const describeWhenBuilt = notBuilt ? describe.skip : describeWhenRegistered('n8n-nodes-ovh-sms.ovhSmsTrigger');

const PER_SECOND = 50;
const SECONDS = 20;
const TOTAL = PER_SECOND * SECONDS;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);

describeWhenBuilt('a sustained stream of replies into the trigger webhook', () => {
  let example: ExampleServer;
  let collector: ReplyCollector;

  beforeAll(async () => {
    collector = await startReplyCollector();
    example = await startExampleServer({
      includeExamples: false,
      workflows: [replyWebhookWorkflow(collector.url)],
      publish: [REPLY_WEBHOOK_ID],
      env: { N8N_EXPRESSION_ENGINE: 'legacy' },
    });
    await example.runtime.waitForWebhook(example.webhookUrl(REPLY_WEBHOOK_PATH));
    await waitForTriggerRegistration(example.session, REPLY_WEBHOOK_ID, REPLY_TRIGGER_NAME);
  }, INSTALL_AND_START_TIMEOUT_MS);

  afterAll(async () => {
    const clean = await example?.stop();
    await collector?.close();
    expect(clean ?? true).toBe(true);
  }, 60_000);

  test(`${PER_SECOND} replies a second for ${SECONDS} s: each one starts exactly one execution`, async () => {
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

    // n8n's side: what the workflow did (one post per execution) and what n8n recorded.
    const reached = () => collector.received.filter((entry) => ids.has(Number(entry.id)));
    await eventually(() => (reached().length >= TOTAL ? true : undefined), {
      timeoutMs: 240_000,
      intervalMs: 500,
      describe: () => `${reached().length} of ${TOTAL} replies reached the end of the workflow`,
    });
    const drainedSeconds = (Date.now() - started) / 1000;
    await eventually(async () => ((await countExecutions(example.session, REPLY_WEBHOOK_ID, 'success')) >= TOTAL ? true : undefined), {
      timeoutMs: 60_000,
    });
    await sleep(3000); // a late duplicate would land here
    const reachedIds = reached().map((entry) => Number(entry.id));
    expect(reachedIds.length).toBe(TOTAL);
    expect(new Set(reachedIds).size).toBe(TOTAL);
    expect(await countExecutions(example.session, REPLY_WEBHOOK_ID, 'success')).toBe(TOTAL);
    expect(await countExecutions(example.session, REPLY_WEBHOOK_ID)).toBe(TOTAL);

    // The sandbox's side: one push per reply, and none refused. A push whose answer came after
    // the sandbox's 5 s wait still counts when n8n ran it (above): the request had been read.
    const pushes = example.sandbox.callbacks
      .filter((callback) => callback.kind === 'incomingCgi')
      .map((callback) => ({ id: Number(new URLSearchParams(callback.body ?? '').get('id')), status: callback.status, error: callback.error }))
      .filter((push) => ids.has(push.id));
    expect(pushes.length).toBe(TOTAL);
    expect(new Set(pushes.map((push) => push.id)).size).toBe(TOTAL);
    expect(pushes.filter((push) => push.status !== undefined && push.status !== 200)).toEqual([]);
    const answeredInTime = pushes.filter((push) => push.status === 200).length;
    log(
      `reply stream: ${TOTAL} replies pushed in ${injectSeconds.toFixed(1)} s; all ${TOTAL} executed once, ` +
        `the last ${drainedSeconds.toFixed(1)} s after the first push; ${answeredInTime} answered within the sandbox's 5 s wait`,
    );
  }, 420_000);
});
