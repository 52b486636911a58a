// Types of the n8n runtime (index.mjs), for the TypeScript end-to-end tests.

export declare const N8N_VERSION: string;
export declare const NODE_VERSION: string;
export declare const PROJECT_ROOT: string;
/** The per-user-folder random key n8n encrypts credentials with. */
export declare function encryptionKeyFor(userFolder: string): string;

export type Log = (line: string) => void;

export interface RuntimeLayout {
  runtimeDir: string;
  nodeDir: string;
  n8nDir: string;
  nodeHome: string;
  nodeBinary: string;
  n8nEntry: string;
  n8nModules: string;
  sqliteBinding: string;
  marker: string;
  installLock: string;
  installLog: string;
}

export declare function runtimeLayout(runtimeDir?: string): RuntimeLayout;

/** Installs Node 24 and n8n into `.n8n-runtime/` on first use (about 7 min), then reuses them. */
export declare function ensureRuntime(options?: { log?: Log; runtimeDir?: string }): Promise<RuntimeLayout & { installed: boolean }>;

/** Copies the built pack into `<userFolder>/.n8n/nodes/node_modules/`, as n8n installs a community package (skipped when unchanged). */
export declare function installPack(
  userFolder: string,
  options?: { packRoot?: string; runtimeDir?: string },
): { packageName: string; directory: string; updated: boolean };

export declare function findFreePort(): Promise<number>;

/** A child process (in its own process group, behind a reaper) that cannot outlive this process. */
export declare function spawnSupervised(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> },
): import('node:child_process').ChildProcessWithoutNullStreams;
/** SIGTERM to the child's group, SIGKILL after `graceMs` (default 15 s). */
export declare function stopSupervised(
  child: import('node:child_process').ChildProcess,
  options?: { graceMs?: number; killWaitMs?: number },
): Promise<{ forced: boolean; stillRunning: boolean }>;

/** What every supervised n8n process (server or worker) offers. */
export interface N8nProcess {
  userFolder: string;
  pid: number;
  readySeconds: number;
  /** `<userFolder>/n8n.log` (server) or `n8n-worker.log` (worker). */
  logFile: string;
  /** Everything the process printed so far. */
  logs(): string;
  /** SIGTERM to the process and its task runner, SIGKILL after 15 s. Safe to call twice. */
  stop(): Promise<{ forced: boolean; stillRunning: boolean }>;
  /** Settles when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  environment: Record<string, string>;
}

export interface N8nServer extends N8nProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
}

export interface StartN8nOptions {
  userFolder: string;
  /** Default 5678. */
  port?: number;
  /** Default port + 1, or a free port when that one is taken. */
  brokerPort?: number;
  /** Added to (and overriding) the runtime's environment block. */
  env?: Record<string, string>;
  log?: Log;
  /** Receives n8n's output as it comes. */
  output?: (chunk: Buffer) => void;
  /** Default 120 s. */
  readyTimeoutMs?: number;
  /** Default true: copy the built pack into the user folder first. */
  installPackage?: boolean;
  runtimeDir?: string;
}

export declare function startN8n(options: StartN8nOptions): Promise<N8nServer>;

export interface N8nWorker extends N8nProcess {
  /** `http://127.0.0.1:<healthPort>`: the worker's health server (`/healthz`, `/healthz/readiness`). */
  url: string;
  healthPort: number;
  brokerPort: number;
}

export interface StartN8nWorkerOptions {
  userFolder: string;
  /** The health server's port (QUEUE_HEALTH_CHECK_PORT). Default: a free one. */
  healthPort?: number;
  /** Default: a free one. */
  brokerPort?: number;
  /** Jobs run at once (`n8n worker --concurrency`); n8n's default is 10. */
  concurrency?: number;
  /** The queue settings shared with the main instance (EXECUTIONS_MODE, QUEUE_BULL_REDIS_*, DB_*, N8N_ENCRYPTION_KEY). */
  env?: Record<string, string>;
  log?: Log;
  output?: (chunk: Buffer) => void;
  /** Default 120 s. */
  readyTimeoutMs?: number;
  /** Default true. */
  installPackage?: boolean;
  runtimeDir?: string;
}

/** Starts `n8n worker` (queue mode) and resolves once it takes jobs. */
export declare function startN8nWorker(options: StartN8nWorkerOptions): Promise<N8nWorker>;

export interface CliOptions {
  userFolder: string;
  port?: number;
  env?: Record<string, string>;
  /** Default 120 s. */
  timeoutMs?: number;
  /** Resolve instead of throwing on a non-zero exit. */
  allowFailure?: boolean;
  /** Default true: copy the built pack into the user folder first (when changed). */
  installPackage?: boolean;
  runtimeDir?: string;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export declare function n8nCli(args: string[], options: CliOptions): Promise<CliResult>;

export interface CredentialToImport {
  id: string;
  name: string;
  type: string;
  /** In clear: n8n encrypts it on import. */
  data: Record<string, unknown>;
}

export declare function importCredentials(credentials: CredentialToImport[], options: CliOptions): Promise<CliResult>;
/** A workflow object (or array of them), or a folder of `*.json` workflows. */
export declare function importWorkflows(workflowsOrFolder: object | object[] | string, options: CliOptions): Promise<CliResult>;
export declare function publishWorkflow(id: string, options: CliOptions): Promise<CliResult>;
export declare function listWorkflowIds(options: CliOptions): Promise<Set<string>>;
export declare function importMissingWorkflows(
  workflows: Array<{ id: string; active?: boolean } & Record<string, unknown>>,
  options: CliOptions,
): Promise<{ imported: string[]; kept: string[] }>;

export interface WorkflowRun {
  status: string;
  mode: string;
  data: { resultData: { runData: Record<string, any[]>; error?: any; lastNodeExecuted?: string } };
  exitCode: number | null;
  stderr: string;
  [key: string]: unknown;
}

/** `n8n execute --id --rawOutput`, parsed. Does not throw when the workflow fails: check `status`. */
export declare function executeWorkflow(id: string, options: CliOptions): Promise<WorkflowRun>;

export interface Owner {
  email: string;
  firstName: string;
  lastName: string;
  password: string;
}

export declare const DEFAULT_OWNER: Readonly<Owner>;

export interface RestResponse {
  status: number;
  body: any;
}

export interface N8nSession {
  url: string;
  owner: Owner;
  cookie: string;
  /** Any call, whatever the status. */
  request(method: string, route: string, body?: unknown): Promise<RestResponse>;
  /** A call that must answer 2xx; returns n8n's `data` field. */
  call(method: string, route: string, body?: unknown): Promise<any>;
}

/** Creates the owner on a fresh instance, or logs in as it. */
export declare function setupOwner(url: string, owner?: Owner): Promise<N8nSession>;
export declare function activateWorkflow(session: N8nSession, workflowId: string): Promise<any>;
export declare function deactivateWorkflow(session: N8nSession, workflowId: string): Promise<any>;

export interface Execution {
  id: string;
  status: string;
  mode: string;
  startedAt: string;
  stoppedAt: string | null;
  workflowId: string;
  data: any;
}

/** Newest first, with the run data decoded. */
export declare function getExecutions(session: N8nSession, workflowId: string, options?: { runtimeDir?: string }): Promise<Execution[]>;

/** Polls (with a CORS preflight, which runs nothing) until n8n has registered the webhook. */
export declare function waitForWebhook(url: string, options?: { method?: string; timeoutMs?: number }): Promise<void>;
