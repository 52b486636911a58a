/**
 * Bench of the OVHcloud SMS node's Send against the sandbox with 20 ms of added latency per
 * request, next to the naive baseline (one request per item, one after the other, which is
 * what a loop of HTTP Request nodes does). Each measurement runs in a fresh process, so its
 * peak memory is its own; the sandbox runs in another one.
 *
 *   npx tsx bench/send/index.ts [--items 10000] [--csv-rows 100000] [--latency-ms 20] [--full-baseline]
 *
 * Without --full-baseline the 100,000-row baseline is extrapolated from the measured
 * 10,000-item one (it would take over half an hour).
 */
import './environment';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { writeCustomerCsv } from './customerCsv';
import { startSandboxProcess, type SandboxProcess } from './sandboxProcess';

interface Measurement {
	wallMs: number;
	peakRssMb: number;
	/** RSS of the measuring process just before the measured run (engine loaded, input built). */
	restRssMb?: number;
	smsSent: number;
	requests: number;
	extrapolated?: boolean;
}

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/** Runs a scenario process; `onWarm` runs between its warm-up and its measure. */
function runChild(
	kind: string,
	apiBaseUrl: string,
	count: number,
	onWarm?: () => Promise<unknown>,
	extra: string[] = [],
): Promise<Record<string, number>> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[require.resolve('tsx/cli'), path.join(__dirname, 'scenario.ts'), kind, apiBaseUrl, String(count), ...extra],
			{
				stdio: ['pipe', 'pipe', 'pipe'],
			},
		);
		let output = '';
		let errors = '';
		child.stdout.on('data', (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			output += text;
			if (text.includes('WARM\n')) {
				void (onWarm ?? (async () => undefined))().then(
					() => child.stdin.end('go\n'),
					(error: unknown) => reject(error),
				);
			}
		});
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
		child.on('exit', (code) => {
			const line = output.split('\n').find((l) => l.startsWith('RESULT '));
			if (code !== 0 || !line) reject(new Error(`${kind} failed (${code}):\n${errors}${output}`));
			else resolve(JSON.parse(line.slice('RESULT '.length)) as Record<string, number>);
		});
	});
}

async function measureNode(sandbox: SandboxProcess, kind: 'node-items' | 'node-csv', count: number): Promise<Measurement> {
	// The file is written here, so that making it does not count in the measured process's peak memory.
	const csvFile = path.join(process.env.N8N_USER_FOLDER!, 'customers.csv');
	if (kind === 'node-csv') writeCustomerCsv(csvFile, count);
	const result = await runChild(kind, sandbox.apiBaseUrl, count, () => sandbox.admin('DELETE', '/requests'), [csvFile]);
	const log = await sandbox.admin<Array<{ path: string }>>('GET', '/requests');
	return { wallMs: result.wallMs, peakRssMb: result.peakRssMb, restRssMb: result.restRssMb, smsSent: result.smsSent, requests: log.length };
}

async function measureBaseline(sandbox: SandboxProcess, count: number): Promise<Measurement> {
	const result = await runChild('baseline-items', sandbox.apiBaseUrl, count);
	// One request per item, plus the client's clock read (GET /auth/time).
	return { wallMs: result.wallMs, peakRssMb: result.peakRssMb, smsSent: result.smsSent, requests: result.clientRequests };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function report(title: string, node: Measurement, baseline: Measurement, targets: string): void {
	const rows: Array<[string, string, string]> = [
		['API requests', String(node.requests), `${baseline.requests}${baseline.extrapolated ? ' (extrapolated)' : ''}`],
		['wall time', seconds(node.wallMs), `${seconds(baseline.wallMs)}${baseline.extrapolated ? ' (extrapolated)' : ''}`],
		['peak memory (RSS)', `${node.peakRssMb.toFixed(0)} MB`, baseline.extrapolated ? 'n/a' : `${baseline.peakRssMb.toFixed(0)} MB`],
		['RSS before the run', `${(node.restRssMb ?? 0).toFixed(0)} MB`, ''],
		['SMS sent', String(node.smsSent), String(baseline.smsSent)],
	];
	console.log(`\n${title}`);
	console.log(`  ${'metric'.padEnd(20)}${'node'.padStart(14)}${'baseline'.padStart(26)}`);
	for (const [name, a, b] of rows) console.log(`  ${name.padEnd(20)}${a.padStart(14)}${b.padStart(26)}`);
	console.log(
		`  ratios: ${(baseline.requests / node.requests).toFixed(0)}× fewer requests, ${(baseline.wallMs / node.wallMs).toFixed(1)}× faster`,
	);
	console.log(`  targets: ${targets}`);
}

async function main(): Promise<void> {
	const items = option('items', 10_000);
	const csvRows = option('csv-rows', 100_000);
	const latencyMs = option('latency-ms', 20);
	const fullBaseline = process.argv.includes('--full-baseline');
	const credits = 2 * (items + csvRows) + 10_000;
	// Delivery steps an hour apart: the sandbox spends the bench receiving, not delivering.
	const sandbox = await startSandboxProcess(['--credits', String(credits), '--delivery-delay-ms', '3600000']);
	try {
		await sandbox.admin('PUT', '/faults', { latencyMs });
		console.log(`OVHcloud SMS node, Send: sandbox ${sandbox.url} with ${latencyMs} ms added per request`);

		const nodeItems = await measureNode(sandbox, 'node-items', items);
		const baselineItems = await measureBaseline(sandbox, items);
		report(
			`${items.toLocaleString('en')} input items, same message, distinct numbers`,
			nodeItems,
			baselineItems,
			`≤ 25 requests (${nodeItems.requests <= 25 ? 'met' : 'MISSED'}), ≥ 20× faster (${
				baselineItems.wallMs / nodeItems.wallMs >= 20 ? 'met' : 'MISSED'
			})`,
		);

		const nodeCsv = await measureNode(sandbox, 'node-csv', csvRows);
		const baselineCsv = fullBaseline
			? await measureBaseline(sandbox, csvRows)
			: {
					wallMs: (baselineItems.wallMs / items) * csvRows,
					peakRssMb: 0,
					smsSent: csvRows,
					requests: Math.round(((baselineItems.requests - 1) / items) * csvRows) + 1,
					extrapolated: true,
				};
		report(
			`a CSV file of ${csvRows.toLocaleString('en')} rows (one input item)`,
			nodeCsv,
			baselineCsv,
			`< 250 requests (${nodeCsv.requests < 250 ? 'met' : 'MISSED'}), peak memory < 300 MB (${nodeCsv.peakRssMb < 300 ? 'met' : 'MISSED'})`,
		);
		console.log(
			'\nNode: the OVHcloud SMS node on n8n’s engine (WorkflowExecute), items merged into jobs of 500 receivers, 4 jobs at a time.' +
				'\nBaseline: one signed POST /jobs per item, sequential, keep-alive connection. Peak memory: max RSS of the measuring process, start-up included.' +
				'\nThe node is measured after a one-item dry run that loads n8n-core’s lazily required modules (not counted).',
		);
	} finally {
		await sandbox.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
