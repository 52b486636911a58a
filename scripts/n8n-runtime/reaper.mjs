// Runs one command and makes sure it does not outlive the process that started us.
// Usage: node reaper.mjs <command> [args...]   (stdin must be a pipe from the parent)
//
// We are started as the leader of a new process group, and the command (n8n, npm, …)
// and everything it forks stay in that group. If the parent dies in any way — Ctrl-C,
// a jest worker killed on timeout, SIGKILL — the stdin pipe closes, and we take the
// whole group down: SIGTERM first so n8n can close its database, SIGKILL after a bound.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const GRACE_MS = 10_000;
const [command, ...args] = process.argv.slice(2);
let parentGone = false;

// Output goes through us rather than straight to the parent's pipes: once the parent
// is gone those pipes are broken, and a command writing its shutdown log into them
// would fail (EPIPE) instead of shutting down cleanly.
const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
for (const [from, to] of /** @type {Array<[import('node:stream').Readable, NodeJS.WriteStream]>} */ ([
	[child.stdout, process.stdout],
	[child.stderr, process.stderr],
])) {
	to.on('error', () => {});
	from.on('data', (chunk) => {
		if (!parentGone) to.write(chunk);
	});
}

/** @param {NodeJS.Signals} signal */
function signalGroup(signal) {
	try {
		process.kill(-process.pid, signal);
	} catch {
		// the group is already empty
	}
}

// The parent signals the whole group; the command handles those signals itself and
// we follow it out when it exits.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => {});

function onParentGone() {
	if (parentGone) return;
	parentGone = true;
	signalGroup('SIGTERM');
	setTimeout(() => signalGroup('SIGKILL'), GRACE_MS);
}
process.stdin.on('end', onParentGone);
process.stdin.on('close', onParentGone);
process.stdin.on('error', onParentGone);
process.stdin.resume();

child.on('error', (error) => {
	process.stderr.write(`reaper: cannot start ${command}: ${error.message}\n`);
	process.exit(127);
});
// 'close', not 'exit': it comes once the command's output is fully relayed.
child.on('close', (code, signal) => {
	if (parentGone) {
		// Grandchildren (n8n's task runner) may still be winding down: give them a moment.
		setTimeout(() => signalGroup('SIGKILL'), 1000);
		return;
	}
	process.exitCode = code ?? 128 + ((signal && constants.signals[signal]) ?? 15);
	process.exit();
});
