/**
 * What `npm start` sets up, for a test: a sandbox, the credential `ovhCloudApiStart` pointing at
 * it, every example of `examples/workflows/` imported (those saved as active published), a real
 * n8n 2.x on a free loopback port, and the owner's session. One per test file: n8n takes 10–20 s
 * to start on a 2-core runner.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox';
import { loadN8nRuntime, type N8nRuntime } from './loadN8nRuntime';

type RuntimeResult<Name extends keyof N8nRuntime> = N8nRuntime[Name] extends (...args: any[]) => Promise<infer R> ? R : never;
export type N8nServer = RuntimeResult<'startN8n'>;
export type N8nSession = RuntimeResult<'setupOwner'>;
export type WorkflowRun = RuntimeResult<'executeWorkflow'>;
export type Execution = RuntimeResult<'getExecutions'>[number];

export const PROJECT_ROOT = path.resolve(__dirname, '../../..');
export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples', 'workflows');

/** The credential every example names (the same id `npm start` imports). */
export const EXAMPLE_CREDENTIAL = { id: 'ovhCloudApiStart', name: 'OVHcloud SMS sandbox', type: 'ovhCloudApi' } as const;

/** The cold install of n8n takes about 7 minutes, more on a busy runner. */
export const INSTALL_AND_START_TIMEOUT_MS = 30 * 60_000;

export interface ExampleWorkflow {
	file: string;
	id: string;
	name: string;
	active: boolean;
	nodes: Array<{ name: string; type: string; parameters: Record<string, any>; webhookId?: string }>;
	[key: string]: unknown;
}

export function readExampleWorkflows(): ExampleWorkflow[] {
	if (!fs.existsSync(EXAMPLES_DIR)) return [];
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map(
			(file) =>
				({
					...(JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Omit<ExampleWorkflow, 'file'>),
					file,
				}) as ExampleWorkflow,
		);
}

interface PackManifest {
	name: string;
	n8n: { credentials: string[]; nodes: string[] };
}

export const packManifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as PackManifest;

/** The node types (`n8n-nodes-ovh-sms.ovhSms`, …) package.json registers, whether built or not. */
export function registeredNodeTypes(): string[] {
	return packManifest.n8n.nodes.map((file) => `${packManifest.name}.${lowerFirst(path.basename(file).replace(/\.node\.js$/, ''))}`);
}

function withoutKey<T extends object>(value: T, key: keyof T): object {
	return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * `describe` when package.json registers every one of these node types, else `describe.skip`
 * with a line saying what is missing (a node lands before the lead registers it).
 */
export function describeWhenRegistered(...types: string[]): jest.Describe {
	const missing = types.filter((type) => !registeredNodeTypes().includes(type));
	if (missing.length === 0) return describe;
	process.stderr.write(`[e2e] SKIPPED tests that need ${missing.join(', ')}: not registered in package.json's n8n.nodes.\n`);
	return describe.skip;
}

/** Why the pack cannot be loaded into n8n yet, or undefined when `dist/` has every declared file. */
export function packNotBuiltReason(): string | undefined {
	const declared = [...packManifest.n8n.credentials, ...packManifest.n8n.nodes];
	const missing = declared.filter((file) => !fs.existsSync(path.join(PROJECT_ROOT, file)));
	if (declared.length > 0 && missing.length === 0) return undefined;
	return `the pack is not built (missing ${missing.join(', ') || 'n8n files'}); run \`npm run build\` first`;
}

/** The example workflows whose every node type n8n will know (n8n's own, or registered by the pack). */
export function loadableExamples(examples = readExampleWorkflows()): ExampleWorkflow[] {
	const ours = new Set(registeredNodeTypes());
	return examples.filter((workflow) =>
		workflow.nodes.every((node) => !node.type.startsWith(`${packManifest.name}.`) || ours.has(node.type)),
	);
}

export interface ExampleServer {
	runtime: N8nRuntime;
	sandbox: Sandbox;
	server: N8nServer;
	session: N8nSession;
	userFolder: string;
	/** The examples imported (and, when saved as active, published). */
	examples: ExampleWorkflow[];
	/** Options for the runtime's CLI calls on this server's user folder. */
	cli: { userFolder: string };
	/** `<server>/webhook/<path>`. */
	webhookUrl(webhookPath: string): string;
	/** Stops n8n and the sandbox; true when no process of n8n is left. Safe to call twice. */
	stop(): Promise<boolean>;
}

export interface ExampleServerOptions {
	sandbox?: SandboxOptions;
	/** Default true: import (and publish) `examples/workflows/` as `npm start` does. */
	includeExamples?: boolean;
	/** More workflows to import next to the examples (objects as n8n exports them). */
	workflows?: object[];
	/** Ids of those to publish before the start (the examples saved as active always are). */
	publish?: string[];
	/** Added to n8n's environment (the server's only; the CLI calls keep the runtime's). */
	env?: Record<string, string>;
	log?: (line: string) => void;
}

export async function startExampleServer(options: ExampleServerOptions = {}): Promise<ExampleServer> {
	const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
	const runtime = loadN8nRuntime();
	await runtime.ensureRuntime({ log });
	const sandbox = await startSandbox(options.sandbox);
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	const cli = { userFolder };
	let server: N8nServer | undefined;
	let stopping: Promise<boolean> | undefined;
	const stop = () =>
		(stopping ??= (async () => {
			const stopped = await server?.stop();
			await sandbox.close();
			const clean = !(stopped?.stillRunning ?? false);
			if (clean) fs.rmSync(userFolder, { recursive: true, force: true });
			return clean;
		})());

	try {
		await runtime.importCredentials(
			[
				{
					...EXAMPLE_CREDENTIAL,
					data: { endpoint: 'custom', customEndpoint: sandbox.apiBaseUrl, ...sandbox.credentials },
				},
			],
			cli,
		);
		const all = options.includeExamples === false ? [] : readExampleWorkflows();
		const examples = loadableExamples(all);
		const skipped = all.filter((workflow) => !examples.includes(workflow));
		if (skipped.length > 0) {
			log(`[e2e] not imported (a node they use is not registered in package.json yet): ${skipped.map((w) => w.file).join(', ')}`);
		}
		const toImport = [...examples.map((workflow) => withoutKey(workflow, 'file')), ...(options.workflows ?? [])];
		if (toImport.length > 0) await runtime.importWorkflows(toImport, cli);
		for (const id of [...examples.filter((workflow) => workflow.active).map((workflow) => workflow.id), ...(options.publish ?? [])]) {
			await runtime.publishWorkflow(id, cli);
		}
		server = await runtime.startN8n({ userFolder, port: await runtime.findFreePort(), env: options.env, log });
		const session = await runtime.setupOwner(server.url);
		const url = server.url;
		return {
			runtime,
			sandbox,
			server,
			session,
			userFolder,
			examples,
			cli,
			webhookUrl: (webhookPath) => `${url}/webhook/${webhookPath.replace(/^\/+/, '')}`,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
