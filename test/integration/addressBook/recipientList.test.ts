// Recipient lists (slots 1..9) through the "OVHcloud SMS Address Book" node on n8n's real engine.
import http from 'node:http';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { OvhSmsAddressBook } from '../../../nodes/OvhSmsAddressBook/OvhSmsAddressBook.node';
import { registerNodeType, runNode } from '../../support/n8nEngine';
import { accountOf, credentialsFor } from '../sender/fixtures';
import { runListSearch } from '../../support/nodeMethods';

/** The Recipient List field as the editor saves it, typed "By Slot". */
const slot = (value: string) => ({ __rl: true, mode: 'slot', value });

const TYPE = 'n8n-nodes-ovh-sms.ovhSmsAddressBook';
registerNodeType(TYPE, new OvhSmsAddressBook());

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 10 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

function run(parameters: Record<string, unknown>, items?: any[]) {
	return runNode({
		type: 'ovhSmsAddressBook',
		parameters: { serviceName: accountOf(sandbox), resource: 'recipientList', ...parameters },
		credentials: credentialsFor(sandbox),
		items,
	});
}

const fileItem = (text: string) => ({
	json: {},
	binary: { data: { data: Buffer.from(text, 'utf8').toString('base64'), mimeType: 'text/csv', fileName: 'list.csv' } },
});
const account = () => sandbox.state.accounts[sandbox.serviceName];

