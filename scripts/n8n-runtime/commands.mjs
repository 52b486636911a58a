// Child processes shared by the installer, the CLI wrapper and the server.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parent's environment without the npm_* variables `npm run` injects: they carry
 * the project's `.npmrc` (ignore-scripts, nodedir=/usr) into every child npm and
 * would silently break the Node 24 installs. */
export function cleanEnvironment(base = process.env) {
	/** @type {Record<string, string>} */
	const env = {};
	for (const [key, value] of Object.entries(base)) {
		if (value === undefined || key.startsWith('npm_') || key.startsWith('NPM_CONFIG_')) continue;
		env[key] = value;
	}
	return env;
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string} directory
 */
export function withPathFirst(env, directory) {
	return { ...env, PATH: [directory, env.PATH].filter(Boolean).join(path.delimiter) };
}

const REAPER = fileURLToPath(new URL('./reaper.mjs', import.meta.url));

/** Starts a command in its own process group, behind the reaper, so that neither it
 * nor anything it forks can outlive us. stdin is the reaper's lifeline: never end it. */
/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string; env?: Record<string, string | undefined> }} options
 * @returns {import('node:child_process').ChildProcessWithoutNullStreams}
 */
export function spawnSupervised(command, args, { cwd, env }) {
	const child = spawn(process.execPath, [REAPER, command, ...args], {
		cwd,
		env,
		stdio: ['pipe', 'pipe', 'pipe'],
		detached: true,
	});
	const release = killOnExit(child);
	child.on('close', release);
	return child;
}

/**
 * @typedef {object} CliResult
 * @property {number | null} code
 * @property {NodeJS.Signals | null} signal
 * @property {boolean} timedOut
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * Runs a command to completion and collects its output (never throws on exit code).
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number; onOutput?: (chunk: Buffer) => void }} [options]
 * @returns {Promise<CliResult>}
 */
export function runCommand(command, args, { cwd, env, timeoutMs, onOutput } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawnSupervised(command, args, { cwd, env });
		/** @type {Buffer[]} */
		const stdout = [];
		/** @type {Buffer[]} */
		const stderr = [];
		child.stdout.on('data', (chunk) => {
			stdout.push(chunk);
			onOutput?.(chunk);
		});
		child.stderr.on('data', (chunk) => {
			stderr.push(chunk);
			onOutput?.(chunk);
		});
		let timedOut = false;
		const timer =
			timeoutMs === undefined
				? undefined
				: setTimeout(() => {
						timedOut = true;
						killGroup(child, 'SIGKILL');
					}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({
				code: timedOut ? null : code,
				signal,
				timedOut,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
			});
		});
	});
}

/** Signals the child's whole process group (n8n forks a task runner we must not orphan). */
/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
export function killGroup(child, signal) {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// the group is already empty
	}
}

/**
 * Stops a supervised child and everything it forked: SIGTERM to its group, SIGKILL
 * after `graceMs`. Resolves `{ forced, stillRunning }` once the group is empty (or
 * after a last bound, should even SIGKILL not be enough).
 * @param {import('node:child_process').ChildProcess} child
 * @param {{ graceMs?: number; killWaitMs?: number }} [options]
 * @returns {Promise<{ forced: boolean; stillRunning: boolean }>}
 */
export async function stopSupervised(child, { graceMs = 15_000, killWaitMs = 5_000 } = {}) {
	let forced = false;
	killGroup(child, 'SIGTERM');
	if (!(await waitUntil(() => !isGroupAlive(child), graceMs))) {
		forced = true;
		killGroup(child, 'SIGKILL');
		await waitUntil(() => !isGroupAlive(child), killWaitMs);
	}
	return { forced, stillRunning: isGroupAlive(child) };
}

/**
 * @param {() => boolean} condition
 * @param {number} timeoutMs
 */
async function waitUntil(condition, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (condition()) return true;
		await sleep(100);
	}
	return condition();
}

/**
 * True while any process of the child's group is still running.
 * @param {import('node:child_process').ChildProcess} child
 */
export function isGroupAlive(child) {
	if (child.pid === undefined) return false;
	try {
		process.kill(-child.pid, 0);
		return true;
	} catch (error) {
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
	}
}

/** @type {Set<import('node:child_process').ChildProcess>} */
const liveChildren = new Set();
let exitHookInstalled = false;

/** If our process exits normally (or via process.exit) with a child group still
 * running, kill it synchronously; deaths by signal are the reaper's job.
 * @param {import('node:child_process').ChildProcess} child */
function killOnExit(child) {
	liveChildren.add(child);
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.on('exit', () => {
			for (const running of liveChildren) killGroup(running, 'SIGKILL');
		});
	}
	return () => liveChildren.delete(child);
}

/** @param {number} pid */
export function isProcessAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
	}
}

/** @param {number} ms @returns {Promise<void>} */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
