// The environment every n8n process (server or CLI) of one user folder shares, and
// the installed copy of the pack that n8n loads as a community package.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PACK_NAME, PROJECT_ROOT, runtimeLayout } from './layout.mjs';
import { cleanEnvironment, withPathFirst } from './commands.mjs';

/**
 * The key n8n encrypts stored credentials with: random, made once per user folder and kept
 * in it (mode 0600), so the CLI, the server and later runs of that folder agree, and real
 * OVHcloud keys given to `npm start` are not protected by a key published in this repository.
 * @param {string} userFolder
 * @returns {string}
 */
export function encryptionKeyFor(userFolder) {
	const file = path.join(userFolder, '.encryption-key');
	if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
	fs.mkdirSync(userFolder, { recursive: true });
	const key = randomBytes(32).toString('hex');
	fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
	return key;
}

// Inherited variables that would change what n8n does behind our back: jest sets
// NODE_ENV=test (n8n then refuses to load nodes), a stray N8N_CUSTOM_EXTENSIONS=''
// makes n8n glob its own node_modules, and so on. Callers pass what they want in `env`.
const DROPPED = [/^N8N_/, /^DB_/, /^EXECUTIONS_/, /^QUEUE_/, /^NODE_ENV$/, /^NODE_OPTIONS$/, /^WEBHOOK_URL$/, /^JEST_/];

/**
 * @param {{ userFolder: string; port?: number; brokerPort?: number; env?: Record<string, string>; runtimeDir?: string }} options
 * @returns {Record<string, string>}
 */
export function n8nEnvironment({ userFolder, port, brokerPort, env = {}, runtimeDir }) {
	const layout = runtimeLayout(runtimeDir);
	const inherited = Object.fromEntries(Object.entries(cleanEnvironment()).filter(([key]) => !DROPPED.some((pattern) => pattern.test(key))));
	return {
		...withPathFirst(inherited, path.dirname(layout.nodeBinary)),
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKeyFor(userFolder),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(port ?? 5678),
		// The broker defaults to 5679 for every instance; two n8n processes (a server
		// and `n8n execute`) of the same machine must not share it.
		N8N_RUNNERS_BROKER_PORT: String(brokerPort ?? (port ?? 5678) + 1),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// No outbound call at run time: PostHog + Rudderstack, the MCP registry refresh,
		// and the front-end fetches of versions, templates and the survey.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		// The catalogue of n8n-vetted community nodes, fetched after login (from n8n's staging API,
		// since NODE_ENV is dropped). Packages installed in the user folder, ours, still load.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_SECURE_COOKIE: 'false',
		// n8n waits 30 s by default for running executions on SIGTERM; our stop() is bounded tighter.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		// n8n 2.41's own defaults, written out: n8n prints a deprecation notice at every start for
		// each of these left unset (its default will change). Same behaviour, quieter start.
		// Internal task runners (N8N_RUNNERS_MODE) and the Python runner's missing venv still warn:
		// no setting of n8n silences them short of running external task runners.
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_TASK_TIMEOUT: '300',
		N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(2 * 1024 * 1024 * 1024),
		N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '5000',
		...env,
	};
}

/**
 * Installs the built pack into the user folder the way n8n installs a community
 * package: package.json without dev/peer dependencies, plus the published `files`.
 *
 * In production the pack finds no `n8n-workflow` next to it and resolves n8n's own
 * copy (n8n appends its node_modules to NODE_PATH). Here, Node would find the
 * project's devDependency first: through a symlink to the project (Node follows
 * symlinks), or by walking up from a user folder inside the project. That second
 * copy's error classes fail n8n's `instanceof` checks. So the pack is copied, and
 * `n8n-workflow` beside it links to n8n's copy: the very module n8n itself loaded
 * (n8n only scans `n8n-nodes-*` folders, so the link is not taken for a package).
 * @param {string} userFolder
 * @param {{ packRoot?: string; runtimeDir?: string }} [options]
 * @returns {{ packageName: string; directory: string; updated: boolean }}
 */
export function installPack(userFolder, { packRoot = PROJECT_ROOT, runtimeDir } = {}) {
	const manifest = JSON.parse(fs.readFileSync(path.join(packRoot, 'package.json'), 'utf8'));
	const declared = [...(manifest.n8n?.credentials ?? []), ...(manifest.n8n?.nodes ?? [])];
	const missing = declared.filter((file) => !fs.existsSync(path.join(packRoot, file)));
	if (declared.length === 0 || missing.length > 0) {
		throw new Error(
			`The pack is not built (${missing.length > 0 ? `missing ${missing.join(', ')}` : 'package.json declares no n8n files'}): run \`npm run build\` first.`,
		);
	}
	const nodesModules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	const target = path.join(nodesModules, manifest.name ?? PACK_NAME);
	const entries = /** @type {string[]} */ (manifest.files ?? ['dist']).filter((entry) => fs.existsSync(path.join(packRoot, entry)));
	// A running server loads node files lazily: leave an up-to-date copy alone.
	const fingerprint = fingerprintOf(packRoot, ['package.json', ...entries]);
	const stamp = path.join(target, '.installed-from');
	if (readOrEmpty(stamp) === fingerprint) return { packageName: manifest.name, directory: target, updated: false };
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	// n8n strips these before its `npm install`, so the pack gets no n8n-workflow of its own.
	const published = Object.fromEntries(
		Object.entries(manifest).filter(([key]) => !['devDependencies', 'peerDependencies', 'optionalDependencies'].includes(key)),
	);
	fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify(published, null, 2) + '\n');
	for (const entry of entries) fs.cpSync(path.join(packRoot, entry), path.join(target, entry), { recursive: true });
	const workflowLink = path.join(nodesModules, 'n8n-workflow');
	fs.rmSync(workflowLink, { recursive: true, force: true });
	fs.symlinkSync(path.join(runtimeLayout(runtimeDir).n8nModules, 'n8n-workflow'), workflowLink, 'dir');
	fs.writeFileSync(stamp, fingerprint);
	return { packageName: manifest.name, directory: target, updated: true };
}

/**
 * Path, size and modification time of every file: changes whenever a build rewrites one.
 * @param {string} root
 * @param {string[]} entries
 */
function fingerprintOf(root, entries) {
	/** @type {string[]} */
	const lines = [];
	/** @param {string} relative */
	const visit = (relative) => {
		const absolute = path.join(root, relative);
		const stat = fs.statSync(absolute);
		if (stat.isDirectory()) {
			for (const child of fs.readdirSync(absolute).sort()) visit(path.join(relative, child));
		} else {
			lines.push(`${relative} ${stat.size} ${stat.mtimeMs}`);
		}
	};
	for (const entry of entries) visit(entry);
	return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** @param {string} file */
function readOrEmpty(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

/** @returns {Promise<number>} */
export async function findFreePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export async function isPortFree(port) {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * @param {number} port
 * @param {string} purpose
 * @returns {Promise<void>}
 */
export async function assertPortFree(port, purpose) {
	await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', (/** @type {NodeJS.ErrnoException} */ error) =>
			reject(
				new Error(
					error.code === 'EADDRINUSE'
						? `Port ${port} (${purpose}) is already in use on 127.0.0.1: is another n8n running? Stop it or pick another port.`
						: `Cannot use port ${port} (${purpose}): ${error.message}`,
				),
			),
		);
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(undefined)));
	});
}
