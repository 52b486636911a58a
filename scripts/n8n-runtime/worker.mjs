// An n8n worker (`n8n worker`) for queue mode: it takes executions from the Redis queue
// that a main instance (startN8n with EXECUTIONS_MODE=queue) fills. It serves no editor;
// its health server on `healthPort` tells when it is ready.
import fs from 'node:fs';
import path from 'node:path';
import { runtimeLayout } from './layout.mjs';
import { assertPortFree, findFreePort, installPack, n8nEnvironment } from './environment.mjs';
import { sleep, spawnSupervised, stopSupervised } from './commands.mjs';
import { assertInstalled } from './install.mjs';

const READY_LINE = 'n8n worker is now ready';
const DEFAULT_READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 15_000;
const KILL_WAIT_MS = 5_000;

/**
 * Starts `n8n worker` and resolves once it takes jobs. `env` must carry the queue settings
 * the main instance uses (EXECUTIONS_MODE, QUEUE_BULL_REDIS_*, DB_*) and the main's
 * N8N_ENCRYPTION_KEY: a worker decrypts the credentials the main stored. Like a worker on
 * its own machine, it has its own user folder, with the pack installed in it.
 */
export async function startN8nWorker({
  userFolder,
  healthPort,
  brokerPort,
  concurrency,
  env = {},
  log = () => {},
  output,
  readyTimeoutMs = DEFAULT_READY_TIMEOUT_MS,
  installPackage = true,
  runtimeDir,
} = {}) {
  if (!userFolder) throw new Error('startN8nWorker needs a userFolder');
  const layout = runtimeLayout(runtimeDir);
  assertInstalled(layout);
  healthPort ??= await findFreePort();
  await assertPortFree(healthPort, 'n8n worker health check');
  brokerPort ??= await findFreePort();
  const environment = n8nEnvironment({
    userFolder,
    // A worker serves no editor; N8N_PORT is only the default of the health port, set below.
    port: healthPort,
    brokerPort,
    env: {
      QUEUE_HEALTH_CHECK_ACTIVE: 'true',
      QUEUE_HEALTH_CHECK_PORT: String(healthPort),
      N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
      ...env,
    },
    runtimeDir,
  });
  fs.mkdirSync(userFolder, { recursive: true });
  if (installPackage) installPack(userFolder, { runtimeDir });

  const url = `http://127.0.0.1:${healthPort}`;
  const logFile = path.join(userFolder, 'n8n-worker.log');
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  const chunks = [];
  const started = Date.now();
  const args = [layout.n8nEntry, 'worker', ...(concurrency ? [`--concurrency=${concurrency}`] : [])];
  log(`[n8n-runtime] starting an n8n worker (health ${url}, user folder ${userFolder})`);
  const child = spawnSupervised(layout.nodeBinary, args, { cwd: userFolder, env: environment });
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
    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      if (exitStatus) throw new Error(`the n8n worker exited before it was ready (code ${exitStatus.code ?? exitStatus.signal})`);
      if (logs().includes(READY_LINE) && (await isReady(`${url}/healthz/readiness`))) break;
      if (Date.now() > deadline) throw new Error(`the n8n worker was not ready after ${readyTimeoutMs / 1000} s`);
      await sleep(200);
    }
  } catch (error) {
    await stop();
    error.message += `\n--- last worker output (full log: ${logFile}) ---\n${logs().trimEnd().split('\n').slice(-40).join('\n')}`;
    throw error;
  }
  const readySeconds = (Date.now() - started) / 1000;
  log(`[n8n-runtime] n8n worker ready after ${readySeconds.toFixed(1)} s`);
  return { url, healthPort, brokerPort, userFolder, pid: child.pid, readySeconds, logFile, logs, stop, exited, environment };
}

/** Waits for a promise, at most `ms`, leaving no timer behind to hold the process open. */
async function settledWithin(promise, ms) {
  let timer;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
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
