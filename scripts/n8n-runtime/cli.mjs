// n8n's own CLI (import:credentials, import:workflow, publish:workflow, execute …)
// against a user folder, whether or not a server is running on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runtimeLayout } from './layout.mjs';
import { findFreePort, installPack, n8nEnvironment } from './environment.mjs';
import { runCommand } from './commands.mjs';
import { assertInstalled } from './install.mjs';

const DEFAULT_TIMEOUT_MS = 120_000; // a CLI call costs about 3 s, 5 s when it runs the migrations

/** @typedef {import('./commands.mjs').CliResult} CliResult */

/**
 * @typedef {object} CliOptions
 * @property {string} userFolder
 * @property {number} [port]
 * @property {Record<string, string>} [env]
 * @property {number} [timeoutMs] Default 120 s.
 * @property {boolean} [allowFailure] Resolve instead of throwing on a non-zero exit.
 * @property {boolean} [installPackage] Default true: copy the built pack into the user folder first (when changed).
 * @property {string} [runtimeDir]
 */

/**
 * @typedef {object} CredentialToImport
 * @property {string} id
 * @property {string} name
 * @property {string} type
 * @property {Record<string, unknown>} data In clear: n8n encrypts it on import.
 */

/**
 * `n8n execute --id --rawOutput`, parsed.
 * @typedef {{
 *   status: string;
 *   mode: string;
 *   data: { resultData: { runData: Record<string, any[]>; error?: any; lastNodeExecuted?: string } };
 *   exitCode: number | null;
 *   stderr: string;
 *   [key: string]: unknown;
 * }} WorkflowRun
 */

/**
 * Runs `n8n <args>` and returns its exit code and output; throws on a non-zero exit
 * unless `allowFailure`. Each call gets its own free task-broker port, because
 * `n8n execute` starts a broker and a running server already holds the default one.
 * @param {string[]} args
 * @param {CliOptions} options
 * @returns {Promise<CliResult>}
 */
export async function n8nCli(
	args,
	{ userFolder, port, env = {}, timeoutMs = DEFAULT_TIMEOUT_MS, allowFailure = false, installPackage = true, runtimeDir },
) {
	if (!userFolder) throw new Error('n8nCli needs the userFolder of the n8n instance');
	const layout = runtimeLayout(runtimeDir);
	assertInstalled(layout);
	fs.mkdirSync(userFolder, { recursive: true });
	// `execute` and `import:workflow` look node types up, so the pack must be there.
	if (installPackage) installPack(userFolder, { runtimeDir });
	const brokerPort = await findFreePort();
	const environment = n8nEnvironment({ userFolder, port, brokerPort, env, runtimeDir });
	const result = await runCommand(layout.nodeBinary, [layout.n8nEntry, ...args], {
		cwd: userFolder,
		env: environment,
		timeoutMs,
	});
	if (result.code !== 0 && !allowFailure) {
		throw new Error(
			`n8n ${args.join(' ')} ${result.timedOut ? `timed out after ${timeoutMs / 1000} s` : `exited with ${result.code ?? result.signal}`}\n` +
				`${result.stderr.trim()}\n${result.stdout.trim()}`.trim(),
		);
	}
	return result;
}

/**
 * Imports credentials given as objects (`data` in clear: n8n encrypts it on import).
 * @param {CredentialToImport[]} credentials
 * @param {CliOptions} options
 * @returns {Promise<CliResult>}
 */
export async function importCredentials(credentials, options) {
	return await withJsonFile(credentials, (file) => n8nCli(['import:credentials', `--input=${file}`], options));
}

/**
 * Imports one workflow object (or an array of them), or every `*.json` file of a folder.
 * @param {object | object[] | string} workflowsOrFolder
 * @param {CliOptions} options
 * @returns {Promise<CliResult>}
 */
export async function importWorkflows(workflowsOrFolder, options) {
	if (typeof workflowsOrFolder === 'string') {
		return await n8nCli(['import:workflow', '--separate', `--input=${workflowsOrFolder}`], options);
	}
	return await withJsonFile(workflowsOrFolder, (file) => n8nCli(['import:workflow', `--input=${file}`], options));
}

/**
 * The ids of every workflow n8n holds (archived ones included), from `n8n list:workflow --onlyId`.
 * @param {CliOptions} options
 * @returns {Promise<Set<string>>}
 */
export async function listWorkflowIds(options) {
	const result = await n8nCli(['list:workflow', '--onlyId'], options);
	// The ids come as log lines, among n8n's other start-up lines: keep the lines that are only an id.
	return new Set(
		result.stdout
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => /^[A-Za-z0-9]{1,36}$/.test(line)),
	);
}

/**
 * Imports the workflows (objects with an `id`) that n8n does not hold yet and leaves the others
 * alone: a workflow imported once belongs to the user, who may have edited, unpublished or
 * archived it since. Those saved as active are published when they are first imported.
 * Returns which were imported and which were already there.
 * @param {Array<{ id: string; active?: boolean } & Record<string, unknown>>} workflows
 * @param {CliOptions} options
 * @returns {Promise<{ imported: string[]; kept: string[] }>}
 */
export async function importMissingWorkflows(workflows, options) {
	const existing = await listWorkflowIds(options);
	const missing = workflows.filter((workflow) => !existing.has(workflow.id));
	if (missing.length > 0) await importWorkflows(missing, options);
	for (const workflow of missing) if (workflow.active === true) await publishWorkflow(workflow.id, options);
	return {
		imported: missing.map((workflow) => workflow.id),
		kept: workflows.filter((workflow) => existing.has(workflow.id)).map((workflow) => workflow.id),
	};
}

/**
 * Marks a workflow active for the next server start (n8n 2.x calls activation "publish").
 * @param {string} id
 * @param {CliOptions} options
 * @returns {Promise<CliResult>}
 */
export async function publishWorkflow(id, options) {
	return await n8nCli(['publish:workflow', `--id=${id}`], options);
}

/**
 * Runs a saved workflow headless (`n8n execute --id --rawOutput`) and returns n8n's
 * run object: `{ status, data: { resultData: { runData, error? } }, … }`. Does not throw when
 * the workflow fails: check `status`.
 * @param {string} id
 * @param {CliOptions} options
 * @returns {Promise<WorkflowRun>}
 */
export async function executeWorkflow(id, options) {
	const result = await n8nCli(['execute', `--id=${id}`, '--rawOutput'], { ...options, allowFailure: true });
	// stdout carries log lines (task broker, license SDK) before the JSON document.
	const start = result.stdout.search(/^\{/m);
	if (start === -1) {
		throw new Error(`n8n execute --id=${id} printed no run (exit ${result.code}):\n${result.stderr.trim()}\n${result.stdout.trim()}`);
	}
	return { ...JSON.parse(firstJsonDocument(result.stdout.slice(start))), exitCode: result.code, stderr: result.stderr };
}

/**
 * The JSON document `text` starts with: n8n may print a log line after it while it shuts down.
 * @param {string} text
 * @returns {string}
 */
function firstJsonDocument(text) {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === '{' || char === '[') depth++;
		else if ((char === '}' || char === ']') && --depth === 0) return text.slice(0, index + 1);
	}
	return text;
}

/**
 * @template T
 * @param {unknown} value
 * @param {(file: string) => Promise<T>} use
 * @returns {Promise<T>}
 */
async function withJsonFile(value, use) {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-import-'));
	const file = path.join(directory, 'input.json');
	try {
		fs.writeFileSync(file, JSON.stringify(value, null, 2));
		return await use(file);
	} finally {
		fs.rmSync(directory, { recursive: true, force: true });
	}
}
