// The trigger in webhook mode, on n8n's HookContext and WebhookContext behind a loopback
// server, with the sandbox calling the URLs the node registered, as OVHcloud would.
import type { IDataObject } from 'n8n-workflow';
import { DEFAULT_RETRY_POLICY } from '../../../lib/ovh/retry';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { TriggerHarness } from '../../support/n8nTrigger';
import { account, apiCredentials, sandboxClient, sendSms } from './support';

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
		parameters: { serviceName: account(sandbox), mode: 'webhook', ...parameters },
		credentials: apiCredentials(sandbox),
		staticData,
	});
	harnesses.push(harness);
	return harness;
}

const state = () => sandbox.state.accounts[sandbox.serviceName];
const updateAccount = (body: IDataObject) => sandboxClient(sandbox).put(`/sms/${sandbox.serviceName}`, body);
const events = (harness: TriggerHarness) => harness.executions.map((items) => items[0].json);

/** The token the node put in the URL it registered at OVHcloud. */
function registeredToken(url: string | null): string {
	return new URL(url!).searchParams.get('token')!;
}

async function call(
	url: string,
	init: { method?: string; form?: Record<string, string>; body?: string; headers?: Record<string, string> } = {},
) {
	const response = await fetch(url, {
		method: init.method ?? (init.form || init.body !== undefined ? 'POST' : 'GET'),
		headers: init.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : init.headers,
		body: init.form ? new URLSearchParams(init.form).toString() : init.body,
	});
	return { status: response.status, text: await response.text() };
}

