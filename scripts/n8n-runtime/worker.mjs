// An n8n worker (`n8n worker`) for queue mode: it takes executions from the Redis queue
// that a main instance (startN8n with EXECUTIONS_MODE=queue) fills. It serves no editor;
// its health server on `healthPort` tells when it is ready.
import fs from 'node:fs';
import path from 'node:path';
import { runtimeLayout } from './layout.mjs';
import { assertPortFree, findFreePort, installPack, n8nEnvironment } from './environment.mjs';
import { superviseN8n } from './n8nProcess.mjs';
import { assertInstalled } from './install.mjs';

const READY_LINE = 'n8n worker is now ready';
const DEFAULT_READY_TIMEOUT_MS = 120_000;

/**
 * Starts `n8n worker` and resolves once it takes jobs. `env` must carry the queue settings
 * the main instance uses (EXECUTIONS_MODE, QUEUE_BULL_REDIS_*, DB_*) and the main's
 * N8N_ENCRYPTION_KEY: a worker decrypts the credentials the main stored. Like a worker on
 * its own machine, it has its own user folder, with the pack installed in it.
 */
/**
 * @typedef {object} StartN8nWorkerOptions
 * @property {string} userFolder
 * @property {number} [healthPort] The health server's port (QUEUE_HEALTH_CHECK_PORT). Default: a free one.
 * @property {number} [brokerPort] Default: a free one.
 * @property {number} [concurrency] Jobs run at once (`n8n worker --concurrency`); n8n's default is 10.
 * @property {Record<string, string>} [env] The queue settings shared with the main instance.
 * @property {(line: string) => void} [log]
 * @property {(chunk: Buffer) => void} [output]
 * @property {number} [readyTimeoutMs] Default 120 s.
 * @property {boolean} [installPackage] Default true.
 * @property {string} [runtimeDir]
 */

/**
 * @typedef {import('./n8nProcess.mjs').N8nProcess & {
 *   url: string;
 *   healthPort: number;
 *   brokerPort: number;
 *   userFolder: string;
 *   environment: Record<string, string>;
 * }} N8nWorker `url` is the worker's health server (`/healthz`, `/healthz/readiness`).
 */

/**
 * @param {StartN8nWorkerOptions} options
 * @returns {Promise<N8nWorker>}
 */
export async function startN8nWorker({
	userFolder,
	healthPort,
	brokerPort,
	concurrency,
	env = {},
	log = () => {},
	output,
	readyTimeoutMs = DEFAULT_READY_TIMEOUT_MS,
	installPackage = true,
	runtimeDir,
}) {
	if (!userFolder) throw new Error('startN8nWorker needs a userFolder');
	const layout = runtimeLayout(runtimeDir);
	assertInstalled(layout);
	healthPort ??= await findFreePort();
	await assertPortFree(healthPort, 'n8n worker health check');
	brokerPort ??= await findFreePort();
	const environment = n8nEnvironment({
		userFolder,
		// A worker serves no editor; N8N_PORT is only the default of the health port, set below.
		port: healthPort,
		brokerPort,
		env: {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...env,
		},
		runtimeDir,
	});
	fs.mkdirSync(userFolder, { recursive: true });
	if (installPackage) installPack(userFolder, { runtimeDir });

	const url = `http://127.0.0.1:${healthPort}`;
	log(`[n8n-runtime] starting an n8n worker (health ${url}, user folder ${userFolder})`);
	const supervised = await superviseN8n({
		nodeBinary: layout.nodeBinary,
		args: [layout.n8nEntry, 'worker', ...(concurrency ? [`--concurrency=${concurrency}`] : [])],
		cwd: userFolder,
		environment,
		logFile: path.join(userFolder, 'n8n-worker.log'),
		readinessUrl: `${url}/healthz/readiness`,
		readyLine: READY_LINE,
		readyTimeoutMs,
		what: 'the n8n worker',
		output,
	});
	log(`[n8n-runtime] n8n worker ready after ${supervised.readySeconds.toFixed(1)} s`);
	return { url, healthPort, brokerPort, userFolder, environment, ...supervised };
}
