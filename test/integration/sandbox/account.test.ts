import { startSandbox, type Sandbox } from '../../../sandbox';
import { ovh } from './ovh-test-client';

let sandbox: Sandbox;
const account = () => `/sms/${sandbox.serviceName}`;

beforeAll(async () => {
	sandbox = await startSandbox({ credits: 250 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

describe('GET/PUT /sms/{serviceName}', () => {
	it('shows the seeded account with OVHcloud’s fields', async () => {
		const answer = await ovh(sandbox, 'GET', account());
		expect(answer.json).toMatchObject({
			name: 'sms-sb00001-1',
			description: 'Sandbox SMS account',
			status: 'enable',
			creditsLeft: 250,
			channel: 'both',
			callBack: null,
			stopCallBack: null,
			smsResponse: { responseType: 'none', cgiUrl: null },
			iam: { urn: 'urn:v1:eu:resource:sms:sms-sb00001-1' },
		});
	});

	it('updates writable fields, merges smsResponse, ignores read-only fields and refuses unknown ones', async () => {
		const put = await ovh(sandbox, 'PUT', account(), {
			body: { description: 'Mine', creditsLeft: 1e6, smsResponse: { responseType: 'text', text: 'Thanks!' } },
		});
		expect(put.status).toBe(200);
		await ovh(sandbox, 'PUT', account(), { body: { smsResponse: { cgiUrl: 'http://127.0.0.1:9/replies' } } });
		const after = (await ovh(sandbox, 'GET', account())).json;
		expect(after).toMatchObject({ description: 'Mine', creditsLeft: 250 });
		expect(after.smsResponse).toMatchObject({ responseType: 'text', text: 'Thanks!', cgiUrl: 'http://127.0.0.1:9/replies' });

		const unknown = await ovh(sandbox, 'PUT', account(), { body: { callback: 'http://127.0.0.1/x' } });
		expect(unknown.status).toBe(400);
		expect(unknown.json.message).toContain('callback');
		const badType = await ovh(sandbox, 'PUT', account(), { body: { smsResponse: { responseType: 'email' } } });
		expect(badType.status).toBe(400);
		const cgiWithoutUrl = await ovh(sandbox, 'PUT', account(), { body: { smsResponse: { responseType: 'cgi', cgiUrl: null } } });
		expect(cgiWithoutUrl.status).toBe(400);
		expect((await ovh(sandbox, 'GET', account())).json.smsResponse.responseType).toBe('text');
	});

	it('answers an automatic text reply when responseType is text', async () => {
		await ovh(sandbox, 'PUT', account(), { body: { smsResponse: { responseType: 'text', text: 'Thanks!' } } });
		await sandbox.injectIncoming({ sender: '+33655556666', message: 'hello' });
		const replies = (await ovh(sandbox, 'GET', `${account()}/outgoing?receiver=%2B33655556666`)).json;
		expect(replies).toHaveLength(1);
		expect((await ovh(sandbox, 'GET', `${account()}/outgoing/${replies[0]}`)).json.message).toBe('Thanks!');
	});

	it('says which service or URL does not exist', async () => {
		expect((await ovh(sandbox, 'GET', '/sms/sms-zz99999-1')).json).toEqual({
			class: 'Client::NotFound',
			message: 'This service does not exist',
		});
		const noRoute = await ovh(sandbox, 'GET', `${account()}/nothing-here`);
		expect(noRoute.status).toBe(404);
		expect(noRoute.json.message).toBe('Got an invalid (or empty) URL');
		expect((await ovh(sandbox, 'GET', `${account()}/outgoing/abc`)).status).toBe(400);
	});
});

describe('GET /sms/ptts', () => {
	it('describes a delivery code', async () => {
		expect((await ovh(sandbox, 'GET', '/sms/ptts?ptt=24')).json).toEqual({
			comment: 'Subscriber absent',
			description: expect.any(String),
			duration: 'temporary',
		});
		expect((await ovh(sandbox, 'GET', '/sms/ptts?ptt=9999')).status).toBe(404);
	});
});

describe('short number sends', () => {
	it('refuse links, as OVHcloud does', async () => {
		const answer = await ovh(sandbox, 'POST', `${account()}/jobs`, {
			body: { message: 'See https://example.com', senderForResponse: true, receivers: ['+33611111111'] },
		});
		expect(answer.status).toBe(400);
		expect(sandbox.state.accounts[sandbox.serviceName].creditsLeft).toBe(250);
	});
});
