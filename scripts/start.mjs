// `npm start`: the pack, built, inside a real n8n on http://127.0.0.1:5678, wired to
// the local OVHcloud SMS sandbox (or to your OVHcloud account when OVH_* keys are set).
//
//   npm start -- [--port 5678] [--sandbox-port 8787] [--skip-build]
//
// Run through tsx (package.json's start script) so that it reads OVHcloud's endpoint table from
// lib/ovh/endpoints.ts itself, the table the credentials' Endpoint options are made from.
//
// Everything it starts stops on Ctrl-C. n8n's data (workflows, executions, the owner
// account) lives in .n8n-runtime/home and survives restarts.
import fs from 'node:fs';
import path from 'node:path';
import {
	DEFAULT_OWNER,
	PROJECT_ROOT,
	ensureRuntime,
	importCredentials,
	importMissingWorkflows,
	setupOwner,
	spawnSupervised,
	startN8n,
	stopSupervised,
} from './n8n-runtime/index.mjs';
import { OVH_ENDPOINTS } from '../lib/ovh/endpoints.js';

const USAGE = 'Usage: npm start -- [--port 5678] [--sandbox-port 8787] [--skip-build]\n';
const USER_FOLDER = path.join(PROJECT_ROOT, '.n8n-runtime', 'home');
const WORKFLOWS_DIR = path.join(PROJECT_ROOT, 'examples', 'workflows');
const SANDBOX_START_TIMEOUT_MS = 60_000;

// One id whatever the mode, so that example workflows can name this credential and
// run against the sandbox or a real account alike.
const API_CREDENTIAL_ID = 'ovhCloudApiStart';
const OAUTH2_CREDENTIAL_ID = 'ovhOAuth2Sandbox';

const startedAt = Date.now();
const say = (line = '') => process.stdout.write(`${line ? `[start] ${line}` : ''}\n`);
// The runtime prefixes its own lines with [n8n-runtime].
const print = (line) => process.stdout.write(`${line}\n`);

