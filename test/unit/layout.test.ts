/**
 * The layout check of `npm run lint` (scripts/lint-layout.mjs): a newcomer who puts a helper
 * where CONTRIBUTING.md does not say is told where it belongs. Each case edits a copy of
 * nodes/ in a temporary folder, never this checkout.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'lint-layout.mjs');
const SMS = 'nodes/OvhSms/actions';

function moveModule(tree: string, from: string, to: string): void {
	fs.mkdirSync(path.dirname(path.join(tree, to)), { recursive: true });
	fs.renameSync(path.join(tree, from), path.join(tree, to));
	const fromSpec = from.replace(/\.ts$/, '');
	const toSpec = to.replace(/\.ts$/, '');
	const rewrite = (dir: string): void => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) rewrite(full);
			else if (entry.name.endsWith('.ts')) {
				const file = path.relative(tree, full);
				const source = fs.readFileSync(full, 'utf8').replace(/from '(\.{1,2}\/[^']+)'/g, (match, spec: string) => {
					const target = path.normalize(path.join(path.dirname(file === to ? from : file), spec));
					const moved = target === fromSpec ? toSpec : target;
					if (moved === target && file !== to) return match;
					const relative = path.relative(path.dirname(file), moved);
					return `from '${relative.startsWith('.') ? relative : `./${relative}`}'`;
				});
				fs.writeFileSync(full, source);
			}
		}
	};
	rewrite(path.join(tree, 'nodes'));
}

const CASES: Array<{ name: string; change: (tree: string) => void; says: RegExp | null }> = [
	{ name: 'the tree as it is passes', change: () => undefined, says: null },
	{
		name: "a helper of one operation left next to the operations is sent to that operation's folder",
		change: (tree) => moveModule(tree, `${SMS}/campaign/create/recipients.ts`, `${SMS}/campaign/recipients.ts`),
		says: /campaign\/recipients\.ts: used by OvhSms\/campaign\/create: it belongs in nodes\/OvhSms\/actions\/campaign\/create\//,
	},
	{
		name: "a helper two operations of one resource use is sent to the resource's common/",
		change: (tree) => moveModule(tree, `${SMS}/sms/common/delivery.ts`, `${SMS}/common/delivery.ts`),
		says: /common\/delivery\.ts: used by OvhSms\/sms\/getMany, OvhSms\/sms\/getStatus: it belongs in nodes\/OvhSms\/actions\/sms\/common\//,
	},
	{
		name: "a helper in one operation's folder that another resource imports is sent to the node's common/",
		change: (tree) => moveModule(tree, `${SMS}/common/sendWindow.ts`, `${SMS}/sms/send/sendWindow.ts`),
		says: /send\/sendWindow\.ts: used by .*OvhSms\/campaign\/create.*: it belongs in nodes\/OvhSms\/actions\/common\//,
	},
	{
		name: 'a helper folder not named after an operation is refused',
		change: (tree) => moveModule(tree, `${SMS}/sms/send/itemOutput.ts`, `${SMS}/sms/sending/itemOutput.ts`),
		says: /sms\/sending\/itemOutput\.ts: no sending\.operation\.ts next to its folder/,
	},
	{
		name: 'a module of nodes/shared/ that one node uses is sent back to that node',
		change: (tree) => moveModule(tree, `${SMS}/common/itemError.ts`, 'nodes/shared/itemError.ts'),
		says: /nodes\/shared\/itemError\.ts: only OvhSms uses it/,
	},
];

describe('the operation layout check (npm run lint:layout)', () => {
	let tree: string;
	beforeEach(() => {
		tree = fs.mkdtempSync(path.join(os.tmpdir(), 'ovh-sms-layout-'));
		fs.cpSync(path.join(ROOT, 'nodes'), path.join(tree, 'nodes'), { recursive: true });
	});
	afterEach(() => fs.rmSync(tree, { recursive: true, force: true }));

	test.each(CASES)('$name', ({ change, says }) => {
		change(tree);
		const run = spawnSync(process.execPath, [SCRIPT, tree], { encoding: 'utf8' });
		if (says === null) {
			expect(run.stderr).toBe('');
			expect(run.status).toBe(0);
		} else {
			expect(run.status).toBe(1);
			expect(run.stderr).toMatch(says);
		}
	});
});
