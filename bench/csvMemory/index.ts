/**
 * Memory bench of a CSV send through n8n's engine: peak RSS and wall time of the OVHcloud SMS
 * node sending a 100,000-row and a 1,000,000-row CSV file to the sandbox, for this tree
 * ("after") and for another git ref ("before", main by default), in one run. Each measurement
 * runs in a fresh process (bench/send/scenario.ts of that tree) with n8n's heap limited as a
 * small n8n instance would be; the sandbox runs in its own process and is reset between runs.
 *
 *   npx tsx bench/csvMemory/index.ts [--rows 100000,1000000] [--before-ref <ref>] [--heap-mb 256]
 *
 * "before" defaults to where this branch left main (`git merge-base HEAD main`).
 *
 * Targets (issue 15): 1M rows ≤ 400 MB peak RSS and completes with --max-old-space-size=256;
 * 100k rows ≤ 200 MB; requests ≤ ceil(rows / 500) + 3.
 */
import '../send/environment';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCustomerCsv } from '../send/customerCsv';
import { startSandboxProcess, type SandboxProcess } from '../send/sandboxProcess';

const ROOT = path.resolve(__dirname, '../..');

function option(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : process.argv[index + 1];
}

/** The "before" tree: `git archive` of the ref in a temporary folder, sharing this tree's node_modules. */
function extractTree(ref: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovh-sms-before-'));
	const archive = execFileSync('git', ['archive', '--format=tar', ref], { cwd: ROOT, maxBuffer: 1 << 30 });
	execFileSync('tar', ['-x', '-C', dir], { input: archive });
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
	return dir;
}

interface Measurement {
	completed: boolean;
	wallMs?: number;
	peakRssMb?: number;
	smsSent?: number;
	requests?: number;
	error?: string;
}

/** One send of `file` (rows receivers) by `tree`'s scenario, in a process with `heapMb` of heap. */
function measure(tree: string, sandbox: SandboxProcess, rows: number, file: string, heapMb: number): Promise<Measurement> {
	return new Promise((resolve) => {
		const child = spawn(
			process.execPath,
			[`--max-old-space-size=${heapMb}`, require.resolve('tsx/cli'), path.join(tree, 'bench/send/scenario.ts'), 'node-csv', sandbox.apiBaseUrl, String(rows), file],
			{ cwd: tree, stdio: ['pipe', 'pipe', 'pipe'], env: process.env },
		);
		let output = '';
		let errors = '';
		child.stdout.on('data', (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			output += text;
			if (text.includes('WARM\n')) void sandbox.admin('DELETE', '/requests').then(() => child.stdin.end('go\n'));
		});
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
		child.on('exit', async (code, signal) => {
			const line = output.split('\n').find((l) => l.startsWith('RESULT '));
			const requests = (await sandbox.admin<unknown[]>('GET', '/requests')).length;
			if (code !== 0 || !line) {
				const oom = /heap out of memory|Allocation failed/i.test(errors);
				resolve({ completed: false, requests, error: oom ? 'out of memory' : `exit ${code ?? signal}: ${errors.trim().split('\n').slice(-2).join(' ')}` });
				return;
			}
			const result = JSON.parse(line.slice('RESULT '.length)) as { wallMs: number; peakRssMb: number; smsSent: number };
			resolve({ completed: true, wallMs: result.wallMs, peakRssMb: result.peakRssMb, smsSent: result.smsSent, requests });
		});
	});
}

async function resetSandbox(sandbox: SandboxProcess, credits: number): Promise<void> {
	const response = await fetch(`${sandbox.url}/admin/reset`, { method: 'POST' });
	if (!response.ok) throw new Error(`reset: ${response.status}`);
	await sandbox.admin('PUT', '/credits', { credits });
}

async function main(): Promise<void> {
	const sizes = option('rows', '100000,1000000').split(',').map(Number);
	const beforeRef = option('before-ref', execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: ROOT }).toString().trim());
	const heapMb = Number(option('heap-mb', '256'));
	const before = extractTree(beforeRef);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ovh-sms-csv-'));
	const credits = 2 * Math.max(...sizes);
	const sandbox = await startSandboxProcess(['--credits', String(credits), '--delivery-delay-ms', '3600000']);
	const rowsOut: string[] = [];
	try {
		console.log(`CSV send through n8n's engine, heap limited to ${heapMb} MB (--max-old-space-size), sandbox ${sandbox.url}`);
		console.log(`before = ${beforeRef} (${execFileSync('git', ['log', '-1', '--format=%h %s', beforeRef], { cwd: ROOT }).toString().trim().slice(0, 60)}), after = this tree`);
		for (const rows of sizes) {
			const file = path.join(work, `customers-${rows}.csv`);
			writeCustomerCsv(file, rows);
			const maxRequests = Math.ceil(rows / 500) + 3;
			for (const [label, tree] of [['before', before], ['after', ROOT]] as const) {
				await resetSandbox(sandbox, credits);
				const m = await measure(tree, sandbox, rows, file, heapMb);
				const target = rows >= 1_000_000 ? 400 : 200;
				const verdict = m.completed
					? `${m.peakRssMb! <= target ? 'met' : 'MISSED'} (≤ ${target} MB), requests ${m.requests! <= maxRequests ? 'met' : 'MISSED'} (≤ ${maxRequests})`
					: 'MISSED (did not complete)';
				const line = `${rows.toLocaleString('en')} rows, ${label.padEnd(6)}: ${
					m.completed
						? `peak RSS ${m.peakRssMb!.toFixed(0)} MB, wall ${(m.wallMs! / 1000).toFixed(1)} s, ${m.smsSent!.toLocaleString('en')} SMS, ${m.requests} requests`
						: `failed: ${m.error} (${m.requests} requests seen)`
				} — ${verdict}`;
				console.log(line);
				rowsOut.push(line);
			}
			fs.rmSync(file);
		}
	} finally {
		await sandbox.stop();
		fs.rmSync(before, { recursive: true, force: true });
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