describe('registration', () => {
	test('the account is pointed at n8n only once both methods are routed (n8n routes a webhook, then runs its hooks)', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		const routedAtPut: string[][] = [];
		const runHook = (harness as any).runHook.bind(harness);
		jest.spyOn(harness as any, 'runHook').mockImplementation(async (...args: any[]) => {
			const before = sandbox.requests.filter((r) => r.method === 'PUT').length;
			const result = await runHook(...args);
			if (sandbox.requests.filter((r) => r.method === 'PUT').length > before) routedAtPut.push(harness.routedMethods().sort());
			return result;
		});
		await harness.activate();
		expect(routedAtPut).toEqual([['GET', 'POST']]);
		// A reply pushed the moment the URL changed would land on a route: both answer with the token.
		const url = state().smsResponse.cgiUrl!;
		expect((await call(url, { method: 'GET' })).status).not.toBe(404);
	});

	test('activation points the reply URL at the webhook with a secret token; deactivation puts the previous setting back', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.activate();
		const registered = state().smsResponse;
		expect(registered.responseType).toBe('cgi');
		expect(registered.cgiUrl!.startsWith(`${harness.productionWebhookUrl}?token=`)).toBe(true);
		expect(registeredToken(registered.cgiUrl)).toMatch(/^[A-Za-z0-9_-]{43}$/);

		// n8n calls create once per webhook method; the second finds the URL in place.
		sandbox.clearRequests();
		await harness.activate('init');
		expect(sandbox.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);

		await harness.deactivate();
		expect(state().smsResponse).toMatchObject({ responseType: 'none', cgiUrl: null });
	});

	test('a URL that belongs to something else is refused, naming its host, unless told to replace it', async () => {
		await updateAccount({ smsResponse: { responseType: 'cgi', cgiUrl: 'http://127.0.0.1:9/crm/sms-replies?key=crm-secret' } });
		const refused = await trigger({ event: 'smsReceived' });
		const error = await refused.activate().catch((e: Error & { description?: string }) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/already points to 127\.0\.0\.1:9/);
		expect((error as Error).message).not.toMatch(/crm-secret/);
		expect(state().smsResponse.cgiUrl).toBe('http://127.0.0.1:9/crm/sms-replies?key=crm-secret');

		const replacing = await trigger({ event: 'smsReceived', options: { replaceExistingUrl: true } });
		await replacing.activate();
		expect(state().smsResponse.cgiUrl!.startsWith(replacing.productionWebhookUrl)).toBe(true);
		await replacing.deactivate();
		expect(state().smsResponse).toMatchObject({ responseType: 'cgi', cgiUrl: 'http://127.0.0.1:9/crm/sms-replies?key=crm-secret' });
	});

	test('an automatic text answer counts as taken, and comes back after deactivation', async () => {
		await updateAccount({ smsResponse: { responseType: 'text', text: 'Thanks, we will call you back' } });
		await expect((await trigger({ event: 'smsReceived' })).activate()).rejects.toThrow(/answers replies automatically/);
		const harness = await trigger({ event: 'smsReceived', options: { replaceExistingUrl: true } });
		await harness.activate();
		await harness.deactivate();
		expect(state().smsResponse).toMatchObject({ responseType: 'text', text: 'Thanks, we will call you back' });
	});

	test('delivery-report and STOP URLs are taken and given back the same way', async () => {
		await updateAccount({ callBack: 'http://127.0.0.1:9/dlr' });
		const reports = await trigger({ event: 'deliveryReport', options: { replaceExistingUrl: true } });
		const stops = await trigger({ event: 'stopReceived' });
		await reports.activate();
		await stops.activate();
		expect(state().callBack!.startsWith(reports.productionWebhookUrl)).toBe(true);
		expect(state().stopCallBack!.startsWith(stops.productionWebhookUrl)).toBe(true);
		await reports.deactivate();
		await stops.deactivate();
		expect(state().callBack).toBe('http://127.0.0.1:9/dlr');
		expect(state().stopCallBack).toBeNull();
	});

	test('"Listen for test event" borrows the production URL and gives it back after the event', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.activate();
		const production = state().smsResponse.cgiUrl;
		await harness.listenForTestEvent();
		expect(state().smsResponse.cgiUrl!.startsWith(`${harness.baseUrl}/webhook-test/`)).toBe(true);
		await sandbox.injectIncoming({ sender: '+33611111111', message: 'test event' });
		await harness.waitForExecutions(1);
		expect(state().smsResponse.cgiUrl).toBe(production);
		await sandbox.injectIncoming({ sender: '+33611111111', message: 'production event' });
		await harness.waitForExecutions(2);
		expect(events(harness).map((e) => e.message)).toEqual(['test event', 'production event']);
	});

	test('deactivation still clears a URL of this node whose static data was never saved', async () => {
		const harness = await trigger({ event: 'stopReceived' });
		await harness.activate();
		delete harness.nodeStaticData.webhook;
		await harness.deactivate();
		expect(state().stopCallBack).toBeNull();
	});

	test('the account URL changed by someone else is left to them on deactivation', async () => {
		const harness = await trigger({ event: 'deliveryReport' });
		await harness.activate();
		await updateAccount({ callBack: 'http://127.0.0.1:9/someone-else' });
		await harness.deactivate();
		expect(state().callBack).toBe('http://127.0.0.1:9/someone-else');
	});
});

