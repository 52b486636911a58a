import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSandbox } from '../../../sandbox';
import { adminCall, eventually, ovh, startReceiver } from './ovh-test-client';

let directory: string;
beforeEach(() => {
	directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ovh-sms-sandbox-'));
});
afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

describe('restart', () => {
	it('re-opens on the same port with the same state, and deliveries carry on', async () => {
		const receiver = await startReceiver();
		const sandbox = await startSandbox({ deliveryDelayMs: 40 });
		try {
			await ovh(sandbox, 'PUT', `/sms/${sandbox.serviceName}`, { body: { callBack: `${receiver.url}/dlr` } });
			const sent = await ovh(sandbox, 'POST', `/sms/${sandbox.serviceName}/jobs`, {
				body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611112222'] },
			});
			const url = sandbox.url;
			await sandbox.restart();
			expect(sandbox.url).toBe(url);
			expect((await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/outgoing`)).json).toEqual(sent.json.ids);
			await eventually(() => receiver.calls.some((call) => call.url.searchParams.get('ptt') === '4'));
			expect(sandbox.state.accounts[sandbox.serviceName].creditsLeft).toBe(999);
		} finally {
			await sandbox.close();
			await receiver.close();
		}
	});
});

describe('state file', () => {
	it('keeps accounts, SMS, pending jobs and credits across runs', async () => {
		const stateFile = path.join(directory, 'sandbox-state.json');
		const first = await startSandbox({ stateFile, deliveryDelayMs: 10 });
		const sent = await ovh(first, 'POST', `/sms/${first.serviceName}/jobs`, {
			body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611112222'] },
		});
		const deferred = await ovh(first, 'POST', `/sms/${first.serviceName}/jobs`, {
			body: { message: 'Later', sender: 'MyCompany', receivers: ['+33611113333'], differedPeriod: 30 },
		});
		await ovh(first, 'PUT', `/sms/${first.serviceName}`, { body: { description: 'Kept' } });
		await first.close();
		expect(fs.existsSync(stateFile)).toBe(true);

		const second = await startSandbox({ stateFile, credits: 5 });
		try {
			const account = (await ovh(second, 'GET', `/sms/${second.serviceName}`)).json;
			expect(account).toMatchObject({ description: 'Kept', creditsLeft: 998 });
			expect((await ovh(second, 'GET', `/sms/${second.serviceName}/outgoing`)).json).toEqual(sent.json.ids);
			expect((await ovh(second, 'GET', `/sms/${second.serviceName}/jobs`)).json).toEqual(deferred.json.ids);
			expect((await ovh(second, 'DELETE', `/sms/${second.serviceName}/jobs/${deferred.json.ids[0]}`)).status).toBe(200);
			expect(second.state.accounts[second.serviceName].creditsLeft).toBe(999);
			// New ids never collide with the saved ones.
			const next = await ovh(second, 'POST', `/sms/${second.serviceName}/jobs`, {
				body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611112222'] },
			});
			expect(next.json.ids[0]).toBeGreaterThan(deferred.json.ids[0]);
		} finally {
			await second.close();
		}
	});

	it('saves changes while running, without waiting for close', async () => {
		const stateFile = path.join(directory, 'live.json');
		const sandbox = await startSandbox({ stateFile });
		try {
			await ovh(sandbox, 'PUT', `/sms/${sandbox.serviceName}`, { body: { description: 'Saved soon' } });
			await eventually(() => fs.existsSync(stateFile) && fs.readFileSync(stateFile, 'utf8').includes('Saved soon'), 3000);
		} finally {
			await sandbox.close();
		}
	});

	it('refuses a file that is not a sandbox state', async () => {
		const stateFile = path.join(directory, 'other.json');
		fs.writeFileSync(stateFile, '{"hello": "world"}');
		await expect(startSandbox({ stateFile })).rejects.toThrow(/not a sandbox state file/);
	});
});

describe('POST /admin/reset', () => {
	it('brings back the seed', async () => {
		const sandbox = await startSandbox({ credits: 50 });
		try {
			await ovh(sandbox, 'POST', `/sms/${sandbox.serviceName}/jobs`, {
				body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611112222'] },
			});
			sandbox.setFaults({ latencyMs: 1 });
			expect((await adminCall(sandbox, 'POST', '/reset')).status).toBe(200);
			expect(sandbox.state.accounts[sandbox.serviceName].creditsLeft).toBe(50);
			expect((await ovh(sandbox, 'GET', `/sms/${sandbox.serviceName}/outgoing`)).json).toEqual([]);
			expect((await adminCall(sandbox, 'GET', '/faults')).json).toEqual({});
			const info = (await adminCall(sandbox, 'GET', '')).json;
			expect(info).toMatchObject({ apiBaseUrl: sandbox.apiBaseUrl, serviceName: 'sms-sb00001-1' });
		} finally {
			await sandbox.close();
		}
	});
});
