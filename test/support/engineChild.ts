// Runs one node on n8n's engine in a child process (`node --import tsx test/support/engineChild.ts <config.json>`),
// so a test can kill -9 it mid-run. After each node it writes the execution data to
// `<config>.progress.json`, as n8n's "Save Execution Progress" stores it in the database.
import fs from 'node:fs';
import Module from 'node:module';
import type { RunNodeOptions } from './n8nEngine';

// `…/OvhSms.node` names both OvhSms.node.ts and its codex OvhSms.node.json; jest picks the
// TypeScript, tsx the JSON. Point tsx at the TypeScript.
const moduleWithResolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = moduleWithResolver._resolveFilename;
moduleWithResolver._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
	if (request.startsWith('.') && request.endsWith('.node')) {
		try {
			return resolveFilename.call(this, `${request}.ts`, ...rest);
		} catch {
			// not a TypeScript module: resolve as asked
		}
	}
	return resolveFilename.call(this, request, ...rest);
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the resolver is patched
const { runNode } = require('./n8nEngine') as typeof import('./n8nEngine');

const configPath = process.argv[2];
const options = JSON.parse(fs.readFileSync(configPath, 'utf8')) as RunNodeOptions;
void runNode({
	...options,
	onProgress: (data) => fs.writeFileSync(`${configPath}.progress.json`, JSON.stringify(data)),
}).then((result) => {
	fs.writeFileSync(`${configPath}.result.json`, JSON.stringify({ status: result.status }));
	process.exit(0);
});