describe('receiving replies', () => {
	test('a reply reaches the workflow at once through the registered URL', async () => {
		const harness = await trigger({ event: 'smsReceived', filters: { keywords: 'YES' } });
		await harness.activate();
		const [asked] = await sendSms(sandbox, ['+33611111111'], 'Confirm your appointment? Reply YES', {
			senderForResponse: true,
			tag: 'rdv-42',
		});
		await sandbox.injectIncoming({ sender: '+33611111111', message: 'no thanks' });
		const reply = await sandbox.injectIncoming({ sender: '+33611111111', message: 'Yes!' });
		await harness.waitForExecutions(1);
		expect(events(harness)).toEqual([
			expect.objectContaining({
				event: 'smsReceived',
				id: reply.id,
				sender: '+33611111111',
				message: 'Yes!',
				keyword: 'YES',
				tag: 'rdv-42',
				receivedAt: reply.creationDatetime,
				receivingNumber: '38123',
				source: 'webhook',
				verified: true,
			}),
		]);
		expect(asked).toBeGreaterThan(0);
		expect(harness.calls.map((c) => [c.status, c.started])).toEqual([
			[200, false],
			[200, true],
		]);
	});

	test('calls without the right token get 401, start nothing and learn nothing', async () => {
		const harness = await trigger({ event: 'smsReceived', options: { verifyWithApi: false } });
		await harness.activate();
		const token = registeredToken(state().smsResponse.cgiUrl);
		const form = { id: '1', message: 'YES', senderid: '+33611111111' };
		const url = harness.productionWebhookUrl;
		for (const target of [url, `${url}?token=`, `${url}?token=${token.slice(0, -1)}`, `${url}?token=${token}x`, `${url}?tok=${token}`]) {
			expect(await call(target, { form })).toEqual({ status: 401, text: 'Unauthorized' });
		}
		// A token in the body is not where the node put it.
		expect((await call(url, { form: { ...form, token } })).status).toBe(401);
		expect(harness.executions).toHaveLength(0);
		expect((await call(`${url}?token=${token}`, { form })).status).toBe(200);
		expect(harness.executions).toHaveLength(1);
	});

	test('a call made before n8n saved the static data is checked against the URL registered at OVHcloud', async () => {
		const harness = await trigger({ event: 'smsReceived', options: { verifyWithApi: false } });
		await harness.activate();
		const url = state().smsResponse.cgiUrl!;
		const token = registeredToken(url);
		// n8n 2.41 makes the webhook live a moment before it saves what create wrote.
		delete harness.nodeStaticData.webhook;
		const form = { id: '8', message: 'YES', senderid: '+33611111111' };
		sandbox.clearRequests();
		expect((await call(harness.productionWebhookUrl, { form })).status).toBe(401);
		expect(sandbox.requests).toHaveLength(0);
		const forged = token.split('').reverse().join('');
		expect((await call(`${harness.productionWebhookUrl}?token=${forged}`, { form })).status).toBe(401);
		expect(harness.executions).toHaveLength(0);
		expect((await call(url, { form })).status).toBe(200);
		expect(events(harness)).toEqual([expect.objectContaining({ id: 8, keyword: 'YES' })]);
	});

	test("OVHcloud's form POST and GET query shapes are both accepted", async () => {
		const harness = await trigger({ event: 'smsReceived', options: { verifyWithApi: false } });
		await harness.activate();
		const url = state().smsResponse.cgiUrl!;
		const fields = { id: '501', message: 'Oui merci', senderid: '+33611111111', shortcode: '38123', tag: 'rdv', keyword: 'Oui' };
		expect((await call(url, { form: fields })).status).toBe(200);
		const query = new URLSearchParams({ ...fields, id: '502', message: 'STOP' }).toString();
		expect((await call(`${url}&${query}`)).status).toBe(200);
		expect(events(harness).map((e) => [e.id, e.message, e.keyword, e.sender, e.tag, e.verified])).toEqual([
			[501, 'Oui merci', 'OUI', '+33611111111', 'rdv', false],
			[502, 'STOP', 'STOP', '+33611111111', 'rdv', false],
		]);
		expect((await call(url, { form: { id: '503' } })).status).toBe(400);
		expect(harness.executions).toHaveLength(2);
	});

	test('read-back: a forged id starts nothing, a forged text is replaced by what OVHcloud stored', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.activate();
		const url = state().smsResponse.cgiUrl!;
		expect(await call(url, { form: { id: '99999', message: 'YES', senderid: '+33611111111' } })).toEqual({
			status: 404,
			text: 'Unknown reply',
		});
		expect(harness.executions).toHaveLength(0);

		await updateAccount({ smsResponse: { responseType: 'none', cgiUrl: '' } });
		const real = await sandbox.injectIncoming({ sender: '+33622222222', message: 'no' });
		await updateAccount({ smsResponse: { responseType: 'cgi', cgiUrl: url } });
		expect((await call(url, { form: { id: String(real.id), message: 'YES', senderid: '+33699999999' } })).status).toBe(200);
		expect(events(harness)).toEqual([
			expect.objectContaining({ id: real.id, message: 'no', keyword: 'NO', sender: '+33622222222', verified: true }),
		]);
	});

	test('bodies over the size cap are refused', async () => {
		const harness = await trigger({ event: 'smsReceived', options: { verifyWithApi: false } });
		await harness.activate();
		const url = state().smsResponse.cgiUrl!;
		const response = await call(url, { form: { id: '1', senderid: '+33611111111', message: 'x'.repeat(40 * 1024) } });
		expect(response.status).toBe(413);
		expect(harness.executions).toHaveLength(0);
	});

	test('another n8n process with only the saved static data accepts the same calls (queue mode)', async () => {
		const main = await trigger({ event: 'smsReceived', options: { verifyWithApi: false } });
		await main.activate();
		const token = registeredToken(state().smsResponse.cgiUrl);
		const worker = await trigger({ event: 'smsReceived', options: { verifyWithApi: false } }, main.staticDataSnapshot());
		await worker.activate('init');
		expect(state().smsResponse.cgiUrl).toContain(main.baseUrl);
		const response = await call(`${worker.productionWebhookUrl}?token=${token}`, {
			form: { id: '7', message: 'YES', senderid: '+33611111111' },
		});
		expect(response.status).toBe(200);
		expect(events(worker)).toEqual([expect.objectContaining({ id: 7, keyword: 'YES' })]);
	});
});

