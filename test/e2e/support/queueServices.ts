/**
 * Redis and PostgreSQL from Debian's packages (`redis-server`, `postgresql`), each on a free
 * loopback port with a throw-away data directory under the OS temp dir, for n8n's queue mode.
 * Both run behind the n8n runtime's reaper, so they cannot outlive the test process.
 *
 * PostgreSQL refuses to run as root (CI runs as root): there, initdb and postgres run as the
 * `postgres` user the Debian package creates, on a directory handed over to that user.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { N8nRuntime } from './loadN8nRuntime';

const run = promisify(execFile);
const READY_TIMEOUT_MS = 60_000;
const POSTGRES_READY_LINE = 'database system is ready to accept connections';

type Supervised = ReturnType<N8nRuntime['spawnSupervised']>;

export interface ServiceBinaries {
	redisServer: string;
	/** `/usr/lib/postgresql/<version>/bin`, holding initdb, postgres and createdb. */
	postgresBin: string;
}

/** Where Debian puts the binaries, or why they cannot be used (the only reason to skip). */
export function findServiceBinaries(): ServiceBinaries | { missing: string } {
	const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(isExecutable);
	const postgresRoot = '/usr/lib/postgresql';
	const versions = fs.existsSync(postgresRoot)
		? fs
				.readdirSync(postgresRoot)
				.filter((version) =>
					['initdb', 'postgres', 'createdb'].every((tool) => isExecutable(path.join(postgresRoot, version, 'bin', tool))),
				)
				.sort((a, b) => Number(b) - Number(a))
		: [];
	const missing = [
		...(redisServer ? [] : ['redis-server (Debian package `redis-server`)']),
		...(versions.length > 0 ? [] : ['PostgreSQL server binaries in /usr/lib/postgresql/<version>/bin (Debian package `postgresql`)']),
	];
	if (missing.length > 0) return { missing: missing.join(' and ') };
	return { redisServer: redisServer!, postgresBin: path.join(postgresRoot, versions[0], 'bin') };
}

function isExecutable(file: string): boolean {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

export interface RunningService {
	port: number;
	directory: string;
	logs(): string;
	/** Stops the service (and removes its directory once no process is left); true when clean. */
	stop(): Promise<boolean>;
}

function collectOutput(child: Supervised): () => string {
	const chunks: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
	child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
	return () => Buffer.concat(chunks).toString('utf8');
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, logs: () => string, exited: () => boolean): Promise<void> {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	for (;;) {
		if (await check()) return;
		if (exited()) throw new Error(`${what} exited before it was ready:\n${logs().trimEnd().split('\n').slice(-30).join('\n')}`);
		if (Date.now() > deadline) throw new Error(`${what} was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${logs().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** True when Redis answers PING on the port. */
function redisAnswers(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let answer = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString('latin1');
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

export async function startRedis(runtime: N8nRuntime, redisServer: string): Promise<RunningService> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-redis-'));
	try {
		const port = await runtime.findFreePort();
		// No persistence: the queue lives as long as the test.
		const child = runtime.spawnSupervised(
			redisServer,
			['--port', String(port), '--bind', '127.0.0.1', '--dir', directory, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
			{ cwd: directory, env: { PATH: process.env.PATH } },
		);
		const logs = collectOutput(child);
		let exited = false;
		child.on('close', () => (exited = true));
		const stop = async () => {
			const { stillRunning } = await runtime.stopSupervised(child, { graceMs: 10_000 });
			if (!stillRunning) fs.rmSync(directory, { recursive: true, force: true });
			return !stillRunning;
		};
		try {
			await waitFor(
				'redis-server',
				() => redisAnswers(port),
				logs,
				() => exited,
			);
		} catch (error) {
			await stop();
			throw error;
		}
		return { port, directory, logs, stop };
	} catch (error) {
		fs.rmSync(directory, { recursive: true, force: true });
		throw error;
	}
}

export interface RunningPostgres extends RunningService {
	database: string;
	user: string;
	password: string;
}

/** `setpriv` arguments that run a command as `postgres` when we are root, else nothing. */
function asPostgresUser(): { prefix: string[]; uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return { prefix: [] };
	let uid: number;
	let gid: number;
	try {
		uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	} catch {
		throw new Error(
			'PostgreSQL cannot run as root, and there is no `postgres` user to run it as (the Debian package `postgresql` creates it)',
		);
	}
	return { prefix: ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--init-groups', '--'], uid, gid };
}

export async function startPostgres(runtime: N8nRuntime, postgresBin: string): Promise<RunningPostgres> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-postgres-'));
	try {
		const owner = asPostgresUser();
		const dataDirectory = path.join(directory, 'data');
		const passwordFile = path.join(directory, 'password');
		const user = 'n8n';
		const password = `queue-${Math.random().toString(36).slice(2)}`;
		const database = 'n8n';
		fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
		if (owner.uid !== undefined) {
			// The directory (and the socket PostgreSQL puts in it) belongs to `postgres`, mode 0700.
			fs.chownSync(directory, owner.uid, owner.gid!);
			fs.chownSync(passwordFile, owner.uid, owner.gid!);
		}
		const [command, ...prefixArgs] = [...owner.prefix, path.join(postgresBin, 'initdb')];
		await run(
			command,
			[
				...prefixArgs,
				'-D',
				dataDirectory,
				'-U',
				user,
				`--pwfile=${passwordFile}`,
				'--auth=scram-sha-256',
				'--encoding=UTF8',
				'--no-locale',
				'--no-sync',
			],
			{ cwd: directory, timeout: 120_000, env: { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C' } },
		).catch((error: Error & { stderr?: string }) => {
			throw new Error(`initdb failed: ${error.message}\n${error.stderr ?? ''}`);
		});
		fs.rmSync(passwordFile, { force: true });

		const port = await runtime.findFreePort();
		const serverArgs = [
			path.join(postgresBin, 'postgres'),
			'-D',
			dataDirectory,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			`unix_socket_directories=${directory}`,
			// A throw-away database: durability is not what this test measures.
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
		];
		const [serverCommand, ...serverRest] = [...owner.prefix, ...serverArgs];
		const child = runtime.spawnSupervised(serverCommand, serverRest, {
			cwd: directory,
			env: { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C' },
		});
		const logs = collectOutput(child);
		let exited = false;
		child.on('close', () => (exited = true));
		const stop = async () => {
			// SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would wait for every client to leave).
			try {
				if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
			} catch {
				// already gone
			}
			const { stillRunning } = await runtime.stopSupervised(child, { graceMs: 15_000 });
			if (!stillRunning) fs.rmSync(directory, { recursive: true, force: true });
			return !stillRunning;
		};
		try {
			await waitFor(
				'postgres',
				() => logs().includes(POSTGRES_READY_LINE),
				logs,
				() => exited,
			);
			await run(path.join(postgresBin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, database], {
				timeout: 60_000,
				env: { PATH: process.env.PATH, PGPASSWORD: password },
			});
		} catch (error) {
			await stop();
			throw error;
		}
		return { port, directory, logs, stop, database, user, password };
	} catch (error) {
		fs.rmSync(directory, { recursive: true, force: true });
		throw error;
	}
}
