import { startSandbox, type Sandbox } from '../../../sandbox';
import { adminCall, ovh, startReceiver } from './ovh-test-client';

let sandbox: Sandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const sms = (path = '') => `/sms/${sandbox.serviceName}${path}`;

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 15 });
	receiver = await startReceiver();
});
afterAll(async () => {
	await sandbox.close();
	await receiver.close();
});
afterEach(async () => {
	await sandbox.callbacksIdle();
	sandbox.reset();
	receiver.calls.length = 0;
});

describe('replies', () => {
	it('stores a reply as sms.Incoming, tagged like the SMS it answers, and POSTs it to cgiUrl', async () => {
		await ovh(sandbox, 'PUT', sms(), { body: { smsResponse: { responseType: 'cgi', cgiUrl: `${receiver.url}/replies` } } });
		await ovh(sandbox, 'POST', sms('/jobs'), {
			body: { message: 'Coming tomorrow? Reply YES', senderForResponse: true, receivers: ['+33622223333'], tag: 'rsvp-7' },
		});
		const creditsBefore = sandbox.state.accounts[sandbox.serviceName].creditsLeft;

		const incoming = await sandbox.injectIncoming({ sender: '+33622223333', message: 'yes I come' });
		expect(incoming).toEqual({
			id: expect.any(Number),
			creationDatetime: expect.any(String),
			credits: 1,
			message: 'yes I come',
			sender: '+33622223333',
			tag: 'rsvp-7',
		});
		expect(sandbox.state.accounts[sandbox.serviceName].creditsLeft).toBe(creditsBefore - 1);
		expect((await ovh(sandbox, 'GET', sms('/incoming'))).json).toEqual([incoming.id]);
		expect((await ovh(sandbox, 'GET', sms(`/incoming/${incoming.id}`))).json).toEqual(incoming);

		expect(receiver.calls).toHaveLength(1);
		const [call] = receiver.calls;
		expect(call.method).toBe('POST');
		expect(call.url.pathname).toBe('/replies');
		expect(Object.fromEntries(new URLSearchParams(call.body))).toEqual({
			id: String(incoming.id),
			message: 'yes I come',
			senderid: '+33622223333',
			shortcode: expect.stringMatching(/^\d{5}$/),
			tag: 'rsvp-7',
			keyword: 'yes',
		});
	});

	it('filters incoming by sender and tag, and deletes', async () => {
		const a = await sandbox.injectIncoming({ sender: '+33600000011', message: 'one', tag: 'x' });
		const b = await sandbox.injectIncoming({ sender: '0033600000012', message: 'two' });
		expect((await ovh(sandbox, 'GET', sms('/incoming?sender=%2B33600000012'))).json).toEqual([b.id]);
		expect((await ovh(sandbox, 'GET', sms('/incoming?tag=x'))).json).toEqual([a.id]);
		expect((await ovh(sandbox, 'DELETE', sms(`/incoming/${a.id}`))).status).toBe(200);
		expect((await ovh(sandbox, 'GET', sms('/incoming'))).json).toEqual([b.id]);
	});

	it('keeps replies to a virtual number under that number too', async () => {
		const viaVln = await sandbox.injectIncoming({ sender: '+33600000011', message: 'hello', virtualNumber: '33700000001' });
		const viaShortcode = await sandbox.injectIncoming({ sender: '+33600000011', message: 'hi' });
		const vln = sms('/virtualNumbers/33700000001');
		expect((await ovh(sandbox, 'GET', `${vln}/incoming`)).json).toEqual([viaVln.id]);
		expect((await ovh(sandbox, 'GET', `${vln}/incoming/${viaShortcode.id}`)).status).toBe(404);
		expect((await ovh(sandbox, 'GET', sms('/incoming'))).json).toEqual([viaVln.id, viaShortcode.id]);
	});

	it('can be injected over HTTP by another process', async () => {
		const answer = await adminCall(sandbox, 'POST', '/incoming', { sender: '+33600000011', message: 'from e2e' });
		expect(answer.status).toBe(200);
		expect((await ovh(sandbox, 'GET', sms(`/incoming/${answer.json.id}`))).json.message).toBe('from e2e');
		expect((await adminCall(sandbox, 'POST', '/incoming', { sender: 'nobody', message: 'x' })).status).toBe(400);
	});
});

describe('STOP replies', () => {
	it('blacklist the number, call stopCallBack, and later sends to it are refused without cost', async () => {
		await ovh(sandbox, 'PUT', sms(), { body: { stopCallBack: `${receiver.url}/stop` } });
		const sent = await ovh(sandbox, 'POST', sms('/jobs'), {
			body: { message: 'Promo!', senderForResponse: true, receivers: ['+33633334444'] },
		});
		const stop = await sandbox.injectIncoming({ sender: '+33633334444', message: 'Stop' });

		expect((await ovh(sandbox, 'GET', sms('/blacklists'))).json).toEqual(['+33633334444']);
		const entry = await ovh(sandbox, 'GET', sms('/blacklists/%2B33633334444'));
		expect(entry.json).toEqual({
			number: '+33633334444',
			dateCreation: expect.any(String),
			batchID: null,
			smsOutgoingID: sent.json.ids[0],
		});
		expect(receiver.calls.map((call) => Object.fromEntries(call.url.searchParams))).toEqual([
			{ number: '+33633334444', id: String(stop.id) },
		]);

		const again = await ovh(sandbox, 'POST', sms('/jobs'), {
			body: { message: 'Promo 2', sender: 'MyCompany', receivers: ['+33633334444', '+33611112222'] },
		});
		expect(again.json).toMatchObject({ validReceivers: ['+33611112222'], invalidReceivers: ['+33633334444'], totalCreditsRemoved: 1 });

		expect((await ovh(sandbox, 'DELETE', sms('/blacklists/%2B33633334444'))).status).toBe(200);
		const afterRemoval = await ovh(sandbox, 'POST', sms('/jobs'), {
			body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33633334444'] },
		});
		expect(afterRemoval.json.validReceivers).toEqual(['+33633334444']);
	});

	it('only when STOP is the first word', async () => {
		await sandbox.injectIncoming({ sender: '+33633334444', message: 'please do not stop' });
		await sandbox.injectIncoming({ sender: '+33633335555', message: 'STOPPED' });
		expect((await ovh(sandbox, 'GET', sms('/blacklists'))).json).toEqual([]);
	});
});

describe('batch GET (X-Ovh-Batch)', () => {
	it('answers one {key, value, error} item per id, in the order asked', async () => {
		const a = await sandbox.injectIncoming({ sender: '+33600000011', message: 'one' });
		const b = await sandbox.injectIncoming({ sender: '+33600000012', message: 'two' });
		const answer = await ovh(sandbox, 'GET', sms(`/incoming/${b.id},999,${a.id}`), { headers: { 'X-Ovh-Batch': ',' } });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual([
			{ key: String(b.id), value: b, error: '' },
			{ key: '999', value: null, error: 'The requested object (id = 999) does not exist' },
			{ key: String(a.id), value: a, error: '' },
		]);
		const withoutHeader = await ovh(sandbox, 'GET', sms(`/incoming/${b.id},${a.id}`));
		expect(withoutHeader.status).toBe(400);
	});
});
