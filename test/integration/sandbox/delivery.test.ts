import { startSandbox, type Sandbox } from '../../../sandbox';
import { eventually, ovh, startReceiver } from './ovh-test-client';

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

describe('delivery progression and callBack', () => {
	it('reports every state change to callBack: accepted, then delivered or failed by receiver suffix', async () => {
		expect((await ovh(sandbox, 'PUT', sms(), { body: { callBack: `${receiver.url}/dlr?secret=s3` } })).status).toBe(200);
		const sent = await ovh(sandbox, 'POST', sms('/jobs'), {
			body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611112222', '+33611110000', '+33611110001'] },
		});
		const [delivered, invalid, absent] = sent.json.ids as number[];
		await eventually(() => receiver.calls.length >= 6);

		const callsFor = (id: number) =>
			receiver.calls
				.filter((call) => call.url.searchParams.get('id') === String(id))
				.map((call) => ({
					method: call.method,
					path: call.url.pathname,
					secret: call.url.searchParams.get('secret'),
					ptt: call.url.searchParams.get('ptt'),
					description: call.url.searchParams.get('description'),
					descriptionDlr: call.url.searchParams.get('descriptionDlr'),
				}));
		const accepted = { method: 'GET', path: '/dlr', secret: 's3', ptt: '3', description: '4', descriptionDlr: 'Pending' };
		expect(callsFor(delivered)).toEqual([accepted, { ...accepted, ptt: '4', description: '1', descriptionDlr: 'Success' }]);
		expect(callsFor(invalid)).toEqual([accepted, { ...accepted, ptt: '23', description: '2', descriptionDlr: 'Failed' }]);
		expect(callsFor(absent)).toEqual([accepted, { ...accepted, ptt: '24', description: '16', descriptionDlr: expect.any(String) }]);
		expect(receiver.calls[0].url.searchParams.get('date')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);

		const final = await ovh(sandbox, 'GET', sms(`/outgoing/${delivered}`));
		expect(final.json).toMatchObject({ ptt: 4, deliveryReceipt: 1, sentAt: expect.any(String), deliveredAt: expect.any(String) });
		const failed = await ovh(sandbox, 'GET', sms(`/outgoing/${invalid}`));
		expect(failed.json).toMatchObject({ ptt: 23, deliveryReceipt: 2, deliveredAt: null });
	});

	it('refuses callBack URLs that are not http(s)', async () => {
		const answer = await ovh(sandbox, 'PUT', sms(), { body: { callBack: 'ftp://example.com/dlr' } });
		expect(answer.status).toBe(400);
		expect(sandbox.state.accounts[sandbox.serviceName].callBack).toBeNull();
	});

	it('never calls a non-loopback host by default, and says so', async () => {
		await ovh(sandbox, 'PUT', sms(), { body: { callBack: 'http://dlr.example.com/x' } });
		await ovh(sandbox, 'POST', sms('/jobs'), { body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611112222'] } });
		const skipped = await eventually(() => sandbox.callbacks.find((call) => call.kind === 'deliveryReport'));
		expect(skipped.skipped).toMatch(/non-loopback/);
		expect(skipped.status).toBeUndefined();
	});
});

describe('GET /sms/{serviceName}/outgoing', () => {
	it('filters by tag, receiver, sender, ptt, deliveryReceipt and creation date', async () => {
		const first = await ovh(sandbox, 'POST', sms('/jobs'), {
			body: { message: 'A', sender: 'MyCompany', receivers: ['+33611112222'], tag: 'alpha' },
		});
		const second = await ovh(sandbox, 'POST', sms('/jobs'), {
			body: { message: 'B', sender: 'Alerts', receivers: ['+33611110000'], tag: 'beta' },
		});
		const [a] = first.json.ids;
		const [b] = second.json.ids;
		const list = async (query: string) => (await ovh(sandbox, 'GET', sms(`/outgoing?${query}`))).json;
		expect(await list('tag=alpha')).toEqual([a]);
		expect(await list('receiver=%2B33611110000')).toEqual([b]);
		expect(await list('receiver=0033611110000')).toEqual([b]);
		expect(await list('sender=MyCompany')).toEqual([a]);
		await eventually(async () => (await list('ptt=23')).length === 1 && (await list('ptt=4')).length === 1);
		expect(await list('deliveryReceipt=2')).toEqual([b]);
		expect(await list(`creationDatetime.from=${encodeURIComponent('2000-01-01T00:00:00+01:00')}`)).toEqual([a, b]);
		expect(await list(`creationDatetime.to=${encodeURIComponent('2000-01-01T00:00:00+01:00')}`)).toEqual([]);
		const future = new Date(Date.now() + 3_600_000).toISOString();
		expect(await list(`creationDatetime.from=${encodeURIComponent(future)}`)).toEqual([]);
		const bad = await ovh(sandbox, 'GET', sms('/outgoing?creationDatetime.from=yesterday'));
		expect(bad.status).toBe(400);
	});

	it('deletes an SMS from the history and looks up its operator', async () => {
		const sent = await ovh(sandbox, 'POST', sms('/jobs'), {
			body: { message: 'A', sender: 'MyCompany', receivers: ['+33611112222'] },
		});
		const [id] = sent.json.ids;
		const hlr = await ovh(sandbox, 'GET', sms(`/outgoing/${id}/hlr`));
		expect(hlr.json).toMatchObject({ country: 'France', countryCode: 'fr' });
		expect((await ovh(sandbox, 'DELETE', sms(`/outgoing/${id}`))).status).toBe(200);
		expect((await ovh(sandbox, 'GET', sms(`/outgoing/${id}`))).status).toBe(404);
		expect((await ovh(sandbox, 'GET', sms('/outgoing'))).json).toEqual([]);
	});
});
