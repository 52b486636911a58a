// n8n's internal REST API (/rest/*), as the editor uses it: a session cookie from the
// owner account, then workflows, executions and credential tests.
import { createRequire } from 'node:module';
import path from 'node:path';
import { runtimeLayout } from './layout.mjs';
import { sleep } from './commands.mjs';

/**
 * @typedef {object} Owner
 * @property {string} email
 * @property {string} firstName
 * @property {string} lastName
 * @property {string} password
 */

/**
 * @typedef {object} RestResponse
 * @property {number} status
 * @property {any} body
 */

/**
 * @typedef {object} N8nSession
 * @property {string} url
 * @property {Owner} owner
 * @property {string} cookie
 * @property {(method: string, route: string, body?: unknown) => Promise<RestResponse>} request Any call, whatever the status.
 * @property {(method: string, route: string, body?: unknown) => Promise<any>} call A call that must answer 2xx; returns n8n's `data` field.
 */

/**
 * @typedef {object} Execution
 * @property {string} id
 * @property {string} status
 * @property {string} mode
 * @property {string} startedAt
 * @property {string | null} stoppedAt
 * @property {string} workflowId
 * @property {any} data
 */

/** @type {Readonly<Owner>} */
export const DEFAULT_OWNER = Object.freeze({
	email: 'owner@example.com',
	firstName: 'Local',
	lastName: 'Owner',
	// n8n's password rule: 8+ characters with a digit and an uppercase letter.
	password: 'Sandbox-Owner-1',
});

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Creates the owner account on a fresh instance, or logs in as that owner when the
 * user folder already has one, and returns a session that carries the cookie.
 * @param {string} url
 * @param {Owner} [owner]
 * @returns {Promise<N8nSession>}
 */
export async function setupOwner(url, owner = DEFAULT_OWNER) {
	// Log in first: on a restart the owner exists, and a setup call would only make n8n log a 400.
	const login = await send(url, 'POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	if (login.status === 200) return createSession(url, login.cookie, owner);
	const setup = await send(url, 'POST', '/rest/owner/setup', owner);
	if (setup.status === 200) return createSession(url, setup.cookie, owner);
	throw new Error(
		`Cannot set up or log in as ${owner.email}: owner setup said ${setup.status} ${describe(setup.body)}, ` +
			`login said ${login.status} ${describe(login.body)}`,
	);
}

/**
 * @param {string} url
 * @param {string | undefined} cookie
 * @param {Owner} owner
 * @returns {N8nSession}
 */
function createSession(url, cookie, owner) {
	if (!cookie) throw new Error('n8n answered without a session cookie (is N8N_SECURE_COOKIE=false set?)');
	return {
		url,
		owner,
		cookie,
		/** Any REST call; returns `{ status, body }` whatever the status. */
		request: (method, route, body) => send(url, method, route, body, cookie),
		/** A REST call that must succeed; returns n8n's `data` field. */
		async call(method, route, body) {
			const response = await send(url, method, route, body, cookie);
			if (response.status < 200 || response.status >= 300) {
				throw new Error(`${method} ${route} answered ${response.status} ${describe(response.body)}`);
			}
			return response.body?.data ?? response.body;
		},
	};
}

/**
 * Publishes (activates) a workflow on the running server, so its triggers and webhooks go live.
 * @param {N8nSession} session
 * @param {string} workflowId
 * @returns {Promise<any>}
 */
export async function activateWorkflow(session, workflowId) {
	const workflow = await session.call('GET', `/rest/workflows/${encodeURIComponent(workflowId)}`);
	return await session.call('POST', `/rest/workflows/${encodeURIComponent(workflowId)}/activate`, {
		versionId: workflow.versionId,
	});
}

/**
 * @param {N8nSession} session
 * @param {string} workflowId
 * @returns {Promise<any>}
 */
export async function deactivateWorkflow(session, workflowId) {
	return await session.call('POST', `/rest/workflows/${encodeURIComponent(workflowId)}/deactivate`, {});
}

/**
 * The executions of a workflow, newest first, each with its run data decoded
 * (n8n stores it as a `flatted` string): `{ id, status, mode, startedAt, stoppedAt, data }`.
 * @param {N8nSession} session
 * @param {string} workflowId
 * @param {{ runtimeDir?: string }} [options]
 * @returns {Promise<Execution[]>}
 */
export async function getExecutions(session, workflowId, { runtimeDir } = {}) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: String(workflowId) }));
	const list = await session.call('GET', `/rest/executions?filter=${filter}&limit=100`);
	const summaries = Array.isArray(list) ? list : (list.results ?? []);
	const { parse } = loadFlatted(runtimeDir);
	/** @type {Execution[]} */
	const executions = [];
	for (const summary of summaries) {
		const full = await session.call('GET', `/rest/executions/${summary.id}`);
		executions.push({
			id: String(full.id),
			status: full.status,
			mode: full.mode,
			startedAt: full.startedAt,
			stoppedAt: full.stoppedAt,
			workflowId: full.workflowId,
			data: typeof full.data === 'string' ? parse(full.data) : full.data,
		});
	}
	return executions.sort((a, b) => Number(b.id) - Number(a.id));
}

