/**
 * CPU that a real n8n 2.41.1 spends per reply pushed to the OVHcloud SMS Trigger's webhook
 * (trigger → No Operation), measured from /proc over n8n's whole process tree (server and
 * task runner), at a rate n8n keeps up with, so the figure is cost, not queueing. One fresh
 * n8n per configuration: n8n's defaults (the "vm" expression engine, no override), then
 * N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true, then the "legacy" engine for reference. With
 * --before <pack root> (e.g. ../main, a built checkout of another commit) the pack from there is measured too.
 *
 *   npx tsx bench/trigger/index.ts [--replies 200] [--rate 10] [--before ../main] [--defaults-only]
 *
 * --defaults-only measures this pack on n8n's defaults only (no engine variants).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox';

type Runtime = typeof import('../../scripts/n8n-runtime/index.mjs', { with: { 'resolution-mode': 'import' } });

const CREDENTIAL = { id: 'benchOvhCloudApi', name: 'OVHcloud SMS sandbox', type: 'ovhCloudApi' };
const WORKFLOW_ID = 'benchReplyWebhook';
const TRIGGER = 'On a reply';
const WEBHOOK_ID = '7b7c1e2a-0001-4a00-8000-0000000000bb';

function option(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : process.argv[index + 1];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TICKS = 100; // USER_HZ on Linux

/** utime + stime (ms) of `root` and every process below it. */
function treeCpuMs(root: number): number {
	const stats = new Map<number, { ppid: number; ticks: number }>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
			stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
		} catch {
			// The process ended while listed.
		}
	}
	const inTree = (pid: number): boolean => {
		for (let current = pid, depth = 0; current > 1 && depth < 20; depth++) {
			if (current === root) return true;
			current = stats.get(current)?.ppid ?? 0;
		}
		return false;
	};
	let ticks = 0;
	for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks;
	return (ticks * 1000) / TICKS;
}

function workflow() {
	return {
		id: WORKFLOW_ID,
		name: 'bench: replies by webhook',
		active: false,
		nodes: [
			{
				id: '7b7c1e2a-0001-4a00-8000-000000000001',
				name: TRIGGER,
				type: 'n8n-nodes-ovh-sms.ovhSmsTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { authentication: 'apiKey', serviceName: 'sms-sb00001-1', event: 'smsReceived', mode: 'webhook', options: {} },
				credentials: { ovhCloudApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
			{
				id: '7b7c1e2a-0001-4a00-8000-000000000002',
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

interface Result {
	label: string;
	cpuMsPerReply: number;
	wallSeconds: number;
	executions: number;
}

async function measure(
	runtime: Runtime,
	sandbox: Sandbox,
	label: string,
	env: Record<string, string>,
	packRoot: string | undefined,
	replies: number,
	rate: number,
): Promise<Result> {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bench-trigger-'));
	const cli = { userFolder };
	sandbox.reset();
	await runtime.importCredentials(
		[{ ...CREDENTIAL, data: { endpoint: 'custom', customEndpoint: sandbox.apiBaseUrl, ...sandbox.credentials } }],
		cli,
	);
	await runtime.importWorkflows([workflow()], cli);
	if (packRoot) runtime.installPack(userFolder, { packRoot });
	const server = await runtime.startN8n({ userFolder, port: await runtime.findFreePort(), env, installPackage: !packRoot });
	try {
		const session = await runtime.setupOwner(server.url);
		await runtime.activateWorkflow(session, WORKFLOW_ID);
		for (let tries = 0; ; tries++) {
			const saved = await session.call('GET', `/rest/workflows/${WORKFLOW_ID}`);
			if (saved.staticData?.[`node:${TRIGGER}`]?.webhook?.token) break;
			if (tries > 100) throw new Error('the trigger never saved its registration');
			await sleep(200);
		}
		const count = async () => {
			const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
			return Number((await session.call('GET', `/rest/executions?filter=${filter}&limit=1`)).count);
		};
		const push = async (n: number, tag: string) => {
			const start = Date.now();
			for (let i = 0; i < n; i++) {
				const wait = start + (i * 1000) / rate - Date.now();
				if (wait > 0) await sleep(wait);
				void sandbox.injectIncoming({ sender: `+3361500${String(i).padStart(4, '0')}`, message: `${tag} ${i}` });
			}
		};
		// Done when every push was answered and no execution started for 5 s: a reply can come with
		// the reconciling poll, several in one execution, so executions are not counted per reply.
		const settle = async () => {
			await sandbox.callbacksIdle();
			let last = -1;
			for (let tries = 0; tries < 120; tries++) {
				const now = await count();
				if (now === last) return;
				last = now;
				await sleep(5000);
			}
			throw new Error('executions never settled');
		};
		await push(20, 'warm-up');
		await settle();
		const warmExecutions = await count();
		const cpuBefore = treeCpuMs(server.pid!);
		const started = Date.now();
		await push(replies, 'measured');
		await settle();
		const cpuMs = treeCpuMs(server.pid!) - cpuBefore;
		return {
			label,
			cpuMsPerReply: cpuMs / replies,
			wallSeconds: (Date.now() - started) / 1000,
			executions: (await count()) - warmExecutions,
		};
	} finally {
		await server.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	const replies = Number(option('replies', '200'));
	const rate = Number(option('rate', '10'));
	const before = option('before', '');
	const runtime = (await import('../../scripts/n8n-runtime/index.mjs')) as Runtime;
	await runtime.ensureRuntime({ log: () => undefined });
	const sandbox = await startSandbox();
	const configurations: Array<[string, Record<string, string>, string | undefined]> = [
		...(before ? ([[`pack at ${before}, n8n defaults`, {}, before]] as Array<[string, Record<string, string>, string]>) : []),
		['this pack, n8n defaults (vm engine)', {}, undefined],
		...(process.argv.includes('--defaults-only')
			? []
			: ([
					['this pack, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true', { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' }, undefined],
					['this pack, N8N_EXPRESSION_ENGINE=legacy (reference)', { N8N_EXPRESSION_ENGINE: 'legacy' }, undefined],
				] as Array<[string, Record<string, string>, undefined]>)),
	];
	const results: Result[] = [];
	try {
		for (const [label, env, packRoot] of configurations) {
			const result = await measure(runtime, sandbox, label, env, packRoot, replies, rate);
			results.push(result);
			process.stdout.write(
				`${label}: ${result.cpuMsPerReply.toFixed(0)} ms CPU per reply (${result.executions} executions, ${result.wallSeconds.toFixed(1)} s)\n`,
			);
		}
	} finally {
		await sandbox.close();
	}
	process.stdout.write(`\n| configuration | CPU per reply |\n|---|---|\n`);
	for (const r of results) process.stdout.write(`| ${r.label} | ${r.cpuMsPerReply.toFixed(0)} ms |\n`);
}

void main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exitCode = 1;
});
