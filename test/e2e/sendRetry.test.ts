/**
 * n8n's own Retry on the real n8n 2.41.1 server: a production execution whose send fails midway
 * (OVHcloud refuses the third job), retried through `POST /rest/executions/:id/retry` with the
 * original workflow and with the current one, sends nobody the SMS twice; a new execution with
 * the same data is a new send and goes out. The credential points at a proxy in front of the
 * sandbox that refuses one job per failing execution.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { eventually } from './support/eventually';
import { INSTALL_AND_START_TIMEOUT_MS, packNotBuiltReason, type N8nServer, type N8nSession } from './support/exampleServer';
import { outputOf } from './support/executions';
import { loadN8nRuntime } from './support/loadN8nRuntime';

jest.setTimeout(120_000);
const notBuilt = packNotBuiltReason();
if (notBuilt) process.stderr.write(`\n[e2e] SKIPPED: ${notBuilt}. Run \`npm run build\` first.\n\n`);
const describeWhenBuilt = notBuilt ? describe.skip : describe;

const CREDENTIAL = { id: 'ovhRetryProxy001', name: 'OVHcloud sandbox through a fault proxy', type: 'ovhCloudApi' };
const WORKFLOW_ID = 'e2eSendRetry0001';
const WEBHOOK_PATH = 'e2e-send-retry';
const SEND_NODE = 'Send the alert';

const workflow = {
	id: WORKFLOW_ID,
	name: 'e2e: send, fail midway, retry',
	active: false,
	settings: { executionOrder: 'v1', saveDataErrorExecution: 'all', saveDataSuccessExecution: 'all' },
	pinData: {},
	nodes: [
		{
			id: '7a1f0000-0000-4000-8000-000000000001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '7a1f0000-0000-4000-8000-0000000000aa',
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
		},
		{
			id: '7a1f0000-0000-4000-8000-000000000002',
			name: SEND_NODE,
			type: 'n8n-nodes-ovh-sms.ovhSms',
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				authentication: 'apiKey',
				resource: 'sms',
				operation: 'send',
				serviceName: { __rl: true, mode: 'id', value: 'sms-sb00001-1' },
				senderType: 'sender',
				sender: { __rl: true, mode: 'id', value: 'MyCompany' },
				recipientSource: 'numbers',
				receivers: '={{ $json.body.phones }}',
				message: '={{ $json.body.text }}',
				options: { maxReceiversPerJob: 2, parallelJobs: 1 },
			},
			credentials: { ovhCloudApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
		},
	],
	connections: { Webhook: { main: [[{ node: SEND_NODE, type: 'main', index: 0 }]] } },
};

const phones = (prefix: string) => Array.from({ length: 10 }, (_, i) => `+336${prefix}${String(i).padStart(6, '0')}`);

describeWhenBuilt('n8n Retry of a failed send (real server)', () => {
	const runtime = loadN8nRuntime();
	const log = (line: string) => process.stderr.write(`${line}\n`);
	let sandbox: Sandbox;
	let proxy: FaultProxy;
	let server: N8nServer | undefined;
	let session: N8nSession;
	let userFolder: string;
	let refuseJob = 0;
	let jobsSeen = 0;

	const held = () => {
		const account = sandbox.state.accounts[sandbox.serviceName];
		const counts = new Map<string, number>();
		for (const sms of [...Object.values(account.outgoing), ...Object.values(account.jobs)])
			counts.set(sms.receiver, (counts.get(sms.receiver) ?? 0) + 1);
		return counts;
	};
	const executions = () => runtime.getExecutions(session, WORKFLOW_ID);
	const newest = async (count: number) =>
		eventually(
			async () => {
				const all = await executions();
				return all.length >= count && ['success', 'error', 'crashed'].includes(all[0].status) ? all[0] : undefined;
			},
			{ timeoutMs: 90_000, describe: () => `execution ${count} to finish` },
		);

	/** Starts a production execution; OVHcloud refuses its `refuse`-th job (0: none). */
	async function trigger(body: object, refuse: number, count: number) {
		jobsSeen = 0;
		refuseJob = refuse;
		const response = await fetch(`${server!.url}/webhook/${WEBHOOK_PATH}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		expect(response.status).toBe(200);
		return newest(count);
	}

	async function retry(executionId: string, loadWorkflow: boolean, count: number) {
		refuseJob = 0;
		await session.call('POST', `/rest/executions/${executionId}/retry`, { loadWorkflow });
		return newest(count);
	}

	beforeAll(async () => {
		await runtime.ensureRuntime({ log });
		sandbox = await startSandbox({ credits: 100_000 });
		proxy = await startFaultProxy(sandbox.apiBaseUrl);
		proxy.decide = (r) => {
			if (r.method === 'POST' && r.path.endsWith('/jobs') && ++jobsSeen === refuseJob) {
				return { kind: 'reply', status: 400, body: '{"class":"Client::BadRequest","message":"Invalid receivers"}' };
			}
			return { kind: 'pass' };
		};
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
		const credentialData = { endpoint: 'custom', customEndpoint: proxy.apiBaseUrl, ...sandbox.credentials };
		await runtime.importCredentials([{ ...CREDENTIAL, data: credentialData }], { userFolder });
		await runtime.importWorkflows([workflow], { userFolder });
		await runtime.publishWorkflow(WORKFLOW_ID, { userFolder });
		server = await runtime.startN8n({ userFolder, port: await runtime.findFreePort(), log });
		session = await runtime.setupOwner(server.url);
		await runtime.waitForWebhook(`${server.url}/webhook/${WEBHOOK_PATH}`);
	}, INSTALL_AND_START_TIMEOUT_MS);

	afterAll(async () => {
		const stopped = await server?.stop();
		await proxy?.close();
		await sandbox?.close();
		if (stopped && !stopped.stillRunning) fs.rmSync(userFolder, { recursive: true, force: true });
	}, 60_000);

	const text = 'Server down: on-call, please look';
	const figures: string[] = [];
	afterAll(() => log(`[e2e] n8n Retry of a failed send:\n${figures.join('\n')}`));

	test.each([
		['the original workflow', false, '11'],
		['the current workflow', true, '22'],
	])('a send refused at its third job, retried with %s: nobody gets it twice, everyone once', async (_label, loadWorkflow, prefix) => {
		const before = (await executions()).length;
		const receivers = phones(prefix);
		const failed = await trigger({ phones: receivers, text }, 3, before + 1);
		expect(failed.status).toBe('error');
		expect(failed.mode).toBe('webhook');
		const heldAfterFailure = receivers.filter((r) => held().get(r) === 1).length;
		expect(heldAfterFailure).toBe(4);

		const retried = await retry(failed.id, loadWorkflow, before + 2);
		expect(retried.status).toBe('success');
		expect(retried.mode).toBe('retry');
		for (const r of receivers) expect(held().get(r)).toBe(1);
		const [out] = outputOf(retried, SEND_NODE);
		expect(out).toMatchObject({ status: 'sent' });
		expect([...out.alreadySent].sort()).toEqual(receivers.slice(0, 4));
		expect([...out.validReceivers].sort()).toEqual(receivers.slice(4));
		figures.push(
			`retry with ${_label}: failed run held ${heldAfterFailure} SMS, retry sent ${out.validReceivers.length}, skipped ${out.alreadySent.length}; each of 10 receivers holds 1`,
		);
	});

	test('a new execution with the same data is a new send: it goes out again', async () => {
		const before = (await executions()).length;
		const receivers = phones('11');
		const again = await trigger({ phones: receivers, text }, 0, before + 1);
		expect(again.status).toBe('success');
		const [out] = outputOf(again, SEND_NODE);
		expect(out).toMatchObject({ status: 'sent' });
		expect(out.validReceivers).toHaveLength(10);
		for (const r of receivers) expect(held().get(r)).toBe(2);
		figures.push('new execution, same data: 10 sent again (each receiver now holds 2)');
	});
});
