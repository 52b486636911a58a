import { startSandbox, type Sandbox } from '../../../sandbox';
import { ovh } from './ovh-test-client';

let sandbox: Sandbox;
const jobs = () => `/sms/${sandbox.serviceName}/jobs`;
const credits = () => sandbox.state.accounts[sandbox.serviceName].creditsLeft;
const send = (body: Record<string, unknown>) => ovh(sandbox, 'POST', jobs(), { body });

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 20 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

describe('POST /sms/{serviceName}/jobs', () => {
	it('sends one SMS per receiver and debits parts × receivers', async () => {
		const answer = await send({ message: 'Hello', sender: 'MyCompany', receivers: ['+33611111111', '+33622222222'], tag: 'camp-1' });
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({
			ids: [expect.any(Number), expect.any(Number)],
			validReceivers: ['+33611111111', '+33622222222'],
			invalidReceivers: [],
			totalCreditsRemoved: 2,
			tag: 'camp-1',
		});
		expect(credits()).toBe(998);
		const outgoing = await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/outgoing`);
		expect(outgoing.json).toEqual(answer.json.ids);
	});

	it('bills Unicode messages by 70/67 units and GSM-7 ones by 160/153', async () => {
		const gsm = await send({ message: 'a'.repeat(60), sender: 'MyCompany', receivers: ['+33611111111'] });
		const unicode = await send({ message: 'ж'.repeat(60), sender: 'MyCompany', receivers: ['+33611111111'] });
		expect(gsm.json.totalCreditsRemoved).toBe(1);
		expect(unicode.json.totalCreditsRemoved).toBe(2);
		expect(credits()).toBe(997);
	});

	it('counts the STOP clause for alphanumeric senders only, unless noStopClause', async () => {
		const message = 'a'.repeat(155);
		const alpha = await send({ message, sender: 'MyCompany', receivers: ['+33611111111'] });
		const alphaNoStop = await send({ message, sender: 'MyCompany', noStopClause: true, receivers: ['+33611111111'] });
		const numeric = await send({ message, sender: '33612345678', receivers: ['+33611111111'] });
		expect([alpha.json.totalCreditsRemoved, alphaNoStop.json.totalCreditsRemoved, numeric.json.totalCreditsRemoved]).toEqual([2, 1, 1]);
		const sent = await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/outgoing/${alpha.json.ids[0]}`);
		expect(sent.json.message.endsWith('\nSTOP:36111')).toBe(true);
		expect(sent.json.numberOfSms).toBe(2);
	});

	it('reports invalid receivers without billing them, and counts duplicates once', async () => {
		const answer = await send({
			message: 'Hi',
			sender: 'Alerts',
			receivers: ['+33611111111', '0033611111111', '0612345678', 'not-a-number', '+331'],
		});
		expect(answer.status).toBe(200);
		expect(answer.json.validReceivers).toEqual(['+33611111111']);
		expect(answer.json.invalidReceivers).toEqual(['0612345678', 'not-a-number', '+331']);
		expect(answer.json.ids).toHaveLength(1);
		expect(answer.json.totalCreditsRemoved).toBe(1);
		expect(credits()).toBe(999);
	});

	it('refuses an unknown sender, naming it, and senders that are not enabled', async () => {
		const unknown = await send({ message: 'Hi', sender: 'Nobody', receivers: ['+33611111111'] });
		expect(unknown.status).toBe(400);
		expect(unknown.json).toEqual({ class: 'Client::BadRequest', message: expect.stringContaining('Nobody') });
		for (const sender of ['Pending', 'Refused', 'Disabled']) {
			const refused = await send({ message: 'Hi', sender, receivers: ['+33611111111'] });
			expect(refused.status).toBe(400);
			expect(refused.json.message).toContain('not enabled');
		}
		expect(credits()).toBe(1000);
		expect(Object.keys(sandbox.state.accounts[sandbox.serviceName].outgoing)).toHaveLength(0);
	});

	it('validates the body like the API: message, sender, enums, undescribed fields', async () => {
		const base = { message: 'Hi', sender: 'MyCompany', receivers: ['+33611111111'] };
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ ...base, message: undefined }, '[message]'],
			[{ ...base, sender: undefined }, '[sender]'],
			[{ ...base, receivers: undefined }, 'receivers'],
			[{ ...base, priority: 'urgent' }, 'sms.PriorityEnum'],
			[{ ...base, class: 'loud' }, 'sms.ClassEnum'],
			[{ ...base, coding: '16bit' }, 'sms.CodingEnum'],
			[{ ...base, charset: 'latin1' }, 'sms.CharsetEnum'],
			[{ ...base, differedPeriod: 'soon' }, '[differedPeriod]'],
			[{ ...base, noStop: true }, 'noStop'],
			[{ ...base, senderForResponse: true }, 'either sender or senderForResponse'],
			[{ ...base, receiversSlotId: '7', receivers: undefined }, 'slot'],
		];
		for (const [body, expected] of cases) {
			const answer = await send(body);
			expect({ status: answer.status, message: answer.json.message }).toEqual({
				status: 400,
				message: expect.stringContaining(expected),
			});
		}
		expect(credits()).toBe(1000);
	});

	it('sends nothing when the credits do not cover every receiver', async () => {
		sandbox.setCredits(1);
		const answer = await send({ message: 'Hi', sender: 'MyCompany', receivers: ['+33611111111', '+33622222222'] });
		expect(answer.status).toBe(403);
		expect(answer.json).toEqual({ class: 'Client::Forbidden', message: expect.stringMatching(/credits/i) });
		expect(credits()).toBe(1);
		expect(Object.keys(sandbox.state.accounts[sandbox.serviceName].outgoing)).toHaveLength(0);
	});

	it('senderForResponse sends from the short number', async () => {
		const answer = await send({ message: 'Reply YES', senderForResponse: true, receivers: ['+33611111111'] });
		expect(answer.status).toBe(200);
		const sms = await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/outgoing/${answer.json.ids[0]}`);
		expect(sms.json.sender).toMatch(/^\d{5}$/);
	});
});

describe('deferred jobs', () => {
	it('stay pending, are listed and readable, and cancelling gives the credits back', async () => {
		const answer = await send({ message: 'Later', sender: 'MyCompany', receivers: ['+33611111111'], differedPeriod: 60 });
		const [id] = answer.json.ids;
		expect(credits()).toBe(999);
		expect((await ovh(sandbox, 'GET', jobs())).json).toEqual([id]);
		expect((await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/outgoing`)).json).toEqual([]);
		const job = await ovh(sandbox, 'GET', `${jobs()}/${id}`);
		expect(job.json).toMatchObject({ id, differedDelivery: 60, receiver: '+33611111111', sender: 'MyCompany', ptt: 0 });

		expect((await ovh(sandbox, 'DELETE', `${jobs()}/${id}`)).status).toBe(200);
		expect(credits()).toBe(1000);
		expect((await ovh(sandbox, 'GET', jobs())).json).toEqual([]);
		expect((await ovh(sandbox, 'GET', `${jobs()}/${id}`)).json).toEqual({
			class: 'Client::NotFound',
			message: `The requested object (id = ${id}) does not exist`,
		});
	});

	it('move to outgoing when due (released early here) with the same id', async () => {
		const answer = await send({ message: 'Later', sender: 'MyCompany', receivers: ['+33611111111'], differedPeriod: 5 });
		expect(sandbox.releaseDeferredJobs()).toEqual(answer.json.ids);
		expect((await ovh(sandbox, 'GET', jobs())).json).toEqual([]);
		expect((await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/outgoing`)).json).toEqual(answer.json.ids);
	});
});

describe('virtual number jobs', () => {
	const vlnJobs = () => `/sms/${sandbox.serviceName}/virtualNumbers/33700000001/jobs`;

	it('send from the virtual number, without a STOP clause', async () => {
		const answer = await ovh(sandbox, 'POST', vlnJobs(), { body: { message: 'a'.repeat(160), receivers: ['+33611111111'] } });
		expect(answer.status).toBe(200);
		expect(answer.json.totalCreditsRemoved).toBe(1);
		const sms = await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/virtualNumbers/33700000001/outgoing/${answer.json.ids[0]}`);
		expect(sms.json.sender).toBe('33700000001');
	});

	it('refuse the sender fields and unknown numbers', async () => {
		const withSender = await ovh(sandbox, 'POST', vlnJobs(), {
			body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611111111'] },
		});
		expect(withSender.status).toBe(400);
		const unknown = await ovh(sandbox, 'POST', `/sms/${sandbox.serviceName}/virtualNumbers/33799999999/jobs`, {
			body: { message: 'Hi', receivers: ['+33611111111'] },
		});
		expect(unknown.status).toBe(404);
	});

	it('list their pending jobs with the VirtualNumberJob shape', async () => {
		const answer = await ovh(sandbox, 'POST', vlnJobs(), {
			body: { message: 'Later', receivers: ['+33611111111'], differedPeriod: 10 },
		});
		const [id] = answer.json.ids;
		expect((await ovh(sandbox, 'GET', vlnJobs())).json).toEqual([id]);
		const job = await ovh(sandbox, 'GET', `${vlnJobs()}/${id}`);
		expect(job.json).toMatchObject({ id, differedDelivery: 10 });
		expect(job.json).not.toHaveProperty('sender');
	});
});

describe('POST /sms/estimate', () => {
	it('counts like the send does', async () => {
		const answer = await ovh(sandbox, 'POST', '/sms/estimate', {
			body: { message: 'ж'.repeat(60), noStopClause: false, senderType: 'alpha' },
		});
		expect(answer.json).toEqual({ characters: 71, charactersClass: 'unicode', maxCharactersPerPart: 67, parts: 2 });
		const virtual = await ovh(sandbox, 'POST', '/sms/estimate', {
			body: { message: 'a'.repeat(160), noStopClause: false, senderType: 'virtual' },
		});
		expect(virtual.json).toEqual({ characters: 160, charactersClass: '7bits', maxCharactersPerPart: 160, parts: 1 });
	});
});
