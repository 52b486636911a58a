// One supervised n8n process (`n8n start` or `n8n worker`): its output kept in memory and in a
// log file, ready when its readiness URL answers 200 and it printed its ready line, and a
// `stop()` that always ends it and its task runner (SIGTERM to the process group, SIGKILL
// after a bound). `exited` settles when the process ends, whoever ended it.
import fs from 'node:fs';
import { sleep, spawnSupervised, stopSupervised } from './commands.mjs';

const STOP_GRACE_MS = 15_000;
const KILL_WAIT_MS = 5_000;

/**
 * @typedef {object} SuperviseOptions
 * @property {string} nodeBinary
 * @property {string[]} args
 * @property {string} cwd
 * @property {Record<string, string>} environment
 * @property {string} logFile
 * @property {string} readinessUrl
 * @property {string} readyLine
 * @property {number} readyTimeoutMs
 * @property {string} what
 * @property {(chunk: Buffer) => void} [output]
 */

/**
 * What every supervised n8n process (server or worker) offers.
 * @typedef {object} N8nProcess
 * @property {number} pid
 * @property {number} readySeconds
 * @property {string} logFile `<userFolder>/n8n.log` (server) or `n8n-worker.log` (worker).
 * @property {() => string} logs Everything the process printed so far.
 * @property {() => Promise<{ forced: boolean; stillRunning: boolean }>} stop SIGTERM to the process and its task runner, SIGKILL after 15 s. Safe to call twice.
 * @property {Promise<{ code: number | null; signal: NodeJS.Signals | null }>} exited Settles when the process ends.
 */

/**
 * @param {SuperviseOptions} options
 * @returns {Promise<N8nProcess>}
 */
export async function superviseN8n({ nodeBinary, args, cwd, environment, logFile, readinessUrl, readyLine, readyTimeoutMs, what, output }) {
	const logStream = fs.createWriteStream(logFile, { flags: 'a' });
	/** @type {Buffer[]} */
	const chunks = [];
	const started = Date.now();
	const child = spawnSupervised(nodeBinary, args, { cwd, env: environment });
	/** @param {Buffer} chunk */
	const onChunk = (chunk) => {
		chunks.push(chunk);
		logStream.write(chunk);
		output?.(chunk);
	};
	child.stdout.on('data', onChunk);
	child.stderr.on('data', onChunk);
	const logs = () => Buffer.concat(chunks).toString('utf8');

	/** @type {Promise<{ code: number | null; signal: NodeJS.Signals | null }>} */
	const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
	/** @type {{ code: number | null; signal: NodeJS.Signals | null } | undefined} */
	let exitStatus;
	void exited.then((status) => {
		exitStatus = status;
	});

	/** @type {Promise<{ forced: boolean; stillRunning: boolean }> | undefined} */
	let stopping;
	const stop = () => {
		stopping ??= (async () => {
			const result = await stopSupervised(child, { graceMs: STOP_GRACE_MS, killWaitMs: KILL_WAIT_MS });
			await settledWithin(exited, KILL_WAIT_MS);
			await new Promise((resolve) => logStream.end(() => resolve(undefined)));
			return result;
		})();
		return stopping;
	};

	try {
		const deadline = Date.now() + readyTimeoutMs;
		let readinessOk = false;
		for (;;) {
			if (exitStatus) throw new Error(`${what} exited before it was ready (code ${exitStatus.code ?? exitStatus.signal})`);
			if (!readinessOk) readinessOk = await isReady(readinessUrl);
			if (readinessOk && logs().includes(readyLine)) break;
			if (Date.now() > deadline) throw new Error(`${what} was not ready after ${readyTimeoutMs / 1000} s`);
			await sleep(200);
		}
	} catch (error) {
		await stop();
		if (!(error instanceof Error)) throw error;
		error.message += `\n--- last ${what} output (full log: ${logFile}) ---\n${logs().trimEnd().split('\n').slice(-40).join('\n')}`;
		throw error;
	}
	return { pid: /** @type {number} */ (child.pid), readySeconds: (Date.now() - started) / 1000, logFile, logs, stop, exited };
}

/** @param {string} readinessUrl */
async function isReady(readinessUrl) {
	try {
		const response = await fetch(readinessUrl, { signal: AbortSignal.timeout(2000) });
		await response.body?.cancel();
		return response.status === 200;
	} catch {
		return false;
	}
}

/**
 * Waits for a promise, at most `ms`, leaving no timer behind to hold the process open.
 * @param {Promise<unknown>} promise
 * @param {number} ms
 */
async function settledWithin(promise, ms) {
	/** @type {NodeJS.Timeout | undefined} */
	let timer;
	await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
	clearTimeout(timer);
}
