// Where the runtime lives and which versions it pins. Everything is derived from
// one folder so CI can cache `.n8n-runtime/` as a whole.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// 2.41.3 (npm's `latest`) cannot be installed: it needs @n8n/agents@0.26.2, which
// was never published. 2.41.1 is the newest 2.x that resolves, and 2.x needs Node 24.
export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';

export const PACK_NAME = 'n8n-nodes-ovh-sms';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(here, '..', '..');
export const LOCKS_DIR = path.join(here, 'locks');

/** @typedef {ReturnType<typeof runtimeLayout>} RuntimeLayout */

/** @param {string} [runtimeDir] */
export function runtimeLayout(runtimeDir = path.join(PROJECT_ROOT, '.n8n-runtime')) {
	const nodeDir = path.join(runtimeDir, 'node');
	const n8nDir = path.join(runtimeDir, 'n8n');
	// node@24 is a thin wrapper whose preinstall fetches the platform package; the
	// real binary and the headers that native builds need are in there.
	const nodeHome = path.join(nodeDir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
	return {
		runtimeDir,
		nodeDir,
		n8nDir,
		nodeHome,
		nodeBinary: path.join(nodeHome, 'bin', 'node'),
		n8nEntry: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nModules: path.join(n8nDir, 'node_modules'),
		sqliteBinding: path.join(n8nDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
		marker: path.join(runtimeDir, 'installed.json'),
		installLock: path.join(runtimeDir, '.install-lock'),
		installLog: path.join(runtimeDir, 'install.log'),
	};
}
