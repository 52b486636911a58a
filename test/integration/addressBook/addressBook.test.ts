// The "OVHcloud SMS Address Book" node on n8n's real engine against the sandbox: address books,
// contacts (upsert included), and the CSV export.
import { startSandbox, type Sandbox } from '../../../sandbox';
import { OvhSmsAddressBook } from '../../../nodes/OvhSmsAddressBook/OvhSmsAddressBook.node';
import { registerNodeType, runNode } from '../../support/n8nEngine';
import { accountOf, byId, credentialsFor } from '../sender/fixtures';
import { runListSearch } from '../../support/nodeMethods';

const TYPE = 'n8n-nodes-ovh-sms.ovhSmsAddressBook';
registerNodeType(TYPE, new OvhSmsAddressBook());
const CUSTOMERS = 'b0c5a1d2e3f40001';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 10 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

function run(parameters: Record<string, unknown>, extra: { items?: any[]; continueOnFail?: boolean } = {}) {
	return runNode({
		type: 'ovhSmsAddressBook',
		parameters: { serviceName: accountOf(sandbox), ...parameters },
		credentials: credentialsFor(sandbox),
		...extra,
	});
}

const book = () => sandbox.state.accounts[sandbox.serviceName].phonebooks;
const contactsOf = (bookKey: string) => Object.values(book()[bookKey].contacts);

describe('address books', () => {
	test('Create, Get (with its contact count), Get Many, Rename and Delete', async () => {
		const created = await run({ resource: 'addressBook', operation: 'create', bookName: 'Suppliers' });
		const bookKey = created.output[0].json.bookKey as string;
		expect(created.output[0].json).toEqual({ bookKey, name: 'Suppliers', phoneKey: expect.any(String) });

		const customers = await run({ resource: 'addressBook', operation: 'get', addressBook: byId(CUSTOMERS) });
		expect(customers.output[0].json).toMatchObject({ name: 'Customers', contactCount: 4 });

		const all = await run({ resource: 'addressBook', operation: 'getMany', returnAll: true });
		expect(all.output.map((item) => item.json.name).sort()).toEqual(['Customers', 'Suppliers']);

		const renamed = await run({ resource: 'addressBook', operation: 'rename', addressBook: byId(bookKey), newName: 'Vendors' });
		expect(renamed.output[0].json.name).toBe('Vendors');

		await run({ resource: 'addressBook', operation: 'delete', addressBook: byId(bookKey) });
		expect(book()[bookKey]).toBeUndefined();
	});

	test('the address book list is searchable by name', async () => {
		const found = await runListSearch(
			sandbox,
			new OvhSmsAddressBook(),
			TYPE,
			'searchAddressBooks',
			{ serviceName: accountOf(sandbox) },
			'cust',
		);
		expect(found.results).toEqual([{ name: 'Customers', value: CUSTOMERS }]);
	});

	test('Export gives a ; separated CSV binary item of every contact', async () => {
		const result = await run({ resource: 'addressBook', operation: 'export', addressBook: byId(CUSTOMERS), binaryPropertyName: 'file' });
		expect(result.output[0].json).toMatchObject({ name: 'Customers', contacts: 4, fileName: 'Customers.csv' });
		const binary = result.output[0].binary!.file;
		expect(binary).toMatchObject({ mimeType: 'text/csv', fileName: 'Customers.csv' });
		const lines = Buffer.from(binary.data, 'base64').toString('utf8').trim().split('\n');
		expect(lines[0]).toBe('group;name;surname;homeMobile;homePhone;workMobile;workPhone');
		expect(lines).toContain('VIP;Bernard;Bruno;+33611000002;;;+33144000002');
		expect(lines).toHaveLength(5);
	});
});

