/**
 * The example workflows and the OVHcloud SMS Trigger on one real n8n 2.x server (Node 24, the
 * pack installed as a community package, n8n's default settings), against the sandbox: what
 * users do once `npm start` has imported the examples — call a webhook, run a workflow from
 * the command line, reply to an SMS, reply STOP, wait for delivery, look numbers up.
 */
import { FRENCH_COMMERCIAL_HOURS, formatInZone, placeInWindow } from '../../lib/sendWindow';
import type { Incoming } from '../../sandbox';
import { eventually } from './support/eventually';
import {
	describeWhenRegistered,
	INSTALL_AND_START_TIMEOUT_MS,
	packNotBuiltReason,
	registeredNodeTypes,
	startExampleServer,
	type ExampleServer,
} from './support/exampleServer';
import { countExecutions, finishedExecutions, outputOf, waitForTriggerRegistration } from './support/executions';
import { startReplyCollector, type ReplyCollector } from './support/replyCollector';
import {
	REPLY_POLLING_ID,
	REPLY_TRIGGER_NAME,
	REPLY_WEBHOOK_ID,
	REPLY_WEBHOOK_PATH,
	replyPollingWorkflow,
	replyWebhookWorkflow,
} from './support/testWorkflows';

const notBuilt = packNotBuiltReason();
if (notBuilt) process.stderr.write(`\n[e2e] SKIPPED the workflow tests: ${notBuilt}.\n\n`);
const describeWhenBuilt = notBuilt ? describe.skip : describe;

jest.setTimeout(180_000);

