// Checks the one operation layout of the action nodes (CONTRIBUTING.md, "Where code goes"),
// so that a helper sits where a newcomer looks for it: with the one operation that uses it,
// in its resource's `common/` when two operations of that resource use it, in the node's
// `actions/common/` when two resources use it, in `nodes/shared/` when two nodes use it.
// Imports are read as text (relative `from '…'` only); tests and lib/ do not count as users.
// Leaves out the Trigger node, which has events, not resources and operations.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The checkout to read: this one, or the folder given (the layout test reads a copy).
const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const nodesDir = path.join(root, 'nodes');

/** @param {string} dir @returns {string[]} */
function tsFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return tsFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

const files = tsFiles(nodesDir).map((file) => path.relative(root, file));
/** @type {Map<string, Set<string>>} who imports each file */
const importers = new Map(files.map((file) => [file, new Set()]));
for (const file of files) {
	const source = fs.readFileSync(path.join(root, file), 'utf8');
	for (const [, spec] of source.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
		const target = path.normalize(path.join(path.dirname(file), spec));
		for (const candidate of [`${target}.ts`, path.join(target, 'index.ts')]) importers.get(candidate)?.add(file);
	}
}

/**
 * Where a file sits in an action node: `actions/<parts…>`.
 * @param {string} file
 * @returns {{ node: string, parts: string[] } | undefined}
 */
function placeOf(file) {
	const [top, node, actions, ...parts] = file.split(path.sep);
	if (top !== 'nodes' || actions !== 'actions') return undefined;
	return { node, parts };
}

/**
 * The users a file serves, as `node`, `node/resource` or `node/resource/operation`, found by
 * following importers up through helpers until an operation, a resource index or the node.
 * @param {string} file
 * @param {Set<string>} [seen]
 * @returns {Set<string>}
 */
function usersOf(file, seen = new Set()) {
	const users = new Set();
	for (const importer of importers.get(file) ?? []) {
		if (seen.has(importer)) continue;
		seen.add(importer);
		const place = placeOf(importer);
		const node = importer.split(path.sep)[1];
		if (!place || importer.startsWith(path.join('nodes', 'shared'))) {
			if (importer.startsWith(path.join('nodes', 'shared'))) for (const user of usersOf(importer, seen)) users.add(user);
			else users.add(node);
			continue;
		}
		const [resource, name] = place.parts;
		if (name?.endsWith('.operation.ts')) users.add(`${node}/${resource}/${name.replace(/\.operation\.ts$/, '')}`);
		else if (name === 'index.ts') users.add(`${node}/${resource}`);
		else if (place.parts.length === 1) users.add(node);
		else for (const user of usersOf(importer, seen)) users.add(user);
	}
	return users;
}

/** @type {string[]} */
const problems = [];
/** @param {string} file @param {string} why */
const report = (file, why) => problems.push(`${file}: ${why}`);
const resourceOf = (/** @type {string} */ user) => user.split('/').slice(0, 2).join('/');
const nodeOf = (/** @type {string} */ user) => user.split('/')[0];

/** Where a helper with these users belongs. @param {string} node @param {Set<string>} users */
function homeFor(node, users) {
	const list = [...users];
	if (list.some((user) => nodeOf(user) !== node)) return path.join('nodes', 'shared');
	const resources = new Set(list.map(resourceOf));
	if (resources.size !== 1 || list.some((user) => !user.includes('/'))) return path.join('nodes', node, 'actions', 'common');
	const [resource] = resources;
	if (list.length === 1 && list[0].split('/').length === 3) {
		return path.join('nodes', node, 'actions', resource.split('/')[1], list[0].split('/')[2]);
	}
	return path.join('nodes', node, 'actions', resource.split('/')[1], 'common');
}

for (const file of files) {
	const place = placeOf(file);
	if (!place) continue;
	const { node, parts } = place;
	const here = path.dirname(file);
	const ofResource = path.join('nodes', node, 'actions', parts[0]);
	if (parts.length === 1) {
		if (!['router.ts', 'types.ts'].includes(parts[0])) report(file, 'only router.ts and types.ts sit directly in actions/');
		continue;
	}
	if (parts.length === 2 && (parts[1] === 'index.ts' || parts[1].endsWith('.operation.ts'))) {
		if (parts[0] === 'common') report(file, 'common/ holds helpers, not operations');
		continue;
	}
	if (parts.length > 3) {
		report(file, 'folders go one level deep: actions/<resource>/<operation or common>/<helper>.ts');
		continue;
	}
	if (parts.length === 3 && parts[1] !== 'common' && !fs.existsSync(path.join(root, ofResource, `${parts[1]}.operation.ts`))) {
		report(file, `no ${parts[1]}.operation.ts next to its folder: a helper folder is named after its operation, or common/`);
		continue;
	}
	const users = usersOf(file);
	if (users.size === 0) {
		report(file, 'nothing in nodes/ uses it');
		continue;
	}
	const home = homeFor(node, users);
	if (home !== here) report(file, `used by ${[...users].sort().join(', ')}: it belongs in ${home}/`);
}

for (const file of files.filter((name) => path.dirname(name) === path.join('nodes', 'shared'))) {
	const nodes = new Set([...usersOf(file)].map(nodeOf));
	if (nodes.size < 2) report(file, `only ${[...nodes].join(', ') || 'nothing'} uses it: nodes/shared/ is for what two nodes use`);
}

if (problems.length) {
	console.error(`lint-layout: ${problems.length} file(s) out of place (see CONTRIBUTING.md, "Where code goes"):`);
	for (const problem of problems) console.error(`  ${problem}`);
	process.exit(1);
}
console.log(`lint-layout: ${files.length} files in nodes/ where CONTRIBUTING.md says`);
