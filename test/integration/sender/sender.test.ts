// The "OVHcloud SMS Sender" node on n8n's real engine against the sandbox.
import { startSandbox, type Sandbox } from '../../../sandbox';
import { OvhSmsSender } from '../../../nodes/OvhSmsSender/OvhSmsSender.node';
import { registerNodeType, runNode } from '../../support/n8nEngine';
import { accountOf, byId, credentialsFor } from './fixtures';
import { runListSearch } from '../../support/nodeMethods';

const TYPE = 'n8n-nodes-ovh-sms.ovhSmsSender';
registerNodeType(TYPE, new OvhSmsSender());

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 10, senderValidationDelayMs: 150 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

function run(parameters: Record<string, unknown>, extra: { items?: any[]; continueOnFail?: boolean } = {}) {
	return runNode({
		type: 'ovhSmsSender',
		parameters: { serviceName: accountOf(sandbox), ...parameters },
		credentials: credentialsFor(sandbox),
		...extra,
	});
}

const senderPosts = () => sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/senders'));

describe('reading senders', () => {
	test('Get Many lists every sender with its status in words, filtered by status and type', async () => {
		const all = await run({ resource: 'sender', operation: 'getMany', returnAll: true });
		expect(all.status).toBe('success');
		const byName = Object.fromEntries(all.output.map((item) => [item.json.sender, item.json]));
		expect(byName.Pending).toMatchObject({ statusText: 'waiting for validation', canSend: false });
		expect(byName.Disabled).toMatchObject({ statusText: 'disabled', canSend: false });
		expect(byName['33700000001']).toMatchObject({ typeText: 'virtual number', statusText: 'enabled' });

		const enabledAlpha = await run({
			resource: 'sender',
			operation: 'getMany',
			returnAll: true,
			filters: { status: ['enable'], type: ['alpha'] },
		});
		expect(enabledAlpha.output.map((item) => item.json.sender).sort()).toEqual(['Alerts', 'MyCompany']);
		const limited = await run({ resource: 'sender', operation: 'getMany', returnAll: false, limit: 2 });
		expect(limited.output).toHaveLength(2);
	});

	test('Get says a refused sender is refused, with the moderator’s comment', async () => {
		const result = await run({ resource: 'sender', operation: 'get', sender: byId('Refused') });
		expect(result.output[0].json).toMatchObject({
			sender: 'Refused',
			status: 'refused',
			statusText: 'refused',
			refusalComment: 'Brand not justified',
			canSend: false,
		});
	});

	test('the sender list offers every sender with its status', async () => {
		const found = await runListSearch(sandbox, new OvhSmsSender(), TYPE, 'searchSenders', { serviceName: accountOf(sandbox) }, 'pend');
		expect(found.results).toEqual([{ name: 'Pending (waiting for validation)', value: 'Pending' }]);
	});
});