const SMS = 'n8n-nodes-ovh-sms.ovhSms';
const TRIGGER = 'n8n-nodes-ovh-sms.ovhSmsTrigger';
const SENDER = 'n8n-nodes-ovh-sms.ovhSmsSender';
const ADDRESS_BOOK = 'n8n-nodes-ovh-sms.ovhSmsAddressBook';
const hasTrigger = registeredNodeTypes().includes(TRIGGER);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWhenBuilt('the example workflows and the trigger on a real n8n server', () => {
	let example: ExampleServer;
	let collector: ReplyCollector;

	const account = () => example.sandbox.state.accounts[example.sandbox.serviceName];
	const executionsOf = (workflowId: string) => finishedExecutions(example, workflowId);

	beforeAll(async () => {
		collector = await startReplyCollector();
		example = await startExampleServer({
			sandbox: { deliveryDelayMs: 50, senderValidationDelayMs: 1000 },
			workflows: hasTrigger ? [replyWebhookWorkflow(collector.url), replyPollingWorkflow()] : [],
			publish: hasTrigger ? [REPLY_WEBHOOK_ID] : [],
		});
	}, INSTALL_AND_START_TIMEOUT_MS);

	afterAll(async () => {
		const clean = await example?.stop();
		await collector?.close();
		expect(clean ?? true).toBe(true);
	}, 60_000);

	describeWhenRegistered(SMS)('the one-time code example (Webhook → OVHcloud SMS → Respond to Webhook)', () => {
		const callWebhook = async (body: unknown) => {
			const url = example.webhookUrl('one-time-code');
			await example.runtime.waitForWebhook(url);
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			return { status: response.status, body: (await response.json()) as Record<string, any> };
		};

		test('a call answers with the send result, and the sandbox holds the SMS with the code', async () => {
			const { status, body } = await callWebhook({ phone: '+33612345678' });
			expect(status).toBe(200);
			expect(body).toMatchObject({ status: 'sent', to: ['+33612345678'], invalid: [], creditsRemoved: 1 });
			expect(body.code).toMatch(/^\d{6}$/);
			expect(body.smsIds).toHaveLength(1);
			expect(account().outgoing[body.smsIds[0]]).toMatchObject({
				receiver: '+33612345678',
				sender: 'MyCompany',
				// "Not commercial": no STOP line appended.
				message: `Your MyShop code is ${body.code}. It expires in 10 minutes.`,
			});
		});

		test('a number that cannot receive an SMS gets a 400 with the reason, through the error output', async () => {
			const { status, body } = await callWebhook({ phone: '12345' });
			expect(status).toBe(400);
			expect(body).toEqual({
				status: 'not sent',
				error: 'No valid phone number in "Phone Numbers": "12345" wrong length for France: 5 digits after +33, expected 9',
				reason: null,
			});
		});

		test("a failing send answers 502 with OVHcloud's own message", async () => {
			example.sandbox.expireCredentials();
			try {
				const { status, body } = await callWebhook({ phone: '+33612345678' });
				expect(status).toBe(502);
				expect(`${body.error} ${body.reason}`).toContain('This credential is not valid');
			} finally {
				example.sandbox.expireCredentials(false);
			}
		});
	});

	describeWhenRegistered(SMS)('the CSV campaign example', () => {
		test('`n8n execute` estimates first, then sends to exactly the numbers the estimate accepted', async () => {
			const creditsBefore = account().creditsLeft;
			const run = await example.runtime.executeWorkflow('exampleCampaign1', example.cli);
			expect(run.status).toBe('success');

			const [estimate] = outputOf(run, 'Estimate first (dry run)');
			expect(estimate).toMatchObject({
				status: 'dryRun',
				validReceivers: ['+33611000001', '+33611000002', '+33611000003'],
				receiverCount: 3,
				estimatedCredits: 3,
				account: { fits: true, creditsLeft: creditsBefore },
			});
			// The typo's row (line 6 of the file) is reported, and the repeated number is sent once.
			expect(estimate.invalidReceivers).toEqual([expect.objectContaining({ receiver: '12345', line: 6 })]);
			expect(estimate.duplicateReceivers).toEqual(['+33611000001']);

			const [sent] = outputOf(run, 'Send the campaign');
			expect(sent).toMatchObject({ status: 'sent', validReceivers: ['+33611000001', '+33611000002', '+33611000003'], creditsRemoved: 3 });
			expect(account().creditsLeft).toBe(creditsBefore - 3);
			for (const id of sent.ids as number[]) {
				expect(account().outgoing[id].message).toMatch(/^MyShop spring sale: 20% off everything until Sunday\. See you soon!\nSTOP/);
			}
		});
	});

	describeWhenRegistered(SMS)('the send window example', () => {
		test("`n8n execute`: the promotion goes at the window's next opening, held by OVHcloud; the code goes at once", async () => {
			const expected = placeInWindow(Date.now(), FRENCH_COMMERCIAL_HOURS);
			const run = await example.runtime.executeWorkflow('exampleSendWindw', example.cli);
			expect(run.status).toBe('success');

			const [code] = outputOf(run, 'Delivery code (not commercial)');
			expect(code).toMatchObject({ status: 'sent', sendWindow: 'notApplied', validReceivers: ['+33611000061'] });
			expect(account().outgoing[code.ids[0]]).toMatchObject({ message: 'Your MyShop delivery code is 4821.' });

			const [promotion] = outputOf(run, 'Promotion, within French commercial hours');
			const [id] = promotion.ids as number[];
			if (expected.closedBecause) {
				// OVHcloud's delay is in whole minutes: the SMS goes within the minute after the opening.
				expect(promotion).toMatchObject({ status: 'scheduled', sendWindow: 'deferred' });
				const opening = formatInZone(expected.atMs, 'Europe/Paris');
				expect(`${promotion.sendsAt.slice(0, 16)}${promotion.sendsAt.slice(19)}`).toBe(`${opening.slice(0, 16)}${opening.slice(19)}`);
				expect(account().jobs[id]).toMatchObject({ receiver: '+33611000061', differedDelivery: expect.any(Number) });
				expect(Math.abs(Date.parse(promotion.sendsAt) - expected.atMs)).toBeLessThan(60_000);
			} else {
				expect(promotion).toMatchObject({ status: 'sent', sendWindow: 'inWindow' });
				expect(account().outgoing[id]).toBeDefined();
			}
		});
	});

	describeWhenRegistered(TRIGGER)('the OVHcloud SMS Trigger', () => {
		const replyWebhookUrl = () => example.webhookUrl(REPLY_WEBHOOK_PATH);

		test('in webhook mode, publishing points the account reply URL at the workflow, with a secret token', async () => {
			await example.runtime.waitForWebhook(replyWebhookUrl());
			await waitForTriggerRegistration(example.session, REPLY_WEBHOOK_ID, REPLY_TRIGGER_NAME);
			const cgiUrl = account().smsResponse.cgiUrl ?? '';
			expect(account().smsResponse.responseType).toBe('cgi');
			expect(cgiUrl.startsWith(`${replyWebhookUrl()}?`)).toBe(true);
			expect(new URL(cgiUrl).searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{16,}$/);
		});

		test('in webhook mode, a reply the sandbox pushes starts an execution that shows it', async () => {
			const reply = await example.sandbox.injectIncoming({ sender: '+33612345678', message: 'YES see you tomorrow' });
			const execution = await eventually(
				async () => (await executionsOf(REPLY_WEBHOOK_ID)).find((run) => outputOf(run, REPLY_TRIGGER_NAME)[0]?.id === reply.id),
				{ describe: () => `no execution of ${REPLY_WEBHOOK_ID} shows reply ${reply.id}` },
			);
			expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
			expect(outputOf(execution, REPLY_TRIGGER_NAME)).toEqual([
				expect.objectContaining({
					event: 'smsReceived',
					id: reply.id,
					sender: '+33612345678',
					message: 'YES see you tomorrow',
					keyword: 'YES',
					serviceName: 'sms-sb00001-1',
					source: 'webhook',
					verified: true,
				}),
			]);
			expect(collector.received).toContainEqual(expect.objectContaining({ id: reply.id, message: 'YES see you tomorrow' }));
		});

		test('a call without the secret token is refused and starts nothing', async () => {
			const before = await countExecutions(example.session, REPLY_WEBHOOK_ID);
			const forged = await fetch(replyWebhookUrl(), {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ id: '1', message: 'forged', senderid: '+33600000000' }).toString(),
			});
			expect(forged.status).toBe(401);
			await sleep(1000);
			expect(await countExecutions(example.session, REPLY_WEBHOOK_ID)).toBe(before);
		});

		test('in polling mode, each reply is emitted once, by the first poll after it arrived', async () => {
			const listings = () =>
				example.sandbox.requests.filter(
					(request) => request.method === 'GET' && request.path === `/1.0/sms/${example.sandbox.serviceName}/incoming`,
				).length;
			const polledIds = async () =>
				(await executionsOf(REPLY_POLLING_ID)).flatMap((run) => outputOf(run, REPLY_TRIGGER_NAME).map((item) => item.id));
			const inject = (texts: string[]) =>
				Promise.all(texts.map((text, i) => example.sandbox.injectIncoming({ sender: `+3361300000${i}`, message: text })));

			const before = listings();
			await example.runtime.activateWorkflow(example.session, REPLY_POLLING_ID);
			// Activation polls once, to learn what already exists: only later replies are news.
			await eventually(() => (listings() > before ? true : undefined), { describe: () => 'activation did not poll' });

			const first = await inject(['poll one', 'poll two', 'poll three']);
			const emittedFirst = await eventually(async () => ((await polledIds()).length >= 3 ? await polledIds() : undefined), {
				timeoutMs: 60_000,
				describe: () => 'the first three replies were not emitted',
			});
			const second = await inject(['poll four', 'poll five']);
			await eventually(async () => ((await polledIds()).length >= 5 ? true : undefined), {
				timeoutMs: 60_000,
				describe: () => 'the next two replies were not emitted',
			});
			// Two more polls with nothing new must emit nothing.
			const seen = listings();
			await eventually(() => (listings() >= seen + 2 ? true : undefined), { timeoutMs: 60_000 });
			await example.runtime.deactivateWorkflow(example.session, REPLY_POLLING_ID);
			await sleep(1000);

			const ids = (replies: Incoming[]) => replies.map((reply) => reply.id).sort();
			expect([...emittedFirst].sort()).toEqual(ids(first));
			expect((await polledIds()).sort()).toEqual(ids([...first, ...second]));
			const runs = await executionsOf(REPLY_POLLING_ID);
			expect(runs.map((run) => [run.status, run.mode])).toEqual(runs.map(() => ['success', 'trigger']));
			expect(outputOf(runs[0], REPLY_TRIGGER_NAME)[0]).toMatchObject({ event: 'smsReceived', source: 'poll', verified: true });
		});
	});

	describeWhenRegistered(SMS)('the personalised reminder example', () => {
		test('`n8n execute` sends each customer their own reminder, a national number of Réunion read as one', async () => {
			const run = await example.runtime.executeWorkflow('exampleReminders', example.cli);
			expect(run.status).toBe('success');
			const sent = outputOf(run, 'Send reminder');
			expect(sent.map((item) => [item.status, item.validReceivers])).toEqual([
				['sent', ['+33612345678']],
				['sent', ['+33698765432']],
				['sent', ['+262692123456']],
			]);
			expect(outputOf(run, 'Sent?')).toHaveLength(3);
			const [, , chloe] = sent;
			expect(account().outgoing[(chloe.ids as number[])[0]].message).toBe(
				'Hello Chloé, see you tomorrow at 14:15. Reply is not possible, call 01 23 45 67 89 to move it.',
			);
		});
	});

	describeWhenRegistered(ADDRESS_BOOK)('the nightly CRM import example', () => {
		test('`n8n execute` imports the CRM rows with their own column names and reports the bad one', async () => {
			const book = () => Object.values(account().phonebooks)[0];
			const run = await example.runtime.executeWorkflow('exampleCrmImport', example.cli);
			expect(run.status).toBe('success');
			const [imported] = outputOf(run, 'Import into Customers');
			expect(imported).toMatchObject({ rows: 3, created: 2, rejected: 1 });
			expect(imported.rejectedRows).toEqual([expect.objectContaining({ line: 4 })]);
			expect(outputOf(run, 'Any rejected rows?')).toHaveLength(1);
			expect(Object.values(book().contacts)).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ name: 'Durand', surname: 'Emma', homeMobile: '+33611000021', group: 'VIP' }),
					expect.objectContaining({ name: 'Petit', surname: 'Hugo', homeMobile: '+33611000022', group: 'Prospects' }),
				]),
			);
		});
	});

	describeWhenRegistered(TRIGGER, ADDRESS_BOOK)('the STOP example', () => {
		test('a STOP reply moves the contact to "Opted out", and the execution shows the number', async () => {
			const contactId = 5000001; // Alice Martin, +33611000001, in the seeded address book "Customers"
			const book = () => Object.values(account().phonebooks)[0];
			expect(book().contacts[contactId]).toMatchObject({ homeMobile: '+33611000001', group: 'VIP' });
			await waitForTriggerRegistration(example.session, 'exampleStopReply', 'When a recipient sends STOP');

			await example.sandbox.injectIncoming({ sender: '+33611000001', message: 'STOP' });
			const execution = await eventually(async () => (await executionsOf('exampleStopReply'))[0], {
				describe: () => 'the STOP example did not run',
			});
			expect(execution.status).toBe('success');
			expect(outputOf(execution, 'When a recipient sends STOP')).toEqual([
				expect.objectContaining({ event: 'stopReceived', number: '+33611000001', source: 'webhook', verified: true }),
			]);
			expect(outputOf(execution, 'Move to "Opted out"')).toEqual([expect.objectContaining({ id: contactId, group: 'Opted out' })]);
			expect(book().contacts[contactId].group).toBe('Opted out');
			expect(account().blacklists['+33611000001']).toBeDefined();
		});
	});

	describeWhenRegistered(SMS)('the wait-for-delivery example', () => {
		test('`n8n execute` sends, waits for the final states, and routes the failed receivers with their reason', async () => {
			const run = await example.runtime.executeWorkflow('exampleDelivWait', example.cli);
			expect(run.status).toBe('success');
			const [sent] = outputOf(run, 'Send and wait for delivery');
			expect(sent).toMatchObject({ status: 'sent', delivery: { finished: true, delivered: 1, failed: 2, pending: 0 } });
			expect(outputOf(run, 'Delivered')).toEqual([{ receiver: '+33612345678' }]);
			expect(outputOf(run, 'Not delivered: call them')).toEqual([
				{ receiver: '+33611110000', status: 'failed', reason: 'Invalid, barred or blacklisted number (do not retry)', retryLater: false },
				{
					receiver: '+33611110001',
					status: 'failed',
					reason: 'The subscriber is absent (handset off or out of coverage)',
					retryLater: true,
				},
			]);
		});
	});

	describeWhenRegistered(SMS)('the number lookup example', () => {
		test('`n8n execute` counts the lookups first, then bills each valid number once and keeps those that can receive an SMS', async () => {
			const creditsBefore = account().creditsLeft;
			const run = await example.runtime.executeWorkflow('exampleNumLookup', example.cli);
			expect(run.status).toBe('success');
			expect(outputOf(run, 'Count them first (dry run)')).toEqual([
				expect.objectContaining({ status: 'dryRun', lookups: 4, account: { creditsLeft: creditsBefore, fits: true } }),
			]);
			expect(outputOf(run, 'Keep')).toEqual([
				{ number: '+33612345678', operator: 'Orange France', ported: false },
				{ number: '+33611110007', operator: 'SFR', ported: true },
			]);
			expect(outputOf(run, 'Drop')).toEqual([
				{ number: '+33611110000', status: 'done', valid: false, reachable: false },
				{ number: '+33611110001', status: 'done', valid: true, reachable: false },
			]);
			expect(account().creditsLeft).toBeCloseTo(creditsBefore - 0.4, 5);
		});
	});

	describeWhenRegistered(SENDER)('the sender request example', () => {
		test('`n8n execute` requests the sender and waits until the sandbox enables it', async () => {
			const run = await example.runtime.executeWorkflow('exampleSenderReq', example.cli);
			expect(run.status).toBe('success');
			expect(outputOf(run, 'Ready to send')).toEqual([{ sender: 'MyShop', summary: 'MyShop is enabled and can send SMS' }]);
			expect(account().senders.MyShop).toMatchObject({ status: 'enable', description: 'Order notifications' });
		});
	});
});
