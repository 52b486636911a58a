import { startSandbox, type Sandbox } from '../../../sandbox';
import { adminCall, eventually, httpRequest, ovh } from './ovh-test-client';

let sandbox: Sandbox;
const senders = (path = '') => `/sms/${sandbox.serviceName}/senders${path}`;
const sendFrom = (sender: string) =>
	ovh(sandbox, 'POST', `/sms/${sandbox.serviceName}/jobs`, { body: { message: 'Hi', sender, receivers: ['+33611112222'] } });

beforeAll(async () => {
	// Long enough that a loaded machine still sends and refuses before moderation decides (60 ms
	// did not: CI saw a send from a just-created sender accepted), short enough to wait out.
	sandbox = await startSandbox({ senderValidationDelayMs: 1_000 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

describe('seeded senders', () => {
	it('lists every status and type, the virtual number included', async () => {
		const names = (await ovh(sandbox, 'GET', senders())).json as string[];
		expect(names).toEqual(expect.arrayContaining(['MyCompany', 'Alerts', 'Pending', 'Refused', 'Disabled', '33700000001']));
		expect((await ovh(sandbox, 'GET', senders('/Refused'))).json).toEqual({
			sender: 'Refused',
			description: expect.any(String),
			status: 'refused',
			type: 'alpha',
			referer: 'custom',
			comment: 'Brand not justified',
			validationMedia: null,
		});
		expect((await ovh(sandbox, 'GET', senders('/33700000001'))).json).toMatchObject({ type: 'virtual', status: 'enable' });
	});
});

describe('POST /senders', () => {
	it('requires a reason, a valid name, and refuses duplicates', async () => {
		const noReason = await ovh(sandbox, 'POST', senders(), { body: { sender: 'NewBrand' } });
		expect(noReason.json).toEqual({ class: 'Client::BadRequest', message: 'Please provide a reason' });
		const tooLong = await ovh(sandbox, 'POST', senders(), { body: { sender: 'ABCDEFGHIJKL', reason: 'r' } });
		expect(tooLong.status).toBe(400);
		const badCharacters = await ovh(sandbox, 'POST', senders(), { body: { sender: 'Brand!', reason: 'r' } });
		expect(badCharacters.status).toBe(400);
		const existing = await ovh(sandbox, 'POST', senders(), { body: { sender: 'MyCompany', reason: 'r' } });
		expect(existing.status).toBe(409);
		expect(existing.json.class).toBe('Client::Conflict');
	});

	it('creates a sender waiting for validation, enabled after the moderation delay', async () => {
		const created = await ovh(sandbox, 'POST', senders(), {
			body: { sender: 'NewBrand', description: 'Our brand', reason: 'We own it' },
		});
		expect(created.status).toBe(200);
		expect((await ovh(sandbox, 'GET', senders('/NewBrand'))).json).toMatchObject({
			status: 'waitingValidation',
			referer: 'custom',
			description: 'Our brand',
		});
		expect((await sendFrom('NewBrand')).status).toBe(400);
		await eventually(async () => (await ovh(sandbox, 'GET', senders('/NewBrand'))).json.status === 'enable');
		expect((await sendFrom('NewBrand')).status).toBe(200);
	});

	it('stores numbers as digits and lets an admin refuse a request, with a comment', async () => {
		await ovh(sandbox, 'POST', senders(), { body: { sender: '+33699998888', reason: 'Our line' } });
		expect((await ovh(sandbox, 'GET', senders('/33699998888'))).json.type).toBe('numeric');
		const decided = await adminCall(sandbox, 'POST', '/senders/33699998888/decide', { status: 'refused', comment: 'Not yours' });
		expect(decided.status).toBe(200);
		expect((await ovh(sandbox, 'GET', senders('/33699998888'))).json).toMatchObject({ status: 'refused', comment: 'Not yours' });
		expect((await sendFrom('33699998888')).status).toBe(400);
	});

	it('enables at once a name offered by sendersAvailableForValidation', async () => {
		const offered = await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/sendersAvailableForValidation?referer=domain`);
		expect(offered.json).toEqual([{ referer: 'domain', sender: expect.any(String) }]);
		const name = offered.json[0].sender as string;
		expect(name.length).toBeLessThanOrEqual(11);
		await ovh(sandbox, 'POST', senders(), { body: { sender: name, reason: 'sendersAvailableForValidation' } });
		expect((await ovh(sandbox, 'GET', senders(`/${encodeURIComponent(name)}`))).json).toMatchObject({
			status: 'enable',
			referer: 'domain',
		});
	});
});

describe('validation code, edits and deletion', () => {
	it('validates a waiting sender with the right code only', async () => {
		await ovh(sandbox, 'POST', senders(), { body: { sender: 'Coded', reason: 'r' } });
		sandbox.decideSender('Coded', 'refused');
		expect((await ovh(sandbox, 'POST', senders('/Coded/validate'), { body: { code: '123456' } })).status).toBe(400);
		expect((await ovh(sandbox, 'POST', senders('/Pending/validate'), { body: { code: '000000' } })).status).toBe(400);
		expect((await ovh(sandbox, 'POST', senders('/Pending/validate'), { body: { code: '123456' } })).status).toBe(200);
		expect((await ovh(sandbox, 'GET', senders('/Pending'))).json.status).toBe('enable');
	});

	it('switches enable/disable, refuses other statuses, and deletes', async () => {
		expect((await ovh(sandbox, 'PUT', senders('/Alerts'), { body: { status: 'disable', description: 'Off' } })).status).toBe(200);
		expect((await sendFrom('Alerts')).status).toBe(400);
		expect((await ovh(sandbox, 'PUT', senders('/Alerts'), { body: { status: 'refused' } })).status).toBe(400);
		expect((await ovh(sandbox, 'PUT', senders('/Refused'), { body: { status: 'enable' } })).status).toBe(400);
		expect((await ovh(sandbox, 'DELETE', senders('/Alerts'))).status).toBe(200);
		expect((await ovh(sandbox, 'GET', senders('/Alerts'))).status).toBe(404);
	});
});

describe('justification documents', () => {
	it('hands out a putUrl that stores the bytes, readable at getUrl', async () => {
		const created = await ovh(sandbox, 'POST', senders('/Pending/documents'), { body: { name: 'kbis.pdf' } });
		expect(created.json).toMatchObject({ documentID: expect.any(String), name: 'kbis.pdf', size: 0 });
		const put = await httpRequest('PUT', created.json.putUrl, {
			headers: { 'Content-Type': 'application/pdf' },
			body: Buffer.from('%PDF-1.4 sandbox'),
		});
		expect(put.status).toBe(200);
		const listed = await ovh(sandbox, 'GET', senders('/Pending/documents'));
		expect(listed.json).toEqual([created.json.documentID]);
		const document = await ovh(sandbox, 'GET', senders(`/Pending/documents/${created.json.documentID}`));
		expect(document.json.size).toBe(16);
		expect((await httpRequest('GET', document.json.getUrl)).text).toBe('%PDF-1.4 sandbox');
	});
});
