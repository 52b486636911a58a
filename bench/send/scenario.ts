// One measurement in a fresh process: `tsx bench/send/scenario.ts <kind> <apiBaseUrl> <count>`.
// Prints `RESULT <json>` with the wall time and the process's peak memory.
import './environment';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
// n8n-core's own copy of its container (it has a nested @n8n/di).
import { Container } from 'n8n-core/node_modules/@n8n/di';
import { BinaryDataService } from 'n8n-core';
import { OvhClient, type OvhTransport } from '../../lib/ovh';
import { runNode } from '../../test/support/n8nEngine';

/** The sandbox's seeded keys and account (docs/sandbox.md); not imported, to keep the sandbox's code out of this process. */
const SEED = {
	applicationKey: 'sandbox-application-key',
	applicationSecret: 'sandbox-application-secret',
	consumerKey: 'sandbox-consumer-key',
	serviceName: 'sms-sb00001-1',
};

type Kind = 'node-items' | 'node-csv' | 'baseline-items';

const MESSAGE = 'Your appointment is confirmed for tomorrow at 10:00. Reply to this number to change it.';

/** Distinct valid French mobile numbers. */
export const phoneNumber = (i: number) => `+336${String(10_000_000 + i)}`;

const sendParameters = (serviceName: string) => ({
	resource: 'sms',
	operation: 'send',
	serviceName: { __rl: true, mode: 'id', value: serviceName },
	senderType: 'sender',
	sender: { __rl: true, mode: 'name', value: 'MyCompany' },
	message: MESSAGE,
	options: {},
});

/** The parent clears the sandbox's request log between the warm-up and the measure. */
function waitForGo(): Promise<void> {
	return new Promise((resolve) => {
		process.stdin.once('data', () => resolve());
		process.stdin.resume();
	});
}

/**
 * The CSV as n8n 2.x hands it to a node: stored by its binary data service in the filesystem
 * (its default in regular mode; a queue-mode n8n uses its database), read by the node as a
 * stream. `BENCH_BINARY_MODE=memory` gives the older in-memory item (base64 in the item).
 */
async function csvBinary(csvFile: string): Promise<Record<string, unknown>> {
	const binary = { mimeType: 'text/csv', fileName: 'customers.csv', data: '' };
	if (process.env.BENCH_BINARY_MODE === 'memory') return { ...binary, data: fs.readFileSync(csvFile).toString('base64') };
	const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ovh-sms-binary-'));
	process.on('exit', () => fs.rmSync(storage, { recursive: true, force: true }));
	process.env.N8N_BINARY_DATA_STORAGE_PATH = storage;
	const service = Container.get(BinaryDataService);
	await service.init();
	return (await service.store(
		{ type: 'execution', workflowId: 'wf-test', executionId: 'bench' },
		fs.createReadStream(csvFile),
		binary,
	)) as unknown as Record<string, unknown>;
}

async function runScenario(kind: Kind, apiBaseUrl: string, count: number, csvFile?: string): Promise<Record<string, unknown>> {
	const credentials = {
		ovhCloudApi: {
			endpoint: 'custom',
			customEndpoint: apiBaseUrl,
			applicationKey: SEED.applicationKey,
			applicationSecret: SEED.applicationSecret,
			consumerKey: SEED.consumerKey,
		},
	};
	if (kind === 'baseline-items') {
		// What a loop of HTTP Request nodes does: one signed POST per item, one after the other.
		const agent = new http.Agent({ keepAlive: true });
		const transport: OvhTransport = (request) =>
			new Promise((resolve, reject) => {
				const req = http.request(request.url, { method: request.method, headers: request.headers, agent }, (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
					res.on('error', reject);
				});
				req.on('error', reject);
				if (request.body !== undefined) req.write(request.body);
				req.end();
			});
		const client = new OvhClient({
			baseUrl: apiBaseUrl,
			transport,
			auth: { type: 'applicationKey', ...credentials.ovhCloudApi },
			sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		});
		const started = performance.now();
		for (let i = 0; i < count; i++) {
			await client.post(`/sms/${SEED.serviceName}/jobs`, { message: MESSAGE, sender: 'MyCompany', receivers: [phoneNumber(i)] });
		}
		const wallMs = performance.now() - started;
		agent.destroy();
		return { wallMs, clientRequests: client.stats.requests + 1, smsSent: count };
	}

	const items =
		kind === 'node-items'
			? Array.from({ length: count }, (_, i) => ({ phone: phoneNumber(i) }))
			: [{ json: {}, binary: { data: await csvBinary(csvFile!) } }];
	const parameters =
		kind === 'node-items'
			? { ...sendParameters(SEED.serviceName), recipientSource: 'numbers', receivers: '={{ $json.phone }}' }
			: {
					...sendParameters(SEED.serviceName),
					recipientSource: 'csv',
					binaryPropertyName: 'data',
					csvColumn: 'phone',
					defaultCountry: 'FR',
				};
	// A one-item dry run first: n8n-core loads its expression engine and helpers on first use,
	// a cost a running n8n server has already paid. It sends nothing.
	const warmUp = await runNode({
		type: 'ovhSms',
		parameters: {
			...sendParameters(SEED.serviceName),
			recipientSource: 'numbers',
			receivers: '={{ $json.phone }}',
			options: { dryRun: true },
		},
		items: [{ phone: phoneNumber(0) }],
		credentials,
	});
	if (warmUp.status !== 'success') throw new Error(`the warm-up failed: ${warmUp.error?.message}`);
	process.stdout.write('WARM\n');
	await waitForGo();
	const restRssMb = process.memoryUsage().rss / 1024 / 1024;
	const restHeapUsedMb = process.memoryUsage().heapUsed / 1048576;
	const peaks = { heapUsed: 0, external: 0 };
	const sample = setInterval(() => {
		const usage = process.memoryUsage();
		peaks.heapUsed = Math.max(peaks.heapUsed, usage.heapUsed);
		peaks.external = Math.max(peaks.external, usage.external);
	}, 20);
	const started = performance.now();
	const result = await runNode({ type: 'ovhSms', parameters, items, credentials });
	const wallMs = performance.now() - started;
	clearInterval(sample);
	if (result.status !== 'success') throw new Error(`the node failed: ${result.error?.message}`);
	// A large send's output gives counts (idCount) instead of every id.
	const smsSent = result.output.reduce(
		(sum, item) => sum + ((item.json.ids as number[] | undefined)?.length ?? Number(item.json.idCount ?? 0)),
		0,
	);
	return {
		wallMs,
		smsSent,
		outputItems: result.output.length,
		restRssMb,
		restHeapUsedMb,
		peakHeapUsedMb: peaks.heapUsed / 1048576,
		peakExternalMb: peaks.external / 1048576,
	};
}

async function main() {
	const [kind, apiBaseUrl, count, csvFile] = process.argv.slice(2);
	const result = await runScenario(kind as Kind, apiBaseUrl, Number(count), csvFile);
	process.stdin.pause();
	// maxRSS: the most resident memory this process ever used (kB on Linux), start-up included.
	const peakRssMb = process.resourceUsage().maxRSS / 1024;
	process.stdout.write(`RESULT ${JSON.stringify({ ...result, peakRssMb })}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
