// The Campaign resource on n8n's real engine against the sandbox's /batches: what a user's
// campaign workflows do, checked in what the sandbox really sent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { runNode } from '../../support/n8nEngine';
const CAMPAIGN_NODE_TYPE = 'ovhSms';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 5, credits: 100_000 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

const account = () => sandbox.state.accounts[sandbox.serviceName];
const writes = () => sandbox.requests.filter((request) => request.method !== 'GET');

function run(parameters: IDataObject, items?: Array<IDataObject | INodeExecutionData>, continueOnFail = false) {
	return runNode({
		type: CAMPAIGN_NODE_TYPE,
		parameters: {
			resource: 'campaign',
			serviceName: { __rl: true, mode: 'id', value: sandbox.serviceName },
			...parameters,
		},
		items,
		credentials: { ovhCloudApi: { endpoint: 'custom', customEndpoint: sandbox.apiBaseUrl, ...sandbox.credentials } },
		continueOnFail,
	});
}

function csvItem(csv: string, fileName = 'customers.csv'): INodeExecutionData {
	return { json: {}, binary: { data: { data: Buffer.from(csv).toString('base64'), mimeType: 'text/csv', fileName } } };
}

const fromCsv = (message: string, extra: IDataObject = {}): IDataObject => ({
	operation: 'create',
	campaignName: 'Monday promotion',
	senderType: 'sender',
	sender: { __rl: true, mode: 'name', value: 'MyCompany' },
	recipientSource: 'csv',
	binaryPropertyName: 'data',
	csvColumn: 'number',
	message,
	startMode: 'now',
	...extra,
});

const fast = { waitForCompletion: true, waitOptions: { pollIntervalSeconds: 0.05, timeLimitMinutes: 2 } };

function sentTexts(batchId: string): Map<string, string> {
	const texts = new Map<string, string>();
	for (const sms of Object.values(account().outgoing)) if (sms.batchID === batchId) texts.set(sms.receiver, sms.message);
	return texts;
}