describe('delivery reports and STOP by webhook', () => {
	test('delivered and failed reports start the workflow with the receiver; pending ones do not by default', async () => {
		const harness = await trigger({ event: 'deliveryReport' });
		await harness.activate();
		const [delivered, failed] = await sendSms(sandbox, ['+33611111111', '+33612340000'], 'Your code: 123456', { tag: 'otp' });
		await harness.waitForExecutions(2);
		await sandbox.callbacksIdle();
		expect(harness.calls).toHaveLength(4);
		const byId = new Map(events(harness).map((e) => [e.id, e]));
		expect(byId.get(delivered)).toMatchObject({
			status: 'delivered',
			ptt: 4,
			dlrCode: 1,
			receiver: '+33611111111',
			tag: 'otp',
			source: 'webhook',
		});
		expect(byId.get(failed)).toMatchObject({
			status: 'failed',
			ptt: 23,
			dlrCode: 2,
			retryable: false,
			receiver: '+33612340000',
			ovhStatusText: 'Failed',
		});
	});

	test('a verified report must match the state OVHcloud stored: a forged failure starts nothing', async () => {
		const harness = await trigger({ event: 'deliveryReport' });
		await harness.activate();
		const [id] = await sendSms(sandbox, ['+33611111111'], 'hello');
		await harness.waitForExecutions(1);
		await sandbox.callbacksIdle();
		const url = state().callBack!;
		expect(await call(`${url}&id=424242&ptt=4&description=1`)).toEqual({ status: 404, text: 'Unknown SMS' });
		expect(await call(`${url}&id=${id}&ptt=23&description=2&descriptionDlr=Failed`)).toEqual({ status: 409, text: 'State not confirmed' });
		expect(events(harness).map((e) => [e.id, e.status, e.verified])).toEqual([[id, 'delivered', true]]);
	});

	test('unverified reports take the callback at its word (GET query shape)', async () => {
		const harness = await trigger({ event: 'deliveryReport', statuses: ['failed'], options: { verifyWithApi: false } });
		await harness.activate();
		const url = state().callBack!;
		expect((await call(`${url}&id=424242&ptt=24&date=2024-05-01T10%3A00%3A00%2B02%3A00&description=16&descriptionDlr=Error`)).status).toBe(
			200,
		);
		expect(events(harness)).toEqual([
			expect.objectContaining({
				id: 424242,
				status: 'failed',
				ptt: 24,
				dlrCode: 16,
				retryable: true,
				receiver: null,
				reportedAt: '2024-05-01T10:00:00+02:00',
				verified: false,
			}),
		]);
	});

	test('a STOP reply starts the workflow with the number and the SMS it answered', async () => {
		const harness = await trigger({ event: 'stopReceived' });
		await harness.activate();
		const [promo] = await sendSms(sandbox, ['+33688888888'], 'Promo -20%', { senderForResponse: true });
		const reply = await sandbox.injectIncoming({ sender: '+33688888888', message: 'Stop' });
		await harness.waitForExecutions(1);
		expect(events(harness)).toEqual([
			expect.objectContaining({ event: 'stopReceived', number: '+33688888888', outgoingId: promo, replyId: reply.id, verified: true }),
		]);
		expect(await call(`${state().stopCallBack}&number=%2B33600000099`)).toEqual({ status: 404, text: 'Unknown number' });
	});
});