function parseArguments(argv) {
	const options = { port: 5678, sandboxPort: 8787, build: true };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const number = () => {
			const value = Number(inline ?? argv[++i]);
			if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${flag} needs a port number`);
			return value;
		};
		if (flag === '--port') options.port = number();
		else if (flag === '--sandbox-port') options.sandboxPort = number();
		else if (flag === '--skip-build') options.build = false;
		else if (flag === '--help' || flag === '-h') {
			process.stdout.write(USAGE);
			process.exit(0);
		} else throw new Error(`Unknown option ${argv[i]}`);
	}
	return options;
}

/** Real OVHcloud keys from the environment, or undefined to use the sandbox. */
function accountFromEnvironment(env = process.env) {
	const names = ['OVH_APPLICATION_KEY', 'OVH_APPLICATION_SECRET', 'OVH_CONSUMER_KEY'];
	const present = names.filter((name) => env[name]);
	if (present.length === 0) return undefined;
	if (present.length < names.length) {
		throw new Error(`Set all of ${names.join(', ')} to use your OVHcloud account (missing: ${names.filter((n) => !env[n]).join(', ')}).`);
	}
	const endpointSetting = (env.OVH_ENDPOINT ?? 'ovh-eu').trim();
	const apiBaseUrls = Object.values(OVH_ENDPOINTS).map((endpoint) => endpoint.apiBaseUrl);
	const known =
		OVH_ENDPOINTS[endpointSetting.toLowerCase()]?.apiBaseUrl ?? apiBaseUrls.find((url) => url === endpointSetting.replace(/\/+$/, ''));
	if (!known && !/^https?:\/\//.test(endpointSetting)) {
		throw new Error(`OVH_ENDPOINT must be one of ${Object.keys(OVH_ENDPOINTS).join(', ')} or an API base URL, not "${endpointSetting}".`);
	}
	return {
		endpointLabel: known ?? endpointSetting,
		data: {
			endpoint: known ?? 'custom',
			...(known ? {} : { customEndpoint: endpointSetting }),
			applicationKey: env.OVH_APPLICATION_KEY,
			applicationSecret: env.OVH_APPLICATION_SECRET,
			consumerKey: env.OVH_CONSUMER_KEY,
		},
	};
}

async function runBuild() {
	say('building the pack (npm run build) …');
	const child = spawnSupervised('npm', ['run', 'build'], { cwd: PROJECT_ROOT, env: process.env });
	child.stdout.pipe(process.stdout);
	child.stderr.pipe(process.stderr);
	const code = await new Promise((resolve) => child.on('close', resolve));
	if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
}

/** The sandbox as its own process (`npm run sandbox` would do the same), its state kept next to n8n's. */
async function startSandboxProcess(port) {
	const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
	const stateFile = path.join(USER_FOLDER, 'sandbox-state.json');
	const child = spawnSupervised(tsx, ['sandbox/cli.ts', '--port', String(port), '--state-file', stateFile], {
		cwd: PROJECT_ROOT,
		env: process.env,
	});
	let output = '';
	const banner = await new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`The sandbox did not start within ${SANDBOX_START_TIMEOUT_MS / 1000} s:\n${output}`)),
			SANDBOX_START_TIMEOUT_MS,
		);
		const onData = (chunk) => {
			output += chunk;
			if (output.includes('Press Ctrl-C to stop')) {
				clearTimeout(timer);
				resolve(output);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('close', (code) => {
			clearTimeout(timer);
			reject(new Error(`The sandbox exited (code ${code}) before it was ready:\n${output}`));
		});
	});
	// From here on, only its errors are worth showing.
	child.stdout.removeAllListeners('data');
	child.stdout.resume();
	child.stderr.removeAllListeners('data');
	child.stderr.on('data', (chunk) => process.stderr.write(chunk));
	const field = (label) => banner.match(new RegExp(`^\\s*${label}\\s+(\\S+)`, 'm'))?.[1];
	const sandbox = {
		child,
		apiBaseUrl: field('API base URL'),
		serviceName: field('SMS account'),
		applicationKey: field('Application key'),
		applicationSecret: field('Application secret'),
		consumerKey: field('Consumer key'),
		clientId: field('OAuth2 client id'),
		clientSecret: field('OAuth2 secret'),
		tokenUrl: field('OAuth2 token URL'),
	};
	const missing = Object.entries(sandbox)
		.filter(([, value]) => !value)
		.map(([key]) => key);
	if (missing.length > 0) throw new Error(`Cannot read ${missing.join(', ')} from the sandbox banner:\n${banner}`);
	return sandbox;
}

function credentialsFor(account, sandbox) {
	if (account) {
		return [{ id: API_CREDENTIAL_ID, name: 'OVHcloud SMS (your account)', type: 'ovhCloudApi', data: account.data }];
	}
	return [
		{
			id: API_CREDENTIAL_ID,
			name: 'OVHcloud SMS sandbox',
			type: 'ovhCloudApi',
			data: {
				endpoint: 'custom',
				customEndpoint: sandbox.apiBaseUrl,
				applicationKey: sandbox.applicationKey,
				applicationSecret: sandbox.applicationSecret,
				consumerKey: sandbox.consumerKey,
			},
		},
		{
			id: OAUTH2_CREDENTIAL_ID,
			name: 'OVHcloud SMS sandbox (OAuth2)',
			type: 'ovhCloudOAuth2Api',
			data: {
				endpoint: 'custom',
				customEndpoint: sandbox.apiBaseUrl,
				customTokenUrl: sandbox.tokenUrl,
				clientId: sandbox.clientId,
				clientSecret: sandbox.clientSecret,
			},
		},
	];
}

/**
 * Imports each example the first time only: an example n8n already holds is the user's, edits
 * included, and is never written over (delete it in n8n to get the original back on the next start).
 */
async function importExampleWorkflows() {
	const files = fs.existsSync(WORKFLOWS_DIR)
		? fs
				.readdirSync(WORKFLOWS_DIR)
				.filter((file) => file.endsWith('.json'))
				.sort()
		: [];
	if (files.length === 0) return [];
	const examples = files.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) }));
	const { imported, kept } = await importMissingWorkflows(
		examples.map(({ workflow }) => workflow),
		{ userFolder: USER_FOLDER },
	);
	if (imported.length > 0) say(`imported ${imported.length} example workflow(s) from examples/workflows/`);
	if (kept.length > 0) say(`kept ${kept.length} example workflow(s) n8n already has, with your changes`);
	return examples.map(({ file, workflow }) => ({ file, name: workflow.name, id: workflow.id, active: workflow.active === true }));
}

async function main() {
	let options;
	let account;
	try {
		options = parseArguments(process.argv.slice(2));
		account = accountFromEnvironment();
	} catch (error) {
		process.stderr.write(`[start] ${error.message}\n${USAGE}`);
		process.exit(2);
	}
	const started = [];
	let stopping;
	const stopAll = (reason) => {
		stopping ??= (async () => {
			say(`${reason}: stopping everything …`);
			for (const stop of started.reverse()) await stop().catch((error) => process.stderr.write(`${error.message}\n`));
			say('stopped.');
		})();
		return stopping;
	};
	let interrupts = 0;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, () => {
			interrupts += 1;
			if (interrupts > 1) process.exit(130); // the exit hook still kills what is left
			void stopAll(`${signal} received`).then(() => process.exit(0));
		});
	}

	try {
		if (options.build) await runBuild();
		await ensureRuntime({ log: print });
		fs.mkdirSync(USER_FOLDER, { recursive: true });

		let sandbox;
		if (account) {
			say(`OVH_* keys found: using your OVHcloud account on ${account.endpointLabel} (no sandbox). Real SMS cost real credits.`);
		} else {
			say(`starting the OVHcloud SMS sandbox on 127.0.0.1:${options.sandboxPort} …`);
			sandbox = await startSandboxProcess(options.sandboxPort);
			started.push(() => stopSupervised(sandbox.child, { graceMs: 5000 }));
			say(`sandbox ready at ${sandbox.apiBaseUrl} (SMS account ${sandbox.serviceName})`);
		}

		say('importing the credentials …');
		const credentials = credentialsFor(account, sandbox);
		await importCredentials(credentials, { userFolder: USER_FOLDER });
		const workflows = await importExampleWorkflows();

		const server = await startN8n({
			userFolder: USER_FOLDER,
			port: options.port,
			log: print,
			output: (chunk) => process.stdout.write(chunk),
		});
		started.push(() => server.stop());
		void server.exited.then(({ code, signal }) => {
			if (!stopping) void stopAll(`n8n exited on its own (${code ?? signal})`).then(() => process.exit(1));
		});
		if (sandbox) {
			sandbox.child.on('close', (code) => {
				if (!stopping) void stopAll(`the sandbox exited on its own (code ${code})`).then(() => process.exit(1));
			});
		}

		let login = `${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}`;
		try {
			await setupOwner(server.url);
		} catch (error) {
			login = `the owner account you created earlier (${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password} did not work: ${error.message.split('\n')[0]})`;
		}

		const lines = [
			'',
			'================================================================',
			` n8n ${server.url}  (ready ${((Date.now() - startedAt) / 1000).toFixed(0)} s after npm start; n8n's own boot ${server.readySeconds.toFixed(0)} s)`,
			` Log in with ${login}`,
			'',
			` Credentials: ${credentials.map((credential) => `"${credential.name}"`).join(', ')}`,
			account ? `   OVHcloud API ${account.endpointLabel}` : `   sandbox API ${sandbox.apiBaseUrl}, SMS account ${sandbox.serviceName}`,
			` Add an "OVHcloud SMS" node to a workflow and pick that credential.`,
			...(workflows.length > 0
				? [
						'',
						' Example workflows:',
						...workflows.map(
							(w) => `   ${w.name ?? w.file}${w.id ? `  ${server.url}/workflow/${w.id}` : ''}${w.active ? '  (active)' : ''}`,
						),
					]
				: []),
			'',
			` n8n log: ${server.logFile}`,
			' Press Ctrl-C to stop n8n' + (sandbox ? ' and the sandbox.' : '.'),
			'================================================================',
			'',
		];
		process.stdout.write(lines.join('\n'));
	} catch (error) {
		process.stderr.write(`\n[start] ${error.message}\n`);
		await stopAll('startup failed');
		process.exit(1);
	}
}

await main();