describe('Campaign › Create from a CSV file', () => {
	test('20,000 receivers, two placeholders: each receiver gets its own text, and the statistics add up', async () => {
		const cities = ['Paris', 'Lyon', 'Nantes', 'Lille'];
		const lines = ['number;firstname;city;unused'];
		for (let i = 0; i < 20_000; i++) lines.push(`+3361${String(i).padStart(7, '0')};Name${i};${cities[i % 4]};x`);
		const creditsBefore = account().creditsLeft;

		const { output, status, error } = await run(
			fromCsv('Hello #firstname#, our #city# shop has -20% this Monday', { ...fast, options: { noStopClause: true } }),
			[csvItem(lines.join('\n'))],
		);

		expect(error).toBeUndefined();
		expect(status).toBe('success');
		expect(output).toHaveLength(1);
		const result = output[0].json as IDataObject & { statistics: IDataObject; estimate: IDataObject; id: string };
		expect(result).toMatchObject({ finished: true, status: 'COMPLETED', totalRecords: 20_000, rejectedCount: 0 });
		// Numbers ending 0000 are refused by the operator and 0001 are absent: i = 0, 1, 10000, 10001.
		expect(result.statistics).toMatchObject({ delivered: 19_996, failed: 4, pending: 0, stoplisted: 0, sent: 20_000 });
		const { delivered, failed, pending, stoplisted } = result.statistics as Record<string, number>;
		expect(delivered + failed + pending + stoplisted).toBe(20_000);
		expect(result.summary).toBe('19,996 delivered, 4 failed');
		expect(result.estimate).toMatchObject({ recipients: 20_000, partsPerMessage: 1, credits: 20_000 });
		expect(account().creditsLeft).toBe(creditsBefore - 20_000);

		const texts = sentTexts(result.id);
		expect(texts.size).toBe(20_000);
		for (const i of [0, 1, 2, 7777, 19_999]) {
			expect(texts.get(`+3361${String(i).padStart(7, '0')}`)).toBe(`Hello Name${i}, our ${cities[i % 4]} shop has -20% this Monday`);
		}
		expect(new Set(texts.values()).size).toBe(20_000);
		// The list the campaign went through is gone, and the account's own lists are untouched.
		expect(result.temporaryRecipientList).toMatchObject({ removed: true });
		expect(Object.keys(account().receivers)).toEqual(['1']);
	});

	test('an unknown placeholder is refused before anything is sent, naming it and the columns', async () => {
		sandbox.clearRequests();
		const { status, error } = await run(fromCsv('Hello #first_name#, see you in #city#'), [
			csvItem('number;firstname;city\n+33611111111;Alice;Paris\n'),
		]);
		expect(status).toBe('error');
		expect(error?.message).toBe(
			'The message uses #first_name#, which is not a column of the CSV file "customers.csv" (columns: number, firstname, city).',
		);
		expect(writes()).toEqual([]);
		expect(Object.values(account().batches)).toEqual([]);
	});

	test('one campaign per CSV item: with continue on fail a bad file is an error item paired with its input, the next file still becomes a campaign', async () => {
		const { output } = await run(
			fromCsv('Hi #firstname#'),
			[csvItem('phone;firstname\n+33611111111;Alice\n', 'bad.csv'), csvItem('number;firstname\n+33622222222;Bob\n', 'good.csv')],
			true,
		);
		expect(output).toHaveLength(2);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json.error).toContain('no column "number"');
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[1].json).toMatchObject({ name: 'Monday promotion' });
		expect(Object.values(account().batches)).toHaveLength(1);
	});

	test('rows without a usable number are reported, the others sent; the STOP mention is added for a sender name', async () => {
		const { output } = await run(fromCsv('Hi #firstname#', fast), [
			csvItem('number;firstname\n06 11 11 11 11;Alice\nnope;Bob\n+33611111111;Alice again\n+33622222222;Chloé\n'),
		]);
		const result = output[0].json as IDataObject & { id: string };
		expect(result).toMatchObject({ rejectedCount: 2, summary: '2 delivered, 0 failed' });
		expect(result.rejected).toEqual([
			{ line: 3, value: 'nope', reason: expect.any(String) },
			{ line: 4, value: '+33611111111', reason: 'duplicate of line 2' },
		]);
		expect(Object.fromEntries(sentTexts(result.id))).toEqual({
			'+33611111111': 'Hi Alice\nSTOP:36111',
			'+33622222222': 'Hi Chloé\nSTOP:36111',
		});
	});

	test('a placeholder value outside GSM-7 stops the campaign, unless lookalikes are allowed', async () => {
		const csv = 'number;firstname\n+33611111111;François\n';
		const refused = await run(fromCsv('Bonjour #firstname#'), [csvItem(csv)]);
		expect(refused.error?.message).toContain('line 2, column firstname: "François" (ç)');
		expect(Object.values(account().batches)).toEqual([]);

		const { output } = await run(fromCsv('Bonjour #firstname#', { ...fast, options: { noStopClause: true, transliteration: 'lossy' } }), [
			csvItem(csv),
		]);
		expect([...sentTexts(output[0].json.id as string).values()]).toEqual(['Bonjour FranÇois']);
	});

	test('a campaign whose answer is lost is not created twice, and keeps the list it may still need', async () => {
		sandbox.setFaults({ cutAfterAcceptRate: 1 });
		const { error } = await run(fromCsv('Hi #firstname#'), [csvItem('number;firstname\n+33611111111;Alice\n')]);
		sandbox.setFaults({});
		expect(error?.message).toContain('may have been processed');
		expect(sandbox.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/batches'))).toHaveLength(1);
		expect(Object.values(account().batches)).toHaveLength(1);
		expect(Object.keys(account().receivers).sort()).toEqual(['1', '9']);
	});

	test('with all nine recipient lists in use, a personalised campaign stops before sending', async () => {
		for (let slot = 2; slot <= 9; slot++) account().receivers[slot] = { ...account().receivers['1'], slotId: slot };
		sandbox.clearRequests();
		const { error } = await run(fromCsv('Hi #firstname#'), [csvItem('number;firstname\n+33611111111;Alice\n')]);
		expect(error?.message).toContain('All 9 recipient lists of the SMS account are in use');
		expect(writes()).toEqual([]);
	});

	test('a dry run estimates from the longest personalised text and creates nothing', async () => {
		sandbox.clearRequests();
		const { output } = await run(fromCsv(`Hi #firstname#! ${'x'.repeat(140)}`, { options: { dryRun: true } }), [
			csvItem(`number;firstname\n+33611111111;Al\n+33622222222;${'B'.repeat(30)}\n+33633333333;Cy\n`),
		]);
		expect(output[0].json).toMatchObject({
			dryRun: true,
			estimate: {
				recipients: 3,
				partsPerMessage: 2,
				credits: 6,
				creditsLeft: 100_000,
				creditsAfter: 99_994,
				enoughCredits: true,
				longestMessage: `Hi ${'B'.repeat(30)}! ${'x'.repeat(140)}`,
			},
		});
		expect(writes()).toEqual([]);
	});
});

