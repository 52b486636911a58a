import { startSandbox, type Sandbox } from '../../../sandbox';
import { uploadDocument } from './contactsHelpers';
import { eventually, ovh } from './ovh-test-client';

let sandbox: Sandbox;
const batches = () => `/sms/${sandbox.serviceName}/batches`;
const credits = () => sandbox.state.accounts[sandbox.serviceName].creditsLeft;
const create = (body: Record<string, unknown>) => ovh(sandbox, 'POST', batches(), { body });
const read = async (id: string) => (await ovh(sandbox, 'GET', `${batches()}/${id}`)).json;
const statistics = async (id: string) => (await ovh(sandbox, 'GET', `${batches()}/${id}/statistics`)).json;
const finished = (id: string, status = 'COMPLETED') =>
	eventually(async () => {
		const batch = await read(id);
		return batch.status === status && batch;
	}, 10_000);

async function outgoingOf(batchID: string): Promise<Array<{ receiver: string; message: string; batchID: string; tag: string | null }>> {
	const ids = (await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/outgoing?batchID=${batchID}`)).json as number[];
	return Promise.all(ids.map(async (id) => (await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/outgoing/${id}`)).json));
}

async function createSlot(slotId: number, csv: string): Promise<void> {
	const documentId = await uploadDocument(sandbox, 'list.csv', csv);
	const answer = await ovh(sandbox, 'POST', `/sms/${sandbox.serviceName}/receivers`, {
		body: { slotId, description: 'Campaign list', autoUpdate: false, documentId },
	});
	expect(answer.status).toBe(200);
}

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 20 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