describe('contacts', () => {
	test('Create normalises its numbers; Get, Update and Delete follow', async () => {
		const created = await run({
			resource: 'contact',
			operation: 'create',
			addressBook: byId(CUSTOMERS),
			group: 'Leads',
			name: 'Doe',
			surname: 'John',
			phoneNumbers: { homeMobile: '06 99 00 00 01', workPhone: '0033 1 44 00 00 99' },
		});
		expect(created.status).toBe('success');
		const contact = created.output[0].json;
		expect(contact).toMatchObject({ group: 'Leads', homeMobile: '+33699000001', workPhone: '+33144000099', addressBook: CUSTOMERS });

		const read = await run({ resource: 'contact', operation: 'get', addressBook: byId(CUSTOMERS), contactId: contact.id });
		expect(read.output[0].json).toEqual(contact);

		const updated = await run({
			resource: 'contact',
			operation: 'update',
			addressBook: byId(CUSTOMERS),
			contactId: contact.id,
			updateFields: { surname: 'Jack', workMobile: '+32 470 12 34 56' },
		});
		expect(updated.output[0].json).toMatchObject({ surname: 'Jack', workMobile: '+32470123456', homeMobile: '+33699000001' });

		await run({ resource: 'contact', operation: 'delete', addressBook: byId(CUSTOMERS), contactId: contact.id });
		expect(contactsOf(CUSTOMERS)).toHaveLength(4);
	});

	test('national numbers use the Default Country', async () => {
		const created = await run({
			resource: 'contact',
			operation: 'create',
			addressBook: byId(CUSTOMERS),
			group: 'Belgium',
			name: 'Peeters',
			surname: 'Jan',
			phoneNumbers: { homeMobile: '0470 12 34 56' },
			defaultCountry: 'BE',
		});
		expect(created.output[0].json.homeMobile).toBe('+32470123456');
	});

	test('a bad number fails the item naming the field, before any call; other items go on', async () => {
		sandbox.clearRequests();
		const result = await run(
			{
				resource: 'contact',
				operation: 'create',
				addressBook: byId(CUSTOMERS),
				group: 'g',
				name: '={{ $json.name }}',
				surname: 's',
				phoneNumbers: { homeMobile: '={{ $json.mobile }}' },
			},
			{
				items: [
					{ name: 'Bad', mobile: '12' },
					{ name: 'Good', mobile: '+33699000003' },
				],
				continueOnFail: true,
			},
		);
		// The field as the user reads it, not OVHcloud's internal name (homeMobile).
		expect(result.output[0].json.error).toBe(
			'"Home Mobile" is not a valid phone number: "12" (wrong length for France: 2 digits after +33, expected 9) [item 0]',
		);
		expect(result.output[1].json).toMatchObject({ name: 'Good', homeMobile: '+33699000003' });
		expect(sandbox.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	test.each(['get', 'update', 'delete'])('%s with a Contact ID left empty says so, before any call', async (operation) => {
		// Not set at all, n8n's required check stops the workflow (a number field defaulted to 0 passed it).
		await expect(run({ resource: 'contact', operation, addressBook: byId(CUSTOMERS) })).rejects.toThrow(
			'Parameter "Contact ID" is required',
		);
		sandbox.clearRequests();
		const result = await run(
			{ resource: 'contact', operation, addressBook: byId(CUSTOMERS), contactId: '={{ $json.id }}', updateFields: { group: 'VIP' } },
			{ items: [{ id: '' }, { id: 'abc' }], continueOnFail: true },
		);
		expect(result.output.map((item) => item.json.error)).toEqual([
			'"Contact ID" is empty [item 0]',
			'"Contact ID" must be a contact\'s ID, a whole number such as 5000001 (got "abc") [item 1]',
		]);
		expect(sandbox.requests.filter((r) => r.path.includes('phonebookContact'))).toEqual([]);
	});

	test('Get Many reads through batch GET, optionally one group', async () => {
		sandbox.clearRequests();
		const vip = await run({
			resource: 'contact',
			operation: 'getMany',
			addressBook: byId(CUSTOMERS),
			returnAll: true,
			filters: { group: 'VIP' },
		});
		expect(vip.output.map((item) => item.json.surname)).toEqual(['Alice', 'Bruno']);
		const reads = sandbox.requests.filter((r) => r.path.includes('phonebookContact'));
		expect(reads).toHaveLength(2);
		expect(reads[1].headers['x-ovh-batch']).toBe(',');
		const two = await run({ resource: 'contact', operation: 'getMany', addressBook: byId(CUSTOMERS), returnAll: false, limit: 2 });
		expect(two.output).toHaveLength(2);
	});

	test('Create or Update finds contacts by any number, updates changed ones, creates new ones, and a second run changes nothing', async () => {
		const records = [
			{ name: 'Martin', surname: 'Alicia', mobile: '06 11 00 00 01' }, // seeded Alice, renamed, number in another form
			{ name: 'Bernard', surname: 'Bruno', mobile: '+33611000002' }, // seeded Bruno, unchanged
			{ name: 'New', surname: 'Person', mobile: '+33699000004' },
			{ name: 'Durand', surname: 'David', mobile: '+33144000004' }, // seeded David, found by his work phone
		];
		const parameters = {
			resource: 'contact',
			operation: 'upsert',
			addressBook: byId(CUSTOMERS),
			name: '={{ $json.name }}',
			surname: '={{ $json.surname }}',
			phoneNumbers: { homeMobile: '={{ $json.mobile }}' },
		};
		sandbox.clearRequests();
		const first = await run(parameters, { items: records });
		expect(first.output.map((item) => item.json.action)).toEqual(['updated', 'unchanged', 'created', 'updated']);
		expect(first.output[3].json).toMatchObject({ id: 5000004, changedFields: ['homeMobile'], workPhone: '+33144000004' });
		expect(first.output[0].json).toMatchObject({ id: 5000001, surname: 'Alicia', group: 'VIP', changedFields: ['surname'] });
		expect(first.output[2].json).toMatchObject({ group: 'default', homeMobile: '+33699000004' });
		// One list call and one batch read for the whole execution, then the writes.
		expect(sandbox.requests.filter((r) => r.method === 'GET' && r.path.includes('phonebookContact'))).toHaveLength(2);
		expect(sandbox.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['PUT', 'POST', 'PUT']);

		sandbox.clearRequests();
		const second = await run(parameters, { items: records });
		expect(second.output.map((item) => item.json.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
		expect(sandbox.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
		expect(contactsOf(CUSTOMERS)).toHaveLength(5);
	});

	test('Create or Update does not create the same new number twice within one run', async () => {
		const result = await run(
			{
				resource: 'contact',
				operation: 'upsert',
				addressBook: byId(CUSTOMERS),
				name: '={{ $json.name }}',
				surname: 's',
				phoneNumbers: { workMobile: '+33699000005' },
			},
			{ items: [{ name: 'First' }, { name: 'Second' }] },
		);
		expect(result.output.map((item) => item.json.action)).toEqual(['created', 'updated']);
		expect(contactsOf(CUSTOMERS).filter((c) => c.workMobile === '+33699000005')).toEqual([expect.objectContaining({ name: 'Second' })]);
	});
});
