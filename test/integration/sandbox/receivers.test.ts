import http from 'node:http';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { uploadDocument } from './contactsHelpers';
import { eventually, ovh } from './ovh-test-client';

let sandbox: Sandbox;
const slots = (path = '') => `/sms/${sandbox.serviceName}/receivers${path}`;

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 10 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

describe('recipient lists (receivers slots)', () => {
	it('has slot 1 seeded with three numbers', async () => {
		expect((await ovh(sandbox, 'GET', slots())).json).toEqual([1]);
		expect((await ovh(sandbox, 'GET', slots('/1'))).json).toEqual({
			slotId: 1,
			description: 'Newsletter',
			records: 3,
			datetime: expect.any(String),
			autoUpdate: false,
			canAutoUpdate: false,
		});
		const csv = (await ovh(sandbox, 'GET', slots('/1/csv'))).json as string;
		expect(csv.split('\n')[0]).toBe('number;firstname;city');
	});

	it('creates a slot from a document, counting its records', async () => {
		const documentId = await uploadDocument(sandbox, 'list.csv', 'number;name\n+33611111111;A\n0033622222222;B\n');
		const created = await ovh(sandbox, 'POST', slots(), { body: { slotId: 2, description: 'Clients', autoUpdate: false, documentId } });
		expect(created.json).toMatchObject({ slotId: 2, description: 'Clients', records: 2, autoUpdate: false, canAutoUpdate: false });
		expect((await ovh(sandbox, 'GET', slots())).json).toEqual([1, 2]);
		const again = await ovh(sandbox, 'POST', slots(), { body: { slotId: 2, description: 'x', autoUpdate: false, documentId } });
		expect(again.status).toBe(409);
	});

	it('answers a bad number with its line, the way the control panel parses it', async () => {
		const documentId = await uploadDocument(sandbox, 'bad.csv', 'number\n+33611111111\n\n12345\n');
		const refused = await ovh(sandbox, 'POST', slots(), { body: { slotId: 3, description: 'x', autoUpdate: false, documentId } });
		expect(refused.status).toBe(400);
		expect(refused.json.message).toMatch(/on line (\d+)$/);
		expect(refused.json.message).toMatch(/on line 4$/);
	});

	it('refuses slot ids outside 1..9, a missing description, and a file without a number column', async () => {
		const documentId = await uploadDocument(sandbox, 'l.csv', 'number\n+33611111111\n');
		expect((await ovh(sandbox, 'POST', slots(), { body: { slotId: 10, description: 'x', autoUpdate: false, documentId } })).status).toBe(
			400,
		);
		expect((await ovh(sandbox, 'POST', slots(), { body: { slotId: 4, autoUpdate: false, documentId } })).json.message).toBe(
			'[description] Property is mandatory',
		);
		const noHeader = await uploadDocument(sandbox, 'n.csv', 'phone\n+33611111111\n');
		expect(
			(await ovh(sandbox, 'POST', slots(), { body: { slotId: 4, description: 'x', autoUpdate: false, documentId: noHeader } })).status,
		).toBe(400);
	});

	it('creates a slot from a csvUrl on loopback, which can auto-update', async () => {
		const server = http.createServer((_req, res) => res.end('number\n+33633333333\n'));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(server.address() as any).port}/list.csv`;
			const created = await ovh(sandbox, 'POST', slots(), { body: { slotId: 5, description: 'Feed', autoUpdate: true, csvUrl: url } });
			expect(created.json).toMatchObject({ records: 1, autoUpdate: true, canAutoUpdate: true });
		} finally {
			server.close();
		}
	});

	it('updates, then deletes a slot', async () => {
		expect((await ovh(sandbox, 'PUT', slots('/1'), { body: { description: 'Renamed' } })).status).toBe(200);
		expect((await ovh(sandbox, 'GET', slots('/1'))).json.description).toBe('Renamed');
		expect((await ovh(sandbox, 'PUT', slots('/1'), { body: { autoUpdate: true } })).status).toBe(400);
		expect((await ovh(sandbox, 'DELETE', slots('/1'))).status).toBe(200);
		expect((await ovh(sandbox, 'GET', slots('/1'))).status).toBe(404);
	});

	it('quotes a cleaning without spending, then cleans dead numbers for the quoted price', async () => {
		const documentId = await uploadDocument(sandbox, 'c.csv', 'number\n+33611110000\n+33622222222\n+33633330000\n+33644444444\n');
		await ovh(sandbox, 'POST', slots(), { body: { slotId: 6, description: 'c', autoUpdate: false, documentId } });
		const creditsBefore = sandbox.state.accounts[sandbox.serviceName].creditsLeft;
		const quote = await ovh(sandbox, 'POST', slots('/6/clean'), { body: { freemium: false, priceOnly: true } });
		expect(quote.json).toEqual({ taskId: 0, totalCreditsRemoved: 0.4 });
		expect(sandbox.state.accounts[sandbox.serviceName].creditsLeft).toBe(creditsBefore);
		const cleaning = await ovh(sandbox, 'POST', slots('/6/clean'), { body: { freemium: false, priceOnly: false } });
		expect(cleaning.json).toEqual({ taskId: expect.any(Number), totalCreditsRemoved: 0.4 });
		expect(sandbox.state.accounts[sandbox.serviceName].creditsLeft).toBeCloseTo(creditsBefore - 0.4);
		await eventually(
			async () => (await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/task/${cleaning.json.taskId}`)).json.status === 'done',
		);
		expect((await ovh(sandbox, 'GET', slots('/6'))).json.records).toBe(2);
		const free = await ovh(sandbox, 'POST', slots('/6/clean'), { body: { freemium: true, priceOnly: true } });
		expect(free.json.totalCreditsRemoved).toBe(0);
	});

	it('refuses a paid cleaning without enough credits', async () => {
		sandbox.setCredits(0);
		const refused = await ovh(sandbox, 'POST', slots('/1/clean'), { body: { freemium: false, priceOnly: false } });
		expect(refused.status).toBe(403);
	});

	it('sends to every number of a slot with receiversSlotId', async () => {
		const sent = await ovh(sandbox, 'POST', `/sms/${sandbox.serviceName}/jobs`, {
			body: { message: 'Hello', sender: 'MyCompany', receiversSlotId: '1', noStopClause: true },
		});
		expect(sent.json).toMatchObject({ validReceivers: ['+33611000001', '+33611000002', '+33611000003'], totalCreditsRemoved: 3 });
		const unknown = await ovh(sandbox, 'POST', `/sms/${sandbox.serviceName}/jobs`, {
			body: { message: 'Hello', sender: 'MyCompany', receiversSlotId: '7' },
		});
		expect(unknown.json.message).toBe('[receiversSlotId] The receivers slot 7 does not exist');
	});
});
