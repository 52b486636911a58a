// A real n8n server on 127.0.0.1 with the pack installed as a community package.
import fs from 'node:fs';
import path from 'node:path';
import { runtimeLayout } from './layout.mjs';
import { assertPortFree, findFreePort, installPack, isPortFree, n8nEnvironment } from './environment.mjs';
import { sleep, spawnSupervised, stopSupervised } from './commands.mjs';
import { assertInstalled } from './install.mjs';

// Published workflows register their webhooks only after this line, a moment after
// /healthz/readiness turns 200, so readiness means both.
const READY_LINE = 'Editor is now accessible via';
const DEFAULT_READY_TIMEOUT_MS = 120_000; // 10-22 s here, depending on load
const STOP_GRACE_MS = 15_000;
const KILL_WAIT_MS = 5_000;

/**
 * Starts n8n and resolves once it serves the editor. The returned `stop()` always
 * ends the server and its task runner: SIGTERM to the process group, SIGKILL after
 * a bound. Every line n8n prints is kept in `logs()` and in `<userFolder>/n8n.log`;
 * `exited` settles when the server process ends, whoever ended it.
 */
export async function startN8n({
  userFolder,
  port = 5678,
  brokerPort,
  env = {},
  log = () => {},
  output,
  readyTimeoutMs = DEFAULT_READY_TIMEOUT_MS,
  installPackage = true,
  runtimeDir,
} = {}) {
  if (!userFolder) throw new Error('startN8n needs a userFolder (n8n keeps its database and settings there)');
  const layout = runtimeLayout(runtimeDir);
  assertInstalled(layout);
  await assertPortFree(port, 'n8n');
  if (brokerPort === undefined) {
    // The usual port + 1 when free; any free port otherwise (the broker is internal).
    brokerPort = (await isPortFree(port + 1)) ? port + 1 : await findFreePort();
  } else {
    await assertPortFree(brokerPort, 'n8n task broker');
  }
  const environment = n8nEnvironment({ userFolder, port, brokerPort, env, runtimeDir });
  fs.mkdirSync(userFolder, { recursive: true });
  if (installPackage) installPack(userFolder, { runtimeDir });

  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(userFolder, 'n8n.log');
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  const chunks = [];
  const started = Date.now();
  log(`[n8n-runtime] starting n8n on ${url} (user folder ${userFolder})`);
  const child = spawnSupervised(layout.nodeBinary, [layout.n8nEntry, 'start'], { cwd: userFolder, env: environment });
  const onChunk = (chunk) => {
    chunks.push(chunk);
    logStream.write(chunk);
    output?.(chunk);
  };
  child.stdout.on('data', onChunk);
  child.stderr.on('data', onChunk);
  const logs = () => Buffer.concat(chunks).toString('utf8');

  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let exitStatus;
  void exited.then((status) => {
    exitStatus = status;
  });

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      const result = await stopSupervised(child, { graceMs: STOP_GRACE_MS, killWaitMs: KILL_WAIT_MS });
      await settledWithin(exited, KILL_WAIT_MS);
      await new Promise((resolve) => logStream.end(resolve));
      return result;
    })();
    return stopping;
  };

  try {
    await waitForReadiness({ url, logs, readyTimeoutMs, hasExited: () => exitStatus });
  } catch (error) {
    await stop();
    error.message += `\n--- last n8n output (full log: ${logFile}) ---\n${tail(logs(), 40)}`;
    throw error;
  }
  const readySeconds = (Date.now() - started) / 1000;
  log(`[n8n-runtime] n8n is ready at ${url} after ${readySeconds.toFixed(1)} s`);
  return { url, port, userFolder, pid: child.pid, readySeconds, logFile, logs, stop, exited, environment };
}

async function waitForReadiness({ url, logs, readyTimeoutMs, hasExited }) {
  const deadline = Date.now() + readyTimeoutMs;
  let readinessOk = false;
  while (Date.now() < deadline) {
    const exit = hasExited();
    if (exit) throw new Error(`n8n exited before it was ready (code ${exit.code ?? exit.signal})`);
    if (!readinessOk) readinessOk = await isReady(`${url}/healthz/readiness`);
    if (readinessOk && logs().includes(READY_LINE)) return;
    await sleep(200);
  }
  throw new Error(`n8n was not ready after ${readyTimeoutMs / 1000} s`);
}

async function isReady(readinessUrl) {
  try {
    const response = await fetch(readinessUrl, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Waits for a promise, at most `ms`, leaving no timer behind to hold the process open. */
async function settledWithin(promise, ms) {
  let timer;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

function tail(text, lines) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
