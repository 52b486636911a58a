import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { httpRequest } from './ovh-test-client';

const root = path.resolve(__dirname, '../../..');

describe('sandbox CLI', () => {
	it('starts on 127.0.0.1, prints the API URL and the keys, and stops on Ctrl-C', async () => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--credits', '42'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		try {
			const apiBaseUrl = await new Promise<string>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 20000);
				child.stdout.on('data', () => {
					const match = /API base URL\s+(http:\/\/127\.0\.0\.1:\d+\/1\.0)/.exec(output);
					if (match) {
						clearTimeout(timer);
						resolve(match[1]);
					}
				});
			});
			for (const secret of [
				'sandbox-application-key',
				'sandbox-application-secret',
				'sandbox-consumer-key',
				'sandbox-oauth2-client',
				'sandbox-oauth2-secret',
			]) {
				expect(output).toContain(secret);
			}
			expect((await httpRequest('GET', `${apiBaseUrl}/auth/time`)).text).toMatch(/^\d+$/);
			const state = await httpRequest('GET', apiBaseUrl.replace('/1.0', '/admin/state'));
			expect(state.json.accounts['sms-sb00001-1'].creditsLeft).toBe(42);

			child.kill('SIGINT');
			expect(await exited).toBe(0);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	});

	it('refuses an unknown option', async () => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', '--colour'], { cwd: root, stdio: 'pipe' });
		let errors = '';
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
		expect(code).toBe(2);
		expect(errors).toContain('Unknown option --colour');
	});
});