/**
 * Waits until n8n has registered a production webhook for `method`. It asks with a
 * CORS preflight, which never runs the workflow: n8n lists the methods registered for
 * the path in Access-Control-Allow-Methods (and fails the preflight for unknown paths).
 * @param {string} webhookUrl
 * @param {{ method?: string; timeoutMs?: number }} [options]
 * @returns {Promise<void>}
 */
export async function waitForWebhook(webhookUrl, { method = 'POST', timeoutMs = 30_000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let lastStatus;
	while (Date.now() < deadline) {
		try {
			const response = await fetch(webhookUrl, {
				method: 'OPTIONS',
				headers: { origin: 'http://127.0.0.1', 'access-control-request-method': method },
				signal: AbortSignal.timeout(5000),
			});
			await response.body?.cancel();
			const allowed = (response.headers.get('access-control-allow-methods') ?? '').split(',').map((m) => m.trim());
			lastStatus = `${response.status}, methods: ${allowed.join(', ') || 'none'}`;
			if (response.ok && allowed.includes(method.toUpperCase())) return;
		} catch (error) {
			lastStatus = error instanceof Error ? error.message : String(error);
		}
		await sleep(100);
	}
	throw new Error(`Webhook ${method} ${webhookUrl} was not registered after ${timeoutMs / 1000} s (last answer: ${lastStatus})`);
}

// n8n's executions hold their data as `flatted` text; the package ships inside n8n,
// so the project needs no copy of its own.
/**
 * @param {string | undefined} runtimeDir
 * @returns {{ parse: (text: string) => any }}
 */
function loadFlatted(runtimeDir) {
	const layout = runtimeLayout(runtimeDir);
	return createRequire(path.join(layout.n8nModules, 'n8n', 'package.json'))('flatted');
}

/**
 * @param {string} url
 * @param {string} method
 * @param {string} route
 * @param {unknown} body
 * @param {string} [cookie]
 * @returns {Promise<RestResponse & { cookie: string | undefined }>}
 */
async function send(url, method, route, body, cookie) {
	/** @type {Record<string, string>} */
	const headers = { accept: 'application/json', 'browser-id': 'n8n-runtime' };
	if (body !== undefined) headers['content-type'] = 'application/json';
	if (cookie) headers.cookie = cookie;
	const response = await fetch(new URL(route, url), {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
	});
	const text = await response.text();
	/** @type {any} */
	let parsed = text;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		// not JSON (an HTML error page): keep the text
	}
	const setCookie = response.headers.getSetCookie?.() ?? [];
	const authCookie = setCookie.map((entry) => entry.split(';')[0]).find((pair) => pair.startsWith('n8n-auth='));
	return { status: response.status, body: parsed, cookie: authCookie };
}

/** @param {unknown} body */
function describe(body) {
	if (body === undefined) return '';
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
