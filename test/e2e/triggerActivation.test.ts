/**
 * The moment a webhook-mode OVHcloud SMS Trigger is published: n8n already routes its webhook,
 * and the trigger has already pointed the account's reply URL at it, before n8n saves the
 * workflow's static data (where the trigger keeps its secret token). OVHcloud pushes a reply
 * once and never again, so a reply that lands in that window must be taken, not refused.
 */
import { eventually } from './support/eventually';
import { describeWhenRegistered, INSTALL_AND_START_TIMEOUT_MS, startExampleServer, type ExampleServer } from './support/exampleServer';
import { finishedExecutions, outputOf, waitForTriggerRegistration } from './support/executions';
import { startReplyCollector, type ReplyCollector } from './support/replyCollector';
import { REPLY_TRIGGER_NAME, REPLY_WEBHOOK_ID, REPLY_WEBHOOK_PATH, replyWebhookWorkflow } from './support/testWorkflows';

describeWhenRegistered('n8n-nodes-ovh-sms.ovhSmsTrigger')('a reply pushed the moment the trigger is published', () => {
	let example: ExampleServer;
	let collector: ReplyCollector;

	beforeAll(async () => {
		collector = await startReplyCollector();
		example = await startExampleServer({ includeExamples: false, workflows: [replyWebhookWorkflow(collector.url)] });
	}, INSTALL_AND_START_TIMEOUT_MS);

	afterAll(async () => {
		const clean = await example?.stop();
		await collector?.close();
		expect(clean ?? true).toBe(true);
	}, 60_000);

	const account = () => example.sandbox.state.accounts[example.sandbox.serviceName];
	const pointsAtUs = () => (account().smsResponse.cgiUrl ?? '').startsWith(`${example.webhookUrl(REPLY_WEBHOOK_PATH)}?`);

	test.each([1, 2, 3, 4, 5, 6])(
		'publication %i: the first reply, pushed as soon as the account points at n8n, starts one execution',
		async (round) => {
			const activation = example.runtime.activateWorkflow(example.session, REPLY_WEBHOOK_ID);
			// Pushed the instant OVHcloud would push it: as soon as the reply URL is ours.
			await eventually(() => (pointsAtUs() ? true : undefined), {
				intervalMs: 2,
				describe: () => 'the account never pointed at the webhook',
			});
			const reply = await example.sandbox.injectIncoming({ sender: '+33615000001', message: `YES first reply ${round}` });
			await activation;

			await example.sandbox.callbacksIdle();
			const push = example.sandbox.callbacks.find(
				(callback) => callback.kind === 'incomingCgi' && new URLSearchParams(callback.body ?? '').get('id') === String(reply.id),
			);
			// Taken, not refused: either this push started the execution ("OK"), or the catch-up read of
			// /incoming that publication runs got there first ("OK (already received)"). Both are one execution.
			expect({ status: push?.status, answer: push?.answer }).toEqual({
				status: 200,
				answer: expect.stringMatching(/^OK( \(already received\))?$/),
			});
			await eventually(() => (collector.received.some((entry) => Number(entry.id) === reply.id) ? true : undefined), {
				describe: () => `reply ${reply.id} never reached the end of the workflow`,
			});
			const executions = await finishedExecutions(example, REPLY_WEBHOOK_ID);
			expect(executions.filter((run) => outputOf(run, REPLY_TRIGGER_NAME)[0]?.id === reply.id)).toHaveLength(1);

			// Once settled, the token is saved and later replies pass the usual way.
			await waitForTriggerRegistration(example.session, REPLY_WEBHOOK_ID, REPLY_TRIGGER_NAME);
			// n8n answers the deactivation before it has run the trigger's delete hook.
			await example.runtime.deactivateWorkflow(example.session, REPLY_WEBHOOK_ID);
			await eventually(() => (account().smsResponse.cgiUrl ? undefined : true), {
				describe: () => `deactivation left the reply URL at ${account().smsResponse.cgiUrl}`,
			});
			// ...and removes the routes after that hook: each round starts from an unpublished workflow.
			await eventually(
				async () => ((await fetch(example.webhookUrl(REPLY_WEBHOOK_PATH), { method: 'POST' })).status === 404 ? true : undefined),
				{
					describe: () => 'n8n still routes the webhook after deactivation',
				},
			);
		},
		120_000,
	);
});
