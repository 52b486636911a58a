// A real n8n (2.41.1 on Node 24, installed on first use into `.n8n-runtime/`) for
// `npm start` and the end-to-end tests. See docs/n8n-runtime.md.
export { N8N_VERSION, NODE_VERSION, PROJECT_ROOT, runtimeLayout } from './layout.mjs';
export { ensureRuntime } from './install.mjs';
export { spawnSupervised, stopSupervised } from './commands.mjs';
export { encryptionKeyFor, findFreePort, installPack } from './environment.mjs';
export { startN8n } from './server.mjs';
export { startN8nWorker } from './worker.mjs';
export {
	n8nCli,
	importCredentials,
	importWorkflows,
	importMissingWorkflows,
	listWorkflowIds,
	publishWorkflow,
	executeWorkflow,
} from './cli.mjs';
export { DEFAULT_OWNER, setupOwner, activateWorkflow, deactivateWorkflow, getExecutions, waitForWebhook } from './rest.mjs';
