import { startSandbox, type Sandbox } from '../../../sandbox';
import { uploadDocument } from './contactsHelpers';
import { eventually, httpRequest, ovh } from './ovh-test-client';

let sandbox: Sandbox;
const books = (path = '') => `/sms/${sandbox.serviceName}/phonebooks${path}`;

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 10 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

async function contactsOf(bookKey: string) {
	const ids = (await ovh(sandbox, 'GET', books(`/${bookKey}/phonebookContact`))).json as number[];
	if (ids.length === 0) return [];
	const batch = await ovh(sandbox, 'GET', books(`/${bookKey}/phonebookContact/${ids.join(',')}`), { headers: { 'X-Ovh-Batch': ',' } });
	return batch.json.map((item: any) => item.value);
}

describe('address books', () => {
	it('has the seeded "Customers" book with its contacts', async () => {
		const keys = (await ovh(sandbox, 'GET', books())).json as string[];
		expect(keys).toHaveLength(1);
		expect((await ovh(sandbox, 'GET', books(`/${keys[0]}`))).json).toEqual({
			bookKey: keys[0],
			name: 'Customers',
			phoneKey: expect.any(String),
		});
		const contacts = await contactsOf(keys[0]);
		expect(contacts).toHaveLength(4);
		expect(contacts[0]).toEqual({
			id: expect.any(Number),
			group: 'VIP',
			name: 'Martin',
			surname: 'Alice',
			homeMobile: '+33611000001',
			homePhone: null,
			workMobile: null,
			workPhone: null,
		});
	});

	it('creates, renames and deletes a book', async () => {
		const created = await ovh(sandbox, 'POST', books(), { body: { name: 'Suppliers' } });
		expect(typeof created.json).toBe('string');
		expect((await ovh(sandbox, 'PUT', books(`/${created.json}`), { body: { name: 'Vendors' } })).status).toBe(200);
		expect((await ovh(sandbox, 'GET', books(`/${created.json}`))).json.name).toBe('Vendors');
		expect((await ovh(sandbox, 'DELETE', books(`/${created.json}`))).status).toBe(200);
		expect((await ovh(sandbox, 'GET', books(`/${created.json}`))).json).toEqual({
			class: 'Client::NotFound',
			message: `The requested object (id = ${created.json}) does not exist`,
		});
	});
});

describe('contacts', () => {
	let bookKey: string;
	beforeEach(async () => {
		bookKey = (await ovh(sandbox, 'POST', books(), { body: { name: 'Test' } })).json;
	});

	it('requires group, name and surname, and international numbers', async () => {
		const missing = await ovh(sandbox, 'POST', books(`/${bookKey}/phonebookContact`), { body: { name: 'A', surname: 'B' } });
		expect(missing.json).toEqual({ class: 'Client::BadRequest', message: '[group] Property is mandatory' });
		const national = await ovh(sandbox, 'POST', books(`/${bookKey}/phonebookContact`), {
			body: { group: 'g', name: 'A', surname: 'B', homeMobile: '0612345678' },
		});
		expect(national.status).toBe(400);
		expect(national.json.message).toMatch(/homeMobile.*internationalPhoneNumber/);
	});

	it('creates, updates and deletes a contact; numbers are stored as +…', async () => {
		const id = (
			await ovh(sandbox, 'POST', books(`/${bookKey}/phonebookContact`), {
				body: { group: 'g', name: 'Doe', surname: 'John', homeMobile: '0033611111111' },
			})
		).json;
		expect(typeof id).toBe('number');
		const path = books(`/${bookKey}/phonebookContact/${id}`);
		expect((await ovh(sandbox, 'GET', path)).json).toMatchObject({ id, homeMobile: '+33611111111', workPhone: null });
		expect((await ovh(sandbox, 'PUT', path, { body: { surname: 'Jack', workPhone: '+33144444444', homeMobile: null } })).status).toBe(200);
		expect((await ovh(sandbox, 'GET', path)).json).toMatchObject({ surname: 'Jack', workPhone: '+33144444444', homeMobile: null });
		expect((await ovh(sandbox, 'DELETE', path)).status).toBe(200);
		expect((await ovh(sandbox, 'GET', path)).status).toBe(404);
	});

	it('imports a ; separated document in the background, skipping accented and invalid rows; the task is not readable at /task', async () => {
		const file = [
			'group;name;surname;homeMobile;workPhone',
			'VIP;Doe;John;+33611111111;',
			';Roe;Jane;;+33144444444',
			'x;Lefèvre;Zoé;+33622222222;',
			'x;Bad;Number;0612;',
			'x;Doe;John;+33611111111;',
		].join('\n');
		const documentId = await uploadDocument(sandbox, 'contacts.csv', file);
		const task = await ovh(sandbox, 'POST', books(`/${bookKey}/import`), { body: { documentId } });
		expect(task.status).toBe(200);
		expect(task.json).toMatchObject({
			taskId: expect.any(Number),
			status: 'todo',
			message: expect.stringContaining('2 line(s) skipped (4, 5)'),
		});
		// OVHcloud's sms.Task model describes receiver cleaning only: the import is not a task of /task.
		const read = await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/task/${task.json.taskId}`);
		expect(read.status).toBe(404);
		const listed = await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/task`);
		expect(listed.json).not.toContain(task.json.taskId);
		const contacts = await eventually(async () => {
			const read = await contactsOf(bookKey);
			return read.length === 3 && read;
		});
		// OVHcloud's import does not deduplicate: the repeated row is created twice.
		expect(contacts.map((c: any) => `${c.group}/${c.name}`)).toEqual(['VIP/Doe', 'default/Roe', 'x/Doe']);
	});

	it('refuses an import of a missing or empty document', async () => {
		const unknown = await ovh(sandbox, 'POST', books(`/${bookKey}/import`), { body: { documentId: 'nope' } });
		expect(unknown.status).toBe(400);
		const empty = await ovh(sandbox, 'POST', '/me/document', { body: { name: 'e.csv' } });
		const emptyImport = await ovh(sandbox, 'POST', books(`/${bookKey}/import`), { body: { documentId: empty.json.id } });
		expect(emptyImport.json.message).toMatch(/empty/);
	});

	it('exports the book as a ; separated CSV file at a URL', async () => {
		const keys = (await ovh(sandbox, 'GET', books())).json as string[];
		const seeded = keys.find((key) => key !== bookKey)!;
		const badFormat = await ovh(sandbox, 'GET', books(`/${seeded}/export?format=xls`));
		expect(badFormat.status).toBe(400);
		const file = await ovh(sandbox, 'GET', books(`/${seeded}/export?format=csv`));
		expect(file.json).toMatchObject({ filename: 'Customers.csv', status: 'done', url: expect.any(String) });
		const csv = (await httpRequest('GET', file.json.url)).text;
		expect(csv.split('\n')[0]).toBe('group;name;surname;homeMobile;homePhone;workMobile;workPhone');
		expect(csv).toContain('VIP;Bernard;Bruno;+33611000002;;;+33144000002');
	});
});