describe('recipient lists', () => {
	test('Create from an input CSV: numbers normalised, bad rows reported, placeholders kept, document cleaned up', async () => {
		const csv = 'Phone,firstname\n06 22 00 00 01,Ana\n0033622000002,Ben\nnot a number,Cid\n+33622000001,Ana again\n';
		const result = await run(
			{
				operation: 'create',
				newSlotId: 4,
				listDescription: 'Spring sale',
				listSource: 'binary',
				binaryPropertyName: 'data',
				numberColumn: 'Phone',
			},
			[fileItem(csv)],
		);
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({
			slotId: 4,
			description: 'Spring sale',
			records: 2,
			columns: ['number', 'firstname'],
			rejected: 2,
			rejectedRows: [
				{ line: 4, reason: expect.stringContaining('"not a number" is not a valid phone number') },
				{ line: 5, reason: 'same phone number as line 2' },
			],
			documentDeleted: true,
		});
		expect(account().receivers['4'].csv).toBe('number;firstname\n+33622000001;Ana\n+33622000002;Ben\n');
		expect(Object.keys(sandbox.state.documents)).toEqual([]);
	});

	// Issue 16 §2.6: that OVHcloud has read the file when POST /receivers answers is a guess. As
	// feared (fault receiversDocument: 'readLater'), deleting it at once would leave the list empty.
	test('Create when OVHcloud reads the file later (feared): the file is kept until it expires, and the list fills', async () => {
		sandbox.setFaults({ receiversDocument: 'readLater' });
		const csv = 'number\n+33622000001\n+33622000002\n';
		const result = await run(
			{ operation: 'create', newSlotId: 6, listDescription: 'Later', listSource: 'binary', binaryPropertyName: 'data' },
			[fileItem(csv)],
		);
		expect(result.error?.message).toBeUndefined();
		expect(result.output[0].json).toMatchObject({
			slotId: 6,
			records: 0,
			documentDeleted: false,
			documentExpiresAt: expect.stringMatching(/^\d{4}-/),
			warning: expect.stringContaining('OVHcloud counted 0 of the 2 numbers'),
		});
		const [kept] = Object.values(sandbox.state.documents);
		expect(kept.expirationDate).toBe(result.output[0].json.documentExpiresAt);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(account().receivers['6'].records).toBe(2);
	});

	test('Create as assumed: the file counted in the answer is deleted at once (and would have expired anyway)', async () => {
		const result = await run(
			{ operation: 'create', newSlotId: 7, listDescription: 'Now', listSource: 'binary', binaryPropertyName: 'data' },
			[fileItem('number\n+33622000001\n')],
		);
		expect(result.output[0].json).toMatchObject({ records: 1, documentDeleted: true });
		expect(result.output[0].json).not.toHaveProperty('warning');
		expect(
			sandbox.requests
				.filter((r) => r.method === 'PUT' && r.path.startsWith('/1.0/me/document/'))
				.map((r) => Object.keys(JSON.parse(r.body))),
		).toEqual([['expirationDate']]);
		expect(Object.keys(sandbox.state.documents)).toEqual([]);
	});

	test('Create from a URL that OVHcloud downloads, updated before each send', async () => {
		const server = http.createServer((_req, res) => res.end('number\n+33633000001\n+33633000002\n'));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const csvUrl = `http://127.0.0.1:${(server.address() as any).port}/list.csv`;
			const result = await run({ operation: 'create', newSlotId: 5, listDescription: 'Feed', listSource: 'url', csvUrl, autoUpdate: true });
			expect(result.output[0].json).toMatchObject({ slotId: 5, records: 2, autoUpdate: true, canAutoUpdate: true });
		} finally {
			server.close();
		}
	});

	test('a taken slot is OVHcloud’s conflict error', async () => {
		const result = await run(
			{ operation: 'create', newSlotId: 1, listDescription: 'x', listSource: 'binary', binaryPropertyName: 'data', numberColumn: 'number' },
			[fileItem('number\n+33622000001\n')],
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/409.*slot 1 is already used/);
	});

	test('Get, Get Many, the searchable list, Download and Delete', async () => {
		expect((await run({ operation: 'get', recipientListSlot: slot('1') })).output[0].json).toMatchObject({
			slotId: 1,
			records: 3,
			description: 'Newsletter',
		});
		expect((await run({ operation: 'getMany' })).output.map((item) => item.json.slotId)).toEqual([1]);
		const found = await runListSearch(
			sandbox,
			new OvhSmsAddressBook(),
			TYPE,
			'searchRecipientLists',
			{ serviceName: accountOf(sandbox) },
			'news',
		);
		expect(found.results).toEqual([{ name: '1: Newsletter (3 numbers)', value: '1' }]);

		const downloaded = await run({ operation: 'download', recipientListSlot: slot('1'), binaryPropertyName: 'data' });
		expect(downloaded.output[0].json).toEqual({ slotId: 1, fileName: 'recipient-list-1.csv', records: 3 });
		const text = Buffer.from(downloaded.output[0].binary!.data.data, 'base64').toString('utf8');
		expect(text.split('\n')[0]).toBe('number;firstname;city');

		await run({ operation: 'delete', recipientListSlot: slot('1') });
		expect(account().receivers['1']).toBeUndefined();
	});

	test('Clean quotes the price and spends nothing unless asked; a maximum guards the spending', async () => {
		const credits = account().creditsLeft;
		const quote = await run({ operation: 'clean', recipientListSlot: slot('1'), cleaningType: 'hlr', spendCredits: false });
		expect(quote.output[0].json).toMatchObject({ quotedCredits: 0.3, spent: false });
		expect(account().creditsLeft).toBe(credits);

		const tooDear = await run({
			operation: 'clean',
			recipientListSlot: slot('1'),
			cleaningType: 'hlr',
			spendCredits: true,
			maxCredits: 0.2,
		});
		expect(tooDear.status).toBe('error');
		expect(tooDear.error?.message).toMatch(/0.3 credits, above the maximum of 0.2/);
		expect(account().creditsLeft).toBe(credits);

		const cleaned = await run({ operation: 'clean', recipientListSlot: slot('1'), cleaningType: 'hlr', spendCredits: true, maxCredits: 1 });
		expect(cleaned.output[0].json).toMatchObject({ spent: true, creditsRemoved: 0.3, taskId: expect.any(Number) });
		expect(account().creditsLeft).toBeCloseTo(credits - 0.3);
	});
});