describe('a call with the right token while the API cannot confirm it', () => {
	// Every API call answers 5xx; short waits keep the client's six attempts quick.
	const usual = { ...DEFAULT_RETRY_POLICY };
	beforeEach(() => Object.assign(DEFAULT_RETRY_POLICY, { baseDelayMs: 1, maxDelayMs: 5 }));
	afterEach(() => Object.assign(DEFAULT_RETRY_POLICY, usual));
	const form = { id: '77', message: 'STOP please', senderid: '+33611111111' };

	test('by default it is refused (503) and starts nothing', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.activate();
		const url = state().smsResponse.cgiUrl!;
		sandbox.setFaults({ rate5xx: 1 });
		const answer = await call(url, { form });
		sandbox.setFaults({});
		expect(answer).toEqual({ status: 503, text: 'Try again later' });
		expect(harness.executions).toHaveLength(0);
	});

	test('with "Start the Workflow, Marked Unverified" it starts, saying so and why', async () => {
		const harness = await trigger({ event: 'smsReceived', options: { unconfirmedEvents: 'emitUnverified' } });
		await harness.activate();
		const url = state().smsResponse.cgiUrl!;
		sandbox.setFaults({ rate5xx: 1 });
		const answer = await call(url, { form });
		// The token still decides: a wrong one is refused, API or not.
		const forged = await call(
			url.replace(/token=./, (start) => `${start.slice(0, -1)}${start.endsWith('A') ? 'B' : 'A'}`),
			{ form },
		);
		sandbox.setFaults({});
		expect(answer.status).toBe(200);
		expect(forged.status).toBe(401);
		expect(events(harness)).toEqual([
			expect.objectContaining({
				id: 77,
				message: 'STOP please',
				sender: '+33611111111',
				verified: false,
				verificationError: expect.stringMatching(/OVHcloud API 5\d\d/),
			}),
		]);
	});

	test('a token that only the API could confirm (static data not saved yet) is refused, even marked unverified', async () => {
		const harness = await trigger({ event: 'smsReceived', options: { unconfirmedEvents: 'emitUnverified' } });
		await harness.activate();
		const url = state().smsResponse.cgiUrl!;
		delete harness.nodeStaticData.webhook;
		sandbox.setFaults({ rate5xx: 1 });
		const answer = await call(url, { form });
		sandbox.setFaults({});
		expect(answer.status).toBe(503);
		expect(harness.executions).toHaveLength(0);
	});

	test('a delivery report and a STOP are started from the call alone too', async () => {
		const report = await trigger({ event: 'deliveryReport', statuses: ['failed'], options: { unconfirmedEvents: 'emitUnverified' } });
		await report.activate();
		const reportUrl = state().callBack!;
		sandbox.setFaults({ rate5xx: 1 });
		const reportAnswer = await call(`${reportUrl}&id=9001&ptt=2&description=2&descriptionDlr=failed`);
		sandbox.setFaults({});
		expect(reportAnswer.status).toBe(200);
		expect(events(report)).toEqual([expect.objectContaining({ id: 9001, status: 'failed', verified: false })]);
	});
});

