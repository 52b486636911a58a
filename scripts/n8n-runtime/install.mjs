// First-run install of Node 24 and n8n into `.n8n-runtime/`, reused afterwards.
// n8n is deliberately not a devDependency: it weighs 2.9 GB and needs Node 24,
// while the project itself builds and tests on Node 20 with a light `npm ci`.
import fs from 'node:fs';
import path from 'node:path';
import { LOCKS_DIR, N8N_VERSION, NODE_VERSION, runtimeLayout } from './layout.mjs';
import { cleanEnvironment, isProcessAlive, runCommand, sleep, withPathFirst } from './commands.mjs';

/** @typedef {import('./layout.mjs').RuntimeLayout} RuntimeLayout */
/** @typedef {(line: string) => void} Log */

const PREFIX = '[n8n-runtime]';
const HEARTBEAT_MS = 30_000;
const OTHER_INSTALL_WAIT_MS = 20 * 60_000;
const STEP_TIMEOUT_MS = 25 * 60_000;

const MANIFESTS = {
	node: {
		name: 'n8n-runtime-node',
		private: true,
		description: 'Written by scripts/n8n-runtime: Node 24 from the npm registry, for n8n 2.x.',
		dependencies: { node: NODE_VERSION },
		// node@24's preinstall fetches the platform binary; newer npm blocks unapproved scripts.
		allowScripts: { node: true },
	},
	n8n: {
		name: 'n8n-runtime-server',
		private: true,
		description: 'Written by scripts/n8n-runtime: the n8n server the e2e tests and `npm start` use.',
		dependencies: { n8n: N8N_VERSION },
		allowScripts: { sqlite3: true },
	},
};

/**
 * Makes sure Node 24 and n8n are installed in the runtime folder and returns its layout.
 * The marker file is written last, so an interrupted install is redone from scratch.
 * @param {{ log?: Log; runtimeDir?: string }} [options]
 * @returns {Promise<RuntimeLayout & { installed: boolean }>}
 */
export async function ensureRuntime({ log = console.log, runtimeDir } = {}) {
	const layout = runtimeLayout(runtimeDir);
	if (isInstalled(layout)) return { ...layout, installed: false };

	fs.mkdirSync(layout.runtimeDir, { recursive: true });
	const releaseLock = await acquireInstallLock(layout, log);
	try {
		// Another process may have finished the install while we waited for its lock.
		if (isInstalled(layout)) return { ...layout, installed: false };
		await install(layout, log);
		return { ...layout, installed: true };
	} finally {
		releaseLock();
	}
}

/** @param {RuntimeLayout} layout */
export function assertInstalled(layout) {
	if (!isInstalled(layout)) {
		throw new Error(
			`${PREFIX} Node ${NODE_VERSION} + n8n ${N8N_VERSION} are not installed in ${layout.runtimeDir}: call ensureRuntime() first.`,
		);
	}
}

/** @param {RuntimeLayout} layout */
function isInstalled(layout) {
	let marker;
	try {
		marker = JSON.parse(fs.readFileSync(layout.marker, 'utf8'));
	} catch {
		return false;
	}
	return (
		marker.node === NODE_VERSION &&
		marker.n8n === N8N_VERSION &&
		[layout.nodeBinary, layout.n8nEntry, layout.sqliteBinding].every((file) => fs.existsSync(file))
	);
}

/**
 * @param {RuntimeLayout} layout
 * @param {Log} log
 */
async function install(layout, log) {
	const started = Date.now();
	assertLocksMatchVersions();
	fs.rmSync(layout.marker, { force: true });
	fs.rmSync(layout.nodeDir, { recursive: true, force: true });
	fs.rmSync(layout.n8nDir, { recursive: true, force: true });
	fs.writeFileSync(layout.installLog, `n8n runtime install, ${new Date().toISOString()}\n`);
	log(
		`${PREFIX} first run: installing Node ${NODE_VERSION} and n8n ${N8N_VERSION} into ${layout.runtimeDir} (about 7 min, 3.1 GB; reused afterwards)`,
	);

	const baseEnv = cleanEnvironment();
	writeManifest(layout.nodeDir, 'node');
	await step(
		layout,
		log,
		`1/4 installing Node ${NODE_VERSION} from the npm registry (about 10 s, 190 MB)`,
		'npm',
		['ci', '--ignore-scripts=false', '--no-audit', '--no-fund', '--prefer-offline'],
		{ cwd: layout.nodeDir, env: baseEnv },
	);

	// npm itself (the system one, plain JS) must run on Node 24 from here on, and
	// native builds must use Node 24's headers, not the global `nodedir=/usr`.
	const node24Env = { ...withPathFirst(baseEnv, path.dirname(layout.nodeBinary)), npm_config_nodedir: layout.nodeHome };
	writeManifest(layout.n8nDir, 'n8n');
	// Install scripts stay off: kafka's downloads github.com, scarf phones home, and
	// none is needed; sqlite3 is the one native module n8n needs, built next.
	await step(
		layout,
		log,
		`2/4 installing n8n ${N8N_VERSION} (about 6 min, 2.9 GB)`,
		'npm',
		['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', `--nodedir=${layout.nodeHome}`],
		{ cwd: layout.n8nDir, env: node24Env },
	);
	await step(layout, log, `3/4 compiling sqlite3 for Node 24 (about 70 s)`, 'npm', ['rebuild', 'sqlite3', `--nodedir=${layout.nodeHome}`], {
		cwd: layout.n8nDir,
		env: node24Env,
	});

	await step(
		layout,
		log,
		'4/4 checking the runtime (a few seconds)',
		layout.nodeBinary,
		[
			'-e',
			`if (process.versions.node !== ${JSON.stringify(NODE_VERSION)}) throw new Error('node ' + process.version);
     require(${JSON.stringify(path.join(layout.n8nModules, 'sqlite3'))});
     const version = require(${JSON.stringify(path.join(layout.n8nModules, 'n8n', 'package.json'))}).version;
     if (version !== ${JSON.stringify(N8N_VERSION)}) throw new Error('n8n ' + version);`,
		],
		{ cwd: layout.n8nDir, env: node24Env },
	);

	const seconds = Math.round((Date.now() - started) / 1000);
	fs.writeFileSync(
		layout.marker,
		JSON.stringify({ node: NODE_VERSION, n8n: N8N_VERSION, installedAt: new Date().toISOString(), seconds }, null, 2) + '\n',
	);
	log(`${PREFIX} runtime ready in ${formatDuration(seconds * 1000)} (log: ${layout.installLog})`);
}