describe('creating senders, the three ways of the control panel', () => {
	test('manually: the request waits for validation, and Wait for Validation follows it to enabled', async () => {
		const result = await run({
			resource: 'sender',
			operation: 'create',
			creationMode: 'manual',
			senderName: 'NewShop',
			senderDescription: 'Our shop',
			reason: 'Our registered brand',
			waitOptions: { waitForValidation: true, timeLimitSeconds: 10, pollIntervalSeconds: 0.05 },
		});
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({
			sender: 'NewShop',
			description: 'Our shop',
			referer: 'custom',
			status: 'enable',
			statusText: 'enabled',
			canSend: true,
			waitTimedOut: false,
		});
		expect(JSON.parse(senderPosts()[0].body)).toEqual({ sender: 'NewShop', reason: 'Our registered brand', description: 'Our shop' });
	});

	test('manually, then refused by the moderator while waiting: the output carries the comment', async () => {
		const running = run({
			resource: 'sender',
			operation: 'create',
			creationMode: 'manual',
			senderName: 'OtherBrand',
			reason: 'A partner’s brand',
			waitOptions: { waitForValidation: true, timeLimitSeconds: 10, pollIntervalSeconds: 0.02 },
		});
		const deadline = Date.now() + 5000;
		while (!sandbox.state.accounts[sandbox.serviceName].senders.OtherBrand && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		sandbox.decideSender('OtherBrand', 'refused', 'Supporting document missing');
		const result = await running;
		expect(result.output[0].json).toMatchObject({
			statusText: 'refused',
			refusalComment: 'Supporting document missing',
			waitTimedOut: false,
		});
	});

	test('manually, without waiting: the output says it is waiting for validation; a short time limit says it timed out', async () => {
		const now = await run({
			resource: 'sender',
			operation: 'create',
			creationMode: 'manual',
			senderName: 'Later',
			reason: 'r',
		});
		expect(now.output[0].json).toMatchObject({ statusText: 'waiting for validation', canSend: false });
		sandbox.reset();
		const timedOut = await run({
			resource: 'sender',
			operation: 'create',
			creationMode: 'manual',
			senderName: 'Later',
			reason: 'r',
			waitOptions: { waitForValidation: true, timeLimitSeconds: 0.05, pollIntervalSeconds: 0.02 },
		});
		expect(timedOut.output[0].json).toMatchObject({ statusText: 'waiting for validation', waitTimedOut: true });
	});

	test.each([
		['ABCDEFGHIJKL', /12 characters/],
		['Café', /"é"/],
		['12345', /5 digits/],
	])('refuses the name %s before calling OVHcloud', async (senderName, reason) => {
		const result = await run({ resource: 'sender', operation: 'create', creationMode: 'manual', senderName, reason: 'r' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(reason);
		expect(senderPosts()).toHaveLength(0);
	});

	test('requesting a sender that exists says so in a sentence, not as a raw 409', async () => {
		const result = await run({ resource: 'sender', operation: 'create', creationMode: 'manual', senderName: 'MyCompany', reason: 'r' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`The sender "MyCompany" already exists on ${accountOf(sandbox).value} [item 0]`);
		expect(result.error?.description).toMatch(/^Nothing was created\. Use the Get operation/);
	});

	test.each([
		['nichandle', 'SandboxSAS', 'nic'],
		['domain', 'example.com', 'domain'],
	])('from %s: the list offers OVHcloud’s names, and the chosen one is enabled at once', async (creationMode, name, referer) => {
		const offered = await runListSearch(sandbox, new OvhSmsSender(), TYPE, 'searchAvailableSenders', {
			serviceName: accountOf(sandbox),
			resource: 'sender',
			operation: 'create',
			creationMode,
		});
		expect(offered.results).toEqual([{ name, value: name }]);
		const result = await run({
			resource: 'sender',
			operation: 'create',
			creationMode,
			availableSender: { __rl: true, mode: 'list', value: name },
		});
		expect(result.output[0].json).toMatchObject({ sender: name, referer, statusText: 'enabled', canSend: true });
		expect(JSON.parse(senderPosts()[0].body)).toEqual({ sender: name, reason: 'sendersAvailableForValidation' });
	});
});

// Issue 16 §2.6: reason "sendersAvailableForValidation" is the control panel's, not a documented
// value. Were it taken as a moderator's text (here: a name the account is not offered, which the
// sandbox moderates), the output must not claim the sender can send.
test('from nichandle, when OVHcloud moderates the request instead (feared): the output says it is waiting, not usable', async () => {
	const result = await run({
		resource: 'sender',
		operation: 'create',
		creationMode: 'nichandle',
		availableSender: { __rl: true, mode: 'id', value: 'OtherBrand' },
	});
	expect(result.status).toBe('success');
	expect(result.output[0].json).toMatchObject({ sender: 'OtherBrand', statusText: 'waiting for validation', canSend: false });
	expect(JSON.parse(senderPosts()[0].body)).toEqual({ sender: 'OtherBrand', reason: 'sendersAvailableForValidation' });
});

describe('managing senders', () => {
	test('Validate with the code OVHcloud sent enables a waiting sender; a wrong code is OVHcloud’s error', async () => {
		const wrong = await run({ resource: 'sender', operation: 'validate', sender: byId('Pending'), code: '000000' });
		expect(wrong.status).toBe('error');
		expect(wrong.error?.message).toMatch(/Invalid validation code/);
		const right = await run({ resource: 'sender', operation: 'validate', sender: byId('Pending'), code: '123456' });
		expect(right.output[0].json).toMatchObject({ sender: 'Pending', statusText: 'enabled' });
	});

	test('Update disables and re-enables a sender and changes its description', async () => {
		const disabled = await run({
			resource: 'sender',
			operation: 'update',
			sender: byId('Alerts'),
			updateFields: { status: 'disable', description: 'Paused' },
		});
		expect(disabled.output[0].json).toMatchObject({ statusText: 'disabled', description: 'Paused' });
		const enabled = await run({ resource: 'sender', operation: 'update', sender: byId('Alerts'), updateFields: { status: 'enable' } });
		expect(enabled.output[0].json).toMatchObject({ statusText: 'enabled', canSend: true });
	});

	test('Delete removes a sender; continue on fail reports an unknown one per item', async () => {
		const result = await run(
			{ resource: 'sender', operation: 'delete', sender: { __rl: true, mode: 'id', value: '={{ $json.name }}' } },
			{ items: [{ name: 'Alerts' }, { name: 'Nobody' }], continueOnFail: true },
		);
		expect(result.output[0].json).toEqual({ sender: 'Alerts', deleted: true });
		expect(result.output[1].json.error).toMatch(/404/);
		expect(result.output[1].pairedItem).toEqual({ item: 1 });
		expect(sandbox.state.accounts[sandbox.serviceName].senders.Alerts).toBeUndefined();
	});

	test('a sender name with a space or a + reaches the API escaped', async () => {
		await run({ resource: 'sender', operation: 'create', creationMode: 'manual', senderName: 'A+B Shop', reason: 'r' });
		const result = await run({ resource: 'sender', operation: 'get', sender: byId('A+B Shop') });
		expect(result.output[0].json).toMatchObject({ sender: 'A+B Shop', statusText: 'waiting for validation' });
	});
});

describe('supporting documents', () => {
	const pdf = Buffer.from('%PDF-1.4 trademark certificate');

	test('Upload creates the document, PUTs the bytes to its upload URL, and Get Many lists it', async () => {
		const result = await run(
			{ resource: 'supportingDocument', operation: 'upload', sender: byId('Pending'), binaryPropertyName: 'data' },
			{ items: [{ json: {}, binary: { data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'inpi.pdf' } } }] },
		);
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ sender: 'Pending', name: 'inpi.pdf', size: pdf.length, uploaded: true });
		expect(result.output[0].json.putUrl).toBeUndefined();
		const stored = Object.values(sandbox.state.accounts[sandbox.serviceName].senders.Pending.documents)[0];
		expect(Buffer.from(sandbox.state.uploads[stored.uploadId].contentBase64, 'base64')).toEqual(pdf);
		const listed = await run({ resource: 'supportingDocument', operation: 'getMany', sender: byId('Pending') });
		expect(listed.output.map((item) => item.json)).toEqual([expect.objectContaining({ name: 'inpi.pdf', size: pdf.length })]);
	});

	test('refuses a file that is not a PDF, JPEG or PNG before creating anything', async () => {
		const result = await run(
			{ resource: 'supportingDocument', operation: 'upload', sender: byId('Pending'), binaryPropertyName: 'data' },
			{ items: [{ json: {}, binary: { data: { data: 'aGVsbG8=', mimeType: 'text/plain', fileName: 'notes.txt' } } }] },
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/not a PDF, JPEG or PNG/);
		expect(sandbox.requests.filter((r) => r.path.endsWith('/documents'))).toHaveLength(0);
	});
});
