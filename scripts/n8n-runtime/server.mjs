// A real n8n server on 127.0.0.1 with the pack installed as a community package.
import fs from 'node:fs';
import path from 'node:path';
import { runtimeLayout } from './layout.mjs';
import { assertPortFree, findFreePort, installPack, isPortFree, n8nEnvironment } from './environment.mjs';
import { superviseN8n } from './n8nProcess.mjs';
import { assertInstalled } from './install.mjs';

// Published workflows register their webhooks only after this line, a moment after
// /healthz/readiness turns 200, so readiness means both.
const READY_LINE = 'Editor is now accessible via';
const DEFAULT_READY_TIMEOUT_MS = 120_000; // 10-22 s here, depending on load

/**
 * Starts n8n and resolves once it serves the editor. The returned `stop()` always
 * ends the server and its task runner: SIGTERM to the process group, SIGKILL after
 * a bound. Every line n8n prints is kept in `logs()` and in `<userFolder>/n8n.log`;
 * `exited` settles when the server process ends, whoever ended it.
 */
/**
 * @typedef {object} StartN8nOptions
 * @property {string} userFolder
 * @property {number} [port] Default 5678.
 * @property {number} [brokerPort] Default port + 1, or a free port when that one is taken.
 * @property {Record<string, string>} [env] Added to (and overriding) the runtime's environment block.
 * @property {(line: string) => void} [log]
 * @property {(chunk: Buffer) => void} [output] Receives n8n's output as it comes.
 * @property {number} [readyTimeoutMs] Default 120 s.
 * @property {boolean} [installPackage] Default true: copy the built pack into the user folder first.
 * @property {string} [runtimeDir]
 */

/**
 * @typedef {import('./n8nProcess.mjs').N8nProcess & {
 *   url: string;
 *   port: number;
 *   userFolder: string;
 *   environment: Record<string, string>;
 * }} N8nServer `url` is `http://127.0.0.1:<port>`.
 */

/**
 * @param {StartN8nOptions} options
 * @returns {Promise<N8nServer>}
 */
export async function startN8n({
	userFolder,
	port = 5678,
	brokerPort,
	env = {},
	log = () => {},
	output,
	readyTimeoutMs = DEFAULT_READY_TIMEOUT_MS,
	installPackage = true,
	runtimeDir,
}) {
	if (!userFolder) throw new Error('startN8n needs a userFolder (n8n keeps its database and settings there)');
	const layout = runtimeLayout(runtimeDir);
	assertInstalled(layout);
	await assertPortFree(port, 'n8n');
	if (brokerPort === undefined) {
		// The usual port + 1 when free; any free port otherwise (the broker is internal).
		brokerPort = (await isPortFree(port + 1)) ? port + 1 : await findFreePort();
	} else {
		await assertPortFree(brokerPort, 'n8n task broker');
	}
	const environment = n8nEnvironment({ userFolder, port, brokerPort, env, runtimeDir });
	fs.mkdirSync(userFolder, { recursive: true });
	if (installPackage) installPack(userFolder, { runtimeDir });

	const url = `http://127.0.0.1:${port}`;
	log(`[n8n-runtime] starting n8n on ${url} (user folder ${userFolder})`);
	const supervised = await superviseN8n({
		nodeBinary: layout.nodeBinary,
		args: [layout.n8nEntry, 'start'],
		cwd: userFolder,
		environment,
		logFile: path.join(userFolder, 'n8n.log'),
		readinessUrl: `${url}/healthz/readiness`,
		readyLine: READY_LINE,
		readyTimeoutMs,
		what: 'n8n',
		output,
	});
	log(`[n8n-runtime] n8n is ready at ${url} after ${supervised.readySeconds.toFixed(1)} s`);
	return { url, port, userFolder, environment, ...supervised };
}
