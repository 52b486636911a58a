/**
 * n8n in queue mode, as the n8n docs set it up: Redis for the queue, PostgreSQL for the
 * database, one main instance (editor, webhooks, triggers and pollers; it enqueues every
 * execution) and two workers (`n8n worker`) that run them. Each process has its own user folder,
 * as if on its own machine, and all share the main's encryption key. Everything listens on free
 * loopback ports and lives under the OS temp dir; `stop()` ends every process and removes it all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox';
import { EXAMPLE_CREDENTIAL, type N8nServer, type N8nSession } from './exampleServer';
import { loadN8nRuntime, type N8nRuntime } from './loadN8nRuntime';
import {
	findServiceBinaries,
	startPostgres,
	startRedis,
	type RunningPostgres,
	type RunningService,
	type ServiceBinaries,
} from './queueServices';

export type N8nWorker = Awaited<ReturnType<N8nRuntime['startN8nWorker']>>;

export interface QueueCluster {
	runtime: N8nRuntime;
	sandbox: Sandbox;
	redis: RunningService;
	postgres: RunningPostgres;
	main: N8nServer;
	workers: N8nWorker[];
	session: N8nSession;
	/** From the first service started to the last n8n process ready. */
	startupSeconds: number;
	/** Its parts: Redis and PostgreSQL; n8n's migrations and the CLI imports; main and workers (started together). */
	startupParts: { servicesSeconds: number; importSeconds: number; processesSeconds: number };
	webhookUrl(webhookPath: string): string;
	/** Stops every process and removes every directory; true when nothing was left running. Safe to call twice. */
	stop(): Promise<boolean>;
}

export interface QueueClusterOptions {
	binaries: ServiceBinaries;
	sandbox?: SandboxOptions;
	/** Workflows to import (objects as n8n exports them); they may use the examples' credential. */
	workflows?: object[];
	/** Ids of those to publish before the start. */
	publish?: string[];
	workerCount?: number;
	/** Jobs each worker runs at once. */
	workerConcurrency?: number;
	log?: (line: string) => void;
}

/** Why the queue-mode test cannot run here (Redis or PostgreSQL not installed), else the binaries. */
export function queueModeBinaries(): ServiceBinaries | { missing: string } {
	return findServiceBinaries();
}

export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
	const runtime = loadN8nRuntime();
	await runtime.ensureRuntime({ log });
	const started = Date.now();
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-'));
	const stops: Array<() => Promise<boolean>> = [];
	let stopping: Promise<boolean> | undefined;
	const stop = () =>
		(stopping ??= (async () => {
			// n8n first (it holds connections to both), then the services, in reverse order of start.
			let clean = true;
			for (const stopOne of stops.reverse()) {
				clean = (await stopOne().catch(() => false)) && clean;
			}
			if (clean) fs.rmSync(base, { recursive: true, force: true });
			return clean;
		})());

	try {
		const sandbox = await startSandbox(options.sandbox);
		stops.push(async () => {
			await sandbox.close();
			return true;
		});
		const [redis, postgres] = await Promise.all([
			startRedis(runtime, options.binaries.redisServer).then((service) => (stops.push(service.stop), service)),
			startPostgres(runtime, options.binaries.postgresBin).then((service) => (stops.push(service.stop), service)),
		]);

		const servicesReady = Date.now();
		const mainFolder = path.join(base, 'main');
		const queueEnvironment: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			// Workers decrypt the credentials the main stored: one key for all.
			N8N_ENCRYPTION_KEY: runtime.encryptionKeyFor(mainFolder),
		};
		const cli = { userFolder: mainFolder, env: queueEnvironment };
		// The first CLI call runs n8n's migrations on the new database.
		await runtime.importCredentials(
			[{ ...EXAMPLE_CREDENTIAL, data: { endpoint: 'custom', customEndpoint: sandbox.apiBaseUrl, ...sandbox.credentials } }],
			cli,
		);
		if (options.workflows?.length) await runtime.importWorkflows(options.workflows, cli);
		for (const id of options.publish ?? []) await runtime.publishWorkflow(id, cli);

		const imported = Date.now();
		const mainStart = runtime.startN8n({ userFolder: mainFolder, port: await runtime.findFreePort(), env: queueEnvironment, log });
		const workerStarts = Array.from({ length: options.workerCount ?? 2 }, (_, index) =>
			runtime.startN8nWorker({
				userFolder: path.join(base, `worker-${index + 1}`),
				concurrency: options.workerConcurrency,
				env: queueEnvironment,
				log,
			}),
		);
		// Every process that did start must be stopped, even when another one failed.
		const settled = await Promise.allSettled([mainStart, ...workerStarts]);
		for (const result of settled) {
			if (result.status === 'fulfilled') {
				const process = result.value;
				stops.push(async () => !(await process.stop()).stillRunning);
			}
		}
		const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
		if (failure) throw failure.reason;
		const [main, ...workers] = settled.map((result) => (result as PromiseFulfilledResult<N8nServer | N8nWorker>).value) as [
			N8nServer,
			...N8nWorker[],
		];
		const session = await runtime.setupOwner(main.url);
		const ready = Date.now();
		const startupSeconds = (ready - started) / 1000;
		const startupParts = {
			servicesSeconds: (servicesReady - started) / 1000,
			importSeconds: (imported - servicesReady) / 1000,
			processesSeconds: (ready - imported) / 1000,
		};
		return {
			runtime,
			sandbox,
			redis,
			postgres,
			main,
			workers,
			session,
			startupSeconds,
			startupParts,
			webhookUrl: (webhookPath) => `${main.url}/webhook/${webhookPath.replace(/^\/+/, '')}`,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

/** The executions a worker ran, from its log ("Worker started execution <id> (job <job>)"). */
export function executionsRunBy(worker: N8nWorker): string[] {
	return [...worker.logs().matchAll(/Worker started execution (\d+) \(job /g)].map((match) => match[1]);
}
