import { startSandbox, type Sandbox } from '../../../sandbox';
import { httpRequest, ovh } from './ovh-test-client';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 10 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

describe('/me/document', () => {
	it('creates a document whose unsigned putUrl stores the bytes, then reads and deletes it', async () => {
		const created = await ovh(sandbox, 'POST', '/me/document', { body: { name: 'list.csv', tags: [{ key: 'app', value: 'n8n' }] } });
		expect(created.status).toBe(200);
		expect(created.json).toMatchObject({
			id: expect.any(String),
			name: 'list.csv',
			size: 0,
			tags: [{ key: 'app', value: 'n8n' }],
			putUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
			getUrl: expect.any(String),
		});
		const put = await httpRequest('PUT', created.json.putUrl, { headers: { 'Content-Type': 'text/csv' }, body: 'number\n+33611111111\n' });
		expect(put.status).toBe(200);
		const read = await ovh(sandbox, 'GET', `/me/document/${created.json.id}`);
		expect(read.json.size).toBe(20);
		expect((await httpRequest('GET', read.json.getUrl)).text).toBe('number\n+33611111111\n');
		expect((await ovh(sandbox, 'GET', '/me/document')).json).toEqual([created.json.id]);
		expect((await ovh(sandbox, 'DELETE', `/me/document/${created.json.id}`)).status).toBe(200);
		expect((await ovh(sandbox, 'GET', `/me/document/${created.json.id}`)).status).toBe(404);
		expect((await ovh(sandbox, 'GET', '/me/document')).json).toEqual([]);
	});

	it('refuses a missing name and undescribed fields like OVHcloud', async () => {
		const noName = await ovh(sandbox, 'POST', '/me/document', { body: {} });
		expect(noName.json).toEqual({ class: 'Client::BadRequest', message: '[name] Property is mandatory' });
		const extra = await ovh(sandbox, 'POST', '/me/document', { body: { name: 'a', size: 3 } });
		expect(extra.status).toBe(400);
		expect(extra.json.message).toMatch(/not described parameters: \(size\)/);
	});

	it('forgets a document once its expirationDate has passed', async () => {
		const created = await ovh(sandbox, 'POST', '/me/document', { body: { name: 'tmp.csv' } });
		const past = new Date(Date.now() - 60_000).toISOString();
		expect((await ovh(sandbox, 'PUT', `/me/document/${created.json.id}`, { body: { expirationDate: past } })).status).toBe(200);
		expect((await ovh(sandbox, 'GET', `/me/document/${created.json.id}`)).status).toBe(404);
	});

	it('answers CORS set-up and batch GET', async () => {
		expect((await ovh(sandbox, 'POST', '/me/document/cors', { body: { origin: 'http://127.0.0.1' } })).status).toBe(200);
		const a = await ovh(sandbox, 'POST', '/me/document', { body: { name: 'a' } });
		const b = await ovh(sandbox, 'POST', '/me/document', { body: { name: 'b' } });
		const batch = await ovh(sandbox, 'GET', `/me/document/${a.json.id},${b.json.id}`, { headers: { 'X-Ovh-Batch': ',' } });
		expect(batch.json.map((item: any) => item.value.name)).toEqual(['a', 'b']);
	});
});