/**
 * @param {string} directory
 * @param {keyof typeof MANIFESTS} which
 */
function writeManifest(directory, which) {
	fs.mkdirSync(directory, { recursive: true });
	fs.writeFileSync(path.join(directory, 'package.json'), JSON.stringify(MANIFESTS[which], null, 2) + '\n');
	fs.copyFileSync(path.join(LOCKS_DIR, `${which}.package-lock.json`), path.join(directory, 'package-lock.json'));
}

/** A version bump without a fresh lockfile would make `npm ci` fail with a cryptic message. */
function assertLocksMatchVersions() {
	for (const which of /** @type {Array<keyof typeof MANIFESTS>} */ (Object.keys(MANIFESTS))) {
		const lock = JSON.parse(fs.readFileSync(path.join(LOCKS_DIR, `${which}.package-lock.json`), 'utf8'));
		const locked = lock.packages?.['']?.dependencies ?? {};
		for (const [name, version] of Object.entries(MANIFESTS[which].dependencies)) {
			if (locked[name] !== version) {
				throw new Error(
					`scripts/n8n-runtime/locks/${which}.package-lock.json pins ${name}@${locked[name]}, layout.mjs asks for ${version}: ` +
						'regenerate the lock (see docs/n8n-runtime.md).',
				);
			}
		}
	}
}

/**
 * @param {RuntimeLayout} layout
 * @param {Log} log
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string; env: Record<string, string | undefined> }} options
 */
async function step(layout, log, title, command, args, { cwd, env }) {
	const started = Date.now();
	log(`${PREFIX} ${title} …`);
	const logFile = fs.openSync(layout.installLog, 'a');
	fs.writeSync(logFile, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
	const heartbeat = setInterval(() => log(`${PREFIX}     … still working (${formatDuration(Date.now() - started)})`), HEARTBEAT_MS);
	let result;
	try {
		result = await runCommand(command, args, {
			cwd,
			env,
			timeoutMs: STEP_TIMEOUT_MS,
			onOutput: (chunk) => fs.writeSync(logFile, chunk),
		});
	} finally {
		clearInterval(heartbeat);
		fs.closeSync(logFile);
	}
	if (result.code !== 0) {
		const tail = (result.stdout + result.stderr).trim().split('\n').slice(-25).join('\n');
		throw new Error(
			`${PREFIX} step failed: ${title} (${result.timedOut ? 'timed out' : `exit ${result.code ?? result.signal}`}).\n` +
				`Full log: ${layout.installLog}\n${tail}`,
		);
	}
	log(`${PREFIX}     done in ${formatDuration(Date.now() - started)}`);
}

/**
 * @param {RuntimeLayout} layout
 * @param {Log} log
 * @returns {Promise<() => void>}
 */
async function acquireInstallLock(layout, log) {
	const deadline = Date.now() + OTHER_INSTALL_WAIT_MS;
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(layout.installLock);
			fs.writeFileSync(path.join(layout.installLock, 'pid'), String(process.pid));
			return () => fs.rmSync(layout.installLock, { recursive: true, force: true });
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
		}
		const owner = Number(readOrEmpty(path.join(layout.installLock, 'pid')));
		if (!owner || !isProcessAlive(owner)) {
			// Left behind by a killed install (or created a moment ago, pid not written yet).
			await sleep(1000);
			const ownerNow = Number(readOrEmpty(path.join(layout.installLock, 'pid')));
			if (!ownerNow || !isProcessAlive(ownerNow)) fs.rmSync(layout.installLock, { recursive: true, force: true });
			continue;
		}
		if (!announced) {
			log(`${PREFIX} another process (pid ${owner}) is installing the runtime; waiting for it`);
			announced = true;
		}
		if (Date.now() > deadline) throw new Error(`${PREFIX} gave up waiting for the install run by pid ${owner}`);
		await sleep(5000);
	}
}

/** @param {string} file */
function readOrEmpty(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

/** @param {number} ms */
export function formatDuration(ms) {
	const seconds = Math.round(ms / 1000);
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