describe('Campaign › Create from input items', () => {
	const fromItems = (extra: IDataObject = {}): IDataObject => ({
		operation: 'create',
		campaignName: 'Appointments',
		senderType: 'sender',
		sender: { __rl: true, mode: 'name', value: '33612345678' },
		recipientSource: 'items',
		phoneNumber: '={{ $json.phone }}',
		message: '=Hello {{ $json.name }}, see you tomorrow at {{ $json.time }} ✂️',
		startMode: 'now',
		...extra,
	});
	const people = [
		{ phone: '+33611111111', name: 'Alice', time: '9:00' },
		{ phone: '06 22 22 22 22', name: 'Bob', time: '10:30' },
		{ phone: 'unknown', name: 'Carl', time: '11:00' },
	];

	test('one campaign for all items, each receiver with its own {{ }} text, emoji kept', async () => {
		const { output } = await run(fromItems(fast), people);
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const result = output[0].json as IDataObject & { id: string };
		expect(result).toMatchObject({
			summary: '2 delivered, 0 failed',
			rejected: [{ item: 2, value: 'unknown', reason: expect.any(String) }],
		});
		expect(Object.values(account().batches)).toHaveLength(1);
		expect(Object.fromEntries(sentTexts(result.id))).toEqual({
			'+33611111111': 'Hello Alice, see you tomorrow at 9:00 ✂️',
			'+33622222222': 'Hello Bob, see you tomorrow at 10:30 ✂️',
		});
	});

	test('the same text for every item goes as a plain receiver list, without a recipient list', async () => {
		sandbox.clearRequests();
		const { output } = await run(fromItems({ ...fast, message: 'Shop closed tomorrow' }), people.slice(0, 2));
		expect(output[0].json).toMatchObject({ receivers: ['+33611111111', '+33622222222'], summary: '2 delivered, 0 failed' });
		expect(writes().map((request) => request.path)).toEqual([`/1.0/sms/${sandbox.serviceName}/batches`]);
	});
});

