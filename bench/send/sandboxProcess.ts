// The sandbox in its own process, so the memory measured in a scenario is the node's alone.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SandboxProcess {
	apiBaseUrl: string;
	url: string;
	admin<T>(method: 'GET' | 'PUT' | 'DELETE', route: string, body?: unknown): Promise<T>;
	stop(): Promise<void>;
}

export async function startSandboxProcess(args: string[]): Promise<SandboxProcess> {
	const root = path.resolve(__dirname, '../..');
	const child: ChildProcess = spawn(process.execPath, [require.resolve('tsx/cli'), 'sandbox/cli.ts', '--port', '0', ...args], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const apiBaseUrl = await new Promise<string>((resolve, reject) => {
		let output = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const match = /API base URL\s+(\S+)/.exec(output);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before it was ready:\n${output}`)));
	});
	child.stdout!.resume();
	const url = apiBaseUrl.replace(/\/1\.0$/, '');
	return {
		apiBaseUrl,
		url,
		async admin<T>(method: 'GET' | 'PUT' | 'DELETE', route: string, body?: unknown) {
			const response = await fetch(`${url}/admin${route}`, {
				method,
				headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			if (!response.ok) throw new Error(`admin ${method} ${route}: ${response.status} ${await response.text()}`);
			return (await response.json()) as T;
		},
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGINT');
			}),
	};
}