describe('POST /sms/{serviceName}/batches', () => {
	it('answers the new batch as INSERTING, then sends one SMS per receiver carrying its batchID until COMPLETED', async () => {
		const answer = await create({
			name: 'Monday promo',
			message: 'Promo -20% today',
			from: 'MyCompany',
			to: ['+33611111111', '0033622222222', '+33633330000'],
			tag: 'promo',
		});
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({
			name: 'Monday promo',
			message: 'Promo -20% today',
			from: 'MyCompany',
			receivers: ['+33611111111', '0033622222222', '+33633330000'],
			slotID: null,
			status: 'INSERTING',
			totalRecords: 3,
			processedRecords: 0,
			estimatedCredits: 3,
			errors: [],
			accountID: expect.any(Number),
			startedAt: null,
		});
		expect(credits()).toBe(997);
		const batch = await finished(answer.json.id);
		expect(batch).toMatchObject({
			processedRecords: 3,
			startedAt: expect.any(String),
			sentAt: expect.any(String),
			finishedAt: expect.any(String),
		});

		const sent = await outgoingOf(answer.json.id);
		expect(sent.map((sms) => sms.receiver).sort()).toEqual(['+33611111111', '+33622222222', '+33633330000']);
		for (const sms of sent) expect(sms).toMatchObject({ message: 'Promo -20% today\nSTOP:36111', batchID: answer.json.id, tag: 'promo' });
		// The number ending in 0000 is one the operator refuses.
		expect(await statistics(answer.json.id)).toEqual({
			id: answer.json.id,
			credits: 3,
			estimatedCredits: 3,
			delivered: 2,
			failed: 1,
			pending: 0,
			sent: 3,
			stoplisted: 0,
		});
	});

	it('statistics add up to the receivers at every moment, from all pending to all delivered', async () => {
		const to = Array.from({ length: 50 }, (_, i) => `+3361230${1000 + i}`);
		const deferred = await create({
			message: 'Hi',
			from: 'Alerts',
			noStop: true,
			to,
			deferred: new Date(Date.now() + 86_400_000).toISOString(),
		});
		expect(await statistics(deferred.json.id)).toMatchObject({ pending: 50, sent: 0, delivered: 0, credits: 0, estimatedCredits: 50 });
		const { json } = await create({ message: 'Hi', from: 'Alerts', noStop: true, to });
		const seen: number[] = [];
		await eventually(async () => {
			const s = await statistics(json.id);
			seen.push(s.delivered + s.failed + s.pending + s.stoplisted);
			return s.delivered === 50;
		});
		expect(new Set(seen)).toEqual(new Set([50]));
	});

	it('substitutes the #column# placeholders of a receivers slot per receiver and bills each text by its own parts', async () => {
		const longName = 'B'.repeat(170);
		await createSlot(5, `number;firstname;city\n+33611000011;Alice;Paris\n+33611000012;${longName};Lyon\n`);
		const answer = await create({ message: 'Hi #firstname# from #city#, #unknown# stays', from: '33612345678', slotID: '5' });
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ slotID: '5', receivers: null, totalRecords: 2, estimatedCredits: 1 + 2 });
		await finished(answer.json.id);
		const texts = Object.fromEntries((await outgoingOf(answer.json.id)).map((sms) => [sms.receiver, sms.message]));
		expect(texts).toEqual({
			'+33611000011': 'Hi Alice from Paris, #unknown# stays',
			'+33611000012': `Hi ${longName} from Lyon, #unknown# stays`,
		});
		expect(credits()).toBe(997);
	});

	it('reads the slot once: deleting the list after creation does not change the batch', async () => {
		await createSlot(6, 'number;firstname\n+33611000021;Zoe\n');
		const { json } = await create({ message: 'Hello #firstname#', from: '33612345678', slotID: '6' });
		await ovh(sandbox, 'DELETE', `/sms/${sandbox.serviceName}/receivers/6`);
		await finished(json.id);
		expect((await outgoingOf(json.id)).map((sms) => sms.message)).toEqual(['Hello Zoe']);
	});

	it('lists invalid and duplicate receivers in errors, counts them as failed and bills only the others', async () => {
		const { json } = await create({
			message: 'Hi',
			from: 'Alerts',
			noStop: true,
			to: ['+33611111111', '0033611111111', '0612345678', '+33622222222'],
		});
		expect(json.errors).toEqual([
			{ receiver: '0033611111111', message: expect.stringContaining('Duplicate') },
			{ receiver: '0612345678', message: expect.stringContaining('Invalid receiver') },
		]);
		expect(json.estimatedCredits).toBe(2);
		await finished(json.id);
		expect(await statistics(json.id)).toMatchObject({ delivered: 2, failed: 2, pending: 0, sent: 2, credits: 2 });
	});

	it('does not write to a number on the STOP list, and does not bill it', async () => {
		await sandbox.injectIncoming({ sender: '+33644444444', message: 'STOP' });
		const before = credits();
		const { json } = await create({ message: 'Hi', from: 'MyCompany', to: ['+33644444444', '+33655555555'] });
		expect(json.estimatedCredits).toBe(1);
		await finished(json.id);
		expect(await statistics(json.id)).toMatchObject({ delivered: 1, stoplisted: 1, sent: 1 });
		expect((await outgoingOf(json.id)).map((sms) => sms.receiver)).toEqual(['+33655555555']);
		expect(credits()).toBe(before - 1);
	});

	it('refuses a batch the account cannot pay for, and creates nothing', async () => {
		sandbox.setCredits(1);
		const answer = await create({ message: 'Hi', from: 'MyCompany', to: ['+33611111111', '+33622222222'] });
		expect(answer.status).toBe(403);
		expect(answer.json.message).toBe('Not enough credits to send this batch: 2 needed, 1 left. Nothing was sent.');
		expect((await ovh(sandbox, 'GET', batches())).json).toEqual([]);
		expect(credits()).toBe(1);
	});

	it('refuses malformed bodies with a 400 naming the problem', async () => {
		const base = { message: 'Hi', from: 'MyCompany', to: ['+33611111111'] };
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ ...base, message: undefined }, '[message] Property is mandatory'],
			[{ ...base, slotID: '1' }, 'Give either to or slotID'],
			[{ message: 'Hi', from: 'MyCompany' }, 'Give either to or slotID'],
			[{ ...base, to: [] }, '[to]'],
			[{ ...base, senderForResponse: true }, 'either from or senderForResponse'],
			[{ ...base, from: undefined }, '[from] Property is mandatory'],
			[{ ...base, from: 'Nobody' }, 'The sender "Nobody" does not exist'],
			[{ ...base, from: 'Refused' }, 'not enabled (status: refused)'],
			[{ ...base, deferred: 'tomorrow' }, '[deferred]'],
			[{ ...base, class: 'phoneDisplay' }, '[class]'],
			[{ ...base, receivers: ['+33611111111'] }, 'Received not described parameters: (receivers)'],
			[{ ...base, to: undefined, slotID: '8' }, '[slotID] The receivers slot 8 does not exist'],
			[{ ...base, senderForResponse: true, from: undefined, message: 'See https://example.com' }, 'Links are not allowed'],
		];
		for (const [body, expected] of cases) {
			const answer = await create(body);
			expect({ body, status: answer.status }).toEqual({ body, status: 400 });
			expect(answer.json.message).toContain(expected);
		}
		expect(credits()).toBe(1000);
	});

	it('sends from the short number with senderForResponse, STOP clause included', async () => {
		const { json } = await create({ message: 'Reply YES', senderForResponse: true, to: ['+33611111111'] });
		expect(json.from).toBeNull();
		await finished(json.id);
		const [sms] = await outgoingOf(json.id);
		expect(sms).toMatchObject({ message: 'Reply YES\nSTOP:36111' });
		expect((sms as unknown as { sender: string }).sender).toBe('38123');
	});
});