describe('Campaign › Create: the sender, checked before anything is created', () => {
	const csv = 'number\n+33611111111\n';
	test.each([
		['an empty Sender', { sender: { __rl: true, mode: 'name', value: ' ' } }, /^"Sender" is empty: nothing was created/],
		[
			'a Sender Type the editor does not offer (a workflow edited by hand)',
			{ senderType: 'virtualNumber' },
			/^"Sender Type" is "virtualNumber": use one of sender, shortNumber; nothing was created/,
		],
	])('%s fails the item with the field named', async (_case, extra, error) => {
		const result = await run(fromCsv('Spring sale', extra), [csvItem(csv)]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(error);
		expect(writes()).toEqual([]);
	});

	test('the short number: the batch is sent to be answered, from no sender name', async () => {
		const { output } = await run(fromCsv('Spring sale', { senderType: 'shortNumber' }), [csvItem(csv)]);
		expect(output[0].json).toMatchObject({ status: expect.any(String) });
		const post = sandbox.requests.find((request) => request.method === 'POST' && request.path.endsWith('/batches'))!;
		expect(JSON.parse(post.body)).toMatchObject({ senderForResponse: true });
		expect(JSON.parse(post.body)).not.toHaveProperty('from');
	});
});

describe('Campaign › scheduled, then cancelled before its start', () => {
	test('waits for its date, cancelling gives the credits back and nothing is ever sent', async () => {
		const creditsBefore = account().creditsLeft;
		const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
		const created = await run(fromCsv('Reminder for #firstname#', { startMode: 'scheduled', startAt: tomorrow }), [
			csvItem('number;firstname\n+33611111111;Alice\n+33622222222;Bob\n'),
		]);
		const campaign = created.output[0].json as IDataObject & { id: string };
		expect(campaign.status).toBe('INSERTED');
		expect(account().creditsLeft).toBe(creditsBefore - 2);

		const cancelled = await run({ operation: 'cancel', campaignId: campaign.id });
		expect(['TO_CANCEL', 'CANCELING', 'CANCELED']).toContain(cancelled.output[0].json.status);
		const statistics = await run({ operation: 'getStatistics', campaignId: campaign.id, ...fast });
		expect(statistics.output[0].json).toMatchObject({ id: campaign.id, finished: true, status: 'CANCELED', sent: 0, credits: 0 });
		expect(account().creditsLeft).toBe(creditsBefore);
		expect(sentTexts(campaign.id).size).toBe(0);
	});

	test('a start date in the past is refused before anything is sent', async () => {
		sandbox.clearRequests();
		const { error } = await run(fromCsv('Hi', { startMode: 'scheduled', startAt: '2020-01-01T09:00:00Z' }), [
			csvItem('number\n+33611111111\n'),
		]);
		expect(error?.message).toContain('is in the past');
		expect(writes()).toEqual([]);
	});
});

describe('Campaign › to a recipient list and the other operations', () => {
	test('the seeded list with its placeholders, then get, get many, rename, statistics and delete', async () => {
		const created = await run({
			operation: 'create',
			campaignName: 'Newsletter',
			senderType: 'shortNumber',
			recipientSource: 'recipientList',
			recipientListSlot: 1,
			message: 'Hi #firstname# from #city#, reply YES',
			startMode: 'now',
			...fast,
		});
		const id = created.output[0].json.id as string;
		// The seeded list's +33611000001 ends in 0001: an absent subscriber.
		expect(created.output[0].json).toMatchObject({ slotID: '1', summary: '2 delivered, 1 failed', estimate: { recipients: 3 } });
		expect(sentTexts(id).get('+33611000002')).toBe('Hi Bruno from Lyon, reply YES\nSTOP:36111');

		const got = await run({ operation: 'get', campaignId: id });
		expect(got.output[0].json).toMatchObject({ id, status: 'COMPLETED', progressPercent: 100, errorCount: 0 });
		await run({ operation: 'rename', campaignId: id, newCampaignName: 'Newsletter #12' });
		const many = await run({ operation: 'getMany', returnAll: true, campaignFilters: { status: ['COMPLETED'] } });
		expect(many.output.map((item) => item.json.name)).toEqual(['Newsletter #12']);
		const statistics = await run({ operation: 'getStatistics', campaignId: id });
		expect(statistics.output[0].json).toMatchObject({ delivered: 2, failed: 1, summary: '2 delivered, 1 failed' });
		const deleted = await run({ operation: 'delete', campaignId: id });
		expect(deleted.output[0].json).toEqual({ id, deleted: true });
		expect(account().batches[id]).toBeUndefined();
	});

	test('a placeholder that is not a column of the list is refused before sending', async () => {
		const { error } = await run({
			operation: 'create',
			campaignName: 'Newsletter',
			senderType: 'sender',
			sender: { __rl: true, mode: 'name', value: 'MyCompany' },
			recipientSource: 'recipientList',
			recipientListSlot: 1,
			message: 'Hi #name#',
			startMode: 'now',
		});
		expect(error?.message).toBe('The message uses #name#, which is not a column of recipient list 1 (columns: number, firstname, city).');
		expect(Object.values(account().batches)).toEqual([]);
	});

	test('OVHcloud refusals come through with its words, per item with continue on fail', async () => {
		const { output } = await run({ operation: 'cancel', campaignId: 'no-such-campaign' }, [{}], true);
		expect(output[0].json.error).toContain('The requested object (id = no-such-campaign) does not exist');
	});
});

describe('Campaign › the example workflow examples/workflows/scheduled-campaign-from-csv.json', () => {
	test('its campaign node, fed the CSV its first nodes make, posts "3 delivered, 1 failed"', async () => {
		const workflow = JSON.parse(readFileSync(path.join(__dirname, '../../../examples/workflows/scheduled-campaign-from-csv.json'), 'utf8'));
		const node = workflow.nodes.find((n: { type: string }) => n.type === 'n8n-nodes-ovh-sms.ovhSms');
		expect(node.parameters).toMatchObject({ resource: 'campaign', operation: 'create', waitForCompletion: true });
		// What Code + Convert to File (CSV, ";") make of the example's customers.
		const csv =
			'number;firstname;city\n+33611000011;Alice;Paris\n+33611000012;Bruno;Lyon\n+33611000013;Chloe;Nantes\n+33611000000;Dan;Lille\n';
		// runNode sets the authentication itself, from the credentials it is given.
		const parameters = { ...node.parameters, waitOptions: fast.waitOptions };
		delete parameters.authentication;
		const { output, error } = await run(parameters, [csvItem(csv)]);
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ finished: true, summary: '3 delivered, 1 failed' });
		expect(sentTexts(output[0].json.id as string).get('+33611000012')).toBe('Hello Bruno, -20% in our Lyon shop today only!\nSTOP:36111');
	});
});