describe('exactly once: the push is a doorbell, the API is the source of truth', () => {
	const usual = { ...DEFAULT_RETRY_POLICY };
	beforeEach(() => Object.assign(DEFAULT_RETRY_POLICY, { baseDelayMs: 1, maxDelayMs: 5 }));
	afterEach(() => Object.assign(DEFAULT_RETRY_POLICY, usual));

	/** The form OVHcloud (the sandbox) pushed for a reply. */
	function pushedForm(id: number): Record<string, string> {
		const push = sandbox.callbacks.find((c) => c.kind === 'incomingCgi' && new URLSearchParams(c.body ?? '').get('id') === String(id));
		return Object.fromEntries(new URLSearchParams(push!.body!));
	}

	test('the same reply pushed twice starts one execution; the repeat is answered 200', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.activate();
		const reply = await sandbox.injectIncoming({ sender: '+33611111111', message: 'YES' });
		await harness.waitForExecutions(1);
		await sandbox.callbacksIdle();
		const again = await call(state().smsResponse.cgiUrl!, { form: pushedForm(reply.id) });
		expect(again.status).toBe(200);
		expect(events(harness).map((e) => e.id)).toEqual([reply.id]);
	});

	test('a delivery report pushed twice starts one execution', async () => {
		const harness = await trigger({ event: 'deliveryReport' });
		await harness.activate();
		const [id] = await sendSms(sandbox, ['+33611111111'], 'hello');
		await harness.waitForExecutions(1);
		await sandbox.callbacksIdle();
		expect((await call(`${state().callBack!}&id=${id}&ptt=4&description=1`)).status).toBe(200);
		expect(events(harness).map((e) => [e.id, e.status])).toEqual([[id, 'delivered']]);
	});

	test('a reply refused during an API outage is emitted by the next poll, once, and its late push starts nothing', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await sandbox.injectIncoming({ sender: '+33622222222', message: 'before activation: old' });
		await harness.activate(); // marks where reconciling starts
		sandbox.setFaults({ rate5xx: 1 });
		const reply = await sandbox.injectIncoming({ sender: '+33611111111', message: 'my parcel never came' });
		await sandbox.callbacksIdle();
		sandbox.setFaults({});
		expect(harness.calls.map((c) => c.status)).toEqual([503]);
		expect(harness.executions).toHaveLength(0);

		const polled = await harness.poll();
		expect((polled ?? []).map((item) => item.json)).toEqual([
			expect.objectContaining({ id: reply.id, message: 'my parcel never came', source: 'poll', verified: true }),
		]);
		expect(await harness.poll()).toBeNull();
		expect((await call(state().smsResponse.cgiUrl!, { form: pushedForm(reply.id) })).status).toBe(200);
		expect(harness.executions).toHaveLength(0);
	});

	test('a reply the webhook took is not emitted again by the poll, even after a restart from saved static data', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.activate();
		await harness.poll();
		const reply = await sandbox.injectIncoming({ sender: '+33611111111', message: 'YES' });
		await harness.waitForExecutions(1);
		expect(await harness.poll()).toBeNull();
		// Another process (or n8n restarted) with only what was saved: the webhook's copy.
		const restarted = await trigger({ event: 'smsReceived' }, harness.staticDataSnapshot());
		expect(await restarted.poll()).toBeNull();
		expect(events(harness).map((e) => e.id)).toEqual([reply.id]);
	});

	test('replies pushed while n8n was down are emitted by the first poll after it is back', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.activate();
		await harness.close(); // n8n stops before its first poll: pushes fail to connect
		const missed = [];
		for (let i = 0; i < 3; i++) missed.push(await sandbox.injectIncoming({ sender: '+33611111111', message: `reply ${i}` }));
		await sandbox.callbacksIdle();
		const back = await trigger({ event: 'smsReceived' }, harness.staticDataSnapshot());
		expect(((await back.poll()) ?? []).map((item) => item.json.id)).toEqual(missed.map((reply) => reply.id));
		expect(await back.poll()).toBeNull();
	});

	test("the editor's test run in webhook mode shows the reply the test call brought", async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.listenForTestEvent();
		const reply = await sandbox.injectIncoming({ sender: '+33611111111', message: 'test me' });
		await harness.waitForExecutions(1);
		// n8n-core's runNode calls poll() in manual mode for a node that can poll, before the webhook's data.
		expect(((await harness.poll('manual')) ?? []).map((item) => item.json)).toEqual([
			expect.objectContaining({ id: reply.id, message: 'test me', source: 'webhook' }),
		]);
	});
});

describe('static data a call loaded before the activation saved it', () => {
	test('a reply taken in that window leaves the static data alone, so n8n does not save an empty copy over the registration', async () => {
		const harness = await trigger({ event: 'smsReceived' });
		await harness.activate();
		// The call's copy, as n8n loads it from the database before the activation's save.
		delete harness.nodeStaticData.webhook;
		delete harness.nodeStaticData.poll;
		const before = JSON.stringify(harness.nodeStaticData);
		const reply = await sandbox.injectIncoming({ sender: '+33611111111', message: 'YES' });
		await harness.waitForExecutions(1);
		expect(events(harness).map((e) => e.id)).toEqual([reply.id]);
		expect(JSON.stringify(harness.nodeStaticData)).toBe(before);
	});
});