describe('a deferred batch', () => {
	const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

	it('waits INSERTED until its time; cancelling it gives every credit back and sends nothing', async () => {
		const { json } = await create({
			message: 'Reminder: appointment tomorrow',
			from: 'MyCompany',
			to: ['+33611111111', '+33622222222'],
			deferred: tomorrow(),
		});
		expect(credits()).toBe(998);
		await finished(json.id, 'INSERTED');
		const cancelled = await ovh(sandbox, 'POST', `${batches()}/${json.id}/cancel`);
		expect(cancelled.status).toBe(200);
		expect(['TO_CANCEL', 'CANCELING', 'CANCELED']).toContain(cancelled.json.status);
		await finished(json.id, 'CANCELED');
		expect(credits()).toBe(1000);
		expect(await outgoingOf(json.id)).toEqual([]);
		expect(await statistics(json.id)).toMatchObject({ pending: 0, sent: 0, credits: 0 });
	});

	it('cannot be deleted before it is finished, but can once cancelled', async () => {
		const { json } = await create({ message: 'Later', from: 'MyCompany', to: ['+33611111111'], deferred: tomorrow() });
		const early = await ovh(sandbox, 'DELETE', `${batches()}/${json.id}`);
		expect(early.status).toBe(409);
		expect(early.json.message).toContain('cancel it');
		await ovh(sandbox, 'POST', `${batches()}/${json.id}/cancel`);
		await finished(json.id, 'CANCELED');
		expect((await ovh(sandbox, 'DELETE', `${batches()}/${json.id}`)).status).toBe(200);
		expect((await ovh(sandbox, 'GET', `${batches()}/${json.id}`)).status).toBe(404);
	});

	it('starts on its own at the deferred time, even across a restart', async () => {
		const soon = new Date(Date.now() + 300).toISOString();
		const { json } = await create({ message: 'Now', from: 'MyCompany', to: ['+33611111111'], deferred: soon });
		await sandbox.restart();
		const batch = await finished(json.id);
		expect(Date.parse(batch.startedAt)).toBeGreaterThanOrEqual(Date.parse(soon) - 1000);
	});
});

describe('other batch routes', () => {
	it('a batch that has started cannot be cancelled', async () => {
		const { json } = await create({ message: 'Now', from: 'MyCompany', to: ['+33611111111'] });
		await finished(json.id);
		const answer = await ovh(sandbox, 'POST', `${batches()}/${json.id}/cancel`);
		expect(answer.status).toBe(400);
		expect(answer.json.message).toContain('status: COMPLETED');
	});

	it('renames, lists full objects, and answers 404 for an unknown id', async () => {
		const { json } = await create({ name: 'Draft', message: 'Hi', from: 'MyCompany', to: ['+33611111111'] });
		const renamed = await ovh(sandbox, 'PUT', `${batches()}/${json.id}`, { body: { name: 'Spring sale' } });
		expect(renamed.json.name).toBe('Spring sale');
		const list = await ovh(sandbox, 'GET', batches());
		expect(list.json).toEqual([expect.objectContaining({ id: json.id, name: 'Spring sale', message: 'Hi' })]);
		const unknown = await ovh(sandbox, 'GET', `${batches()}/00000000-0000-0000-0000-000000000000`);
		expect(unknown.status).toBe(404);
	});
});
