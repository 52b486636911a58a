/**
 * `npm run sandbox`: runs the sandbox on 127.0.0.1 until Ctrl-C.
 *   --port <n>              default 8787 (0 = any free port)
 *   --state-file <path>     keep the state across runs
 *   --credits <n>           seeded credits (default 1000; ignored when the state file exists)
 *   --delivery-delay-ms <n> delay of each delivery step (default 1000)
 *   --sender-validation-delay-ms <n>  default 5000
 * scripts/start.mjs reads the banner's labels ("API base URL", "Consumer key", ... "Press Ctrl-C to stop"):
 * keep them as they are.
 */
import { startSandbox, type SandboxOptions } from './index';

const USAGE =
	'Usage: sandbox [--port 8787] [--state-file path] [--credits 1000] [--delivery-delay-ms 1000] ' + '[--sender-validation-delay-ms 5000]\n';

function parseArguments(argv: string[]): SandboxOptions {
	const options: SandboxOptions = { port: 8787 };
	const numeric = (flag: string, value: string | undefined): number => {
		const number = Number(value);
		if (value === undefined || value === '' || !Number.isFinite(number) || number < 0) {
			throw new Error(`${flag} needs a number >= 0`);
		}
		return number;
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
		const value = () => inline ?? argv[++i];
		switch (flag) {
			case '--port':
				options.port = numeric(flag, value());
				break;
			case '--state-file':
				options.stateFile = value();
				if (!options.stateFile) throw new Error('--state-file needs a path');
				break;
			case '--credits':
				options.credits = numeric(flag, value());
				break;
			case '--delivery-delay-ms':
				options.deliveryDelayMs = numeric(flag, value());
				break;
			case '--sender-validation-delay-ms':
				options.senderValidationDelayMs = numeric(flag, value());
				break;
			case '--help':
			case '-h':
				process.stdout.write(USAGE);
				process.exit(0);
				break;
			default:
				throw new Error(`Unknown option ${argv[i]}`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	let options: SandboxOptions;
	try {
		options = parseArguments(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`${(error as Error).message}\n${USAGE}`);
		process.exit(2);
	}
	const sandbox = await startSandbox({ ...options, host: '127.0.0.1' });
	const lines = [
		'OVHcloud SMS sandbox running',
		'',
		`  API base URL        ${sandbox.apiBaseUrl}`,
		`  SMS account         ${sandbox.serviceName}`,
		`  Application key     ${sandbox.credentials.applicationKey}`,
		`  Application secret  ${sandbox.credentials.applicationSecret}`,
		`  Consumer key        ${sandbox.credentials.consumerKey}`,
		`  OAuth2 client id    ${sandbox.oauth2.clientId}`,
		`  OAuth2 secret       ${sandbox.oauth2.clientSecret}`,
		`  OAuth2 token URL    ${sandbox.oauth2.tokenUrl}`,
		`  Admin (unsigned)    ${sandbox.url}/admin`,
		options.stateFile ? `  State file          ${options.stateFile}` : '  State               in memory (use --state-file to keep it)',
		'',
		'Press Ctrl-C to stop.',
		'',
	];
	process.stdout.write(lines.join('\n'));

	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		process.stdout.write('\nStopping the sandbox...\n');
		sandbox.close().then(
			() => process.exit(0),
			(error: unknown) => {
				process.stderr.write(`${String(error)}\n`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
