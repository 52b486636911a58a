/**
 * The HTTP front: reads the request, applies faults, authenticates, routes, answers batch GETs,
 * writes OVHcloud-shaped answers with an `X-Ovh-QueryId`, and logs every non-admin request.
 *
 * To add an area of the API, write `sandbox/routes/<area>.ts` exporting a `Route[]` and append
 * it to ROUTE_MODULES below.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { authenticate } from './auth';
import { ApiError, invalidUrl, methodNotAllowed, RawReply, tooManyRequests } from './http';
import { RateLimiter } from './rate-limit';
import { API_PREFIX, Router, type HttpMethod, type Route, type RouteContext } from './router';
import { accountRoutes } from './routes/account';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { batchRoutes } from './routes/batches';
import { blacklistRoutes } from './routes/blacklists';
import { documentRoutes } from './routes/documents';
import { hlrRoutes } from './routes/hlr';
import { incomingRoutes } from './routes/incoming';
import { jobRoutes } from './routes/jobs';
import { outgoingRoutes } from './routes/outgoing';
import { phonebookRoutes } from './routes/phonebooks';
import { receiverRoutes } from './routes/receivers';
import { senderRoutes } from './routes/senders';
import { taskRoutes } from './routes/tasks';
import { uploadRoutes } from './routes/uploads';
import { virtualNumberRoutes } from './routes/virtual-numbers';
import type { SandboxRuntime } from './runtime';
import type { RecordedRequest } from './types';
import { MAX_UPLOAD_BYTES } from './uploads';

export const ROUTE_MODULES: Route[][] = [
	authRoutes,
	accountRoutes,
	jobRoutes,
	outgoingRoutes,
	hlrRoutes,
	incomingRoutes,
	blacklistRoutes,
	senderRoutes,
	virtualNumberRoutes,
	uploadRoutes,
	phonebookRoutes,
	receiverRoutes,
	documentRoutes,
	taskRoutes,
	batchRoutes,
	adminRoutes,
];

const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;
const REQUEST_LOG_LIMIT = 10_000;
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new BodyTooLarge());
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

const queryId = () => `EU.ext-1.${randomBytes(6).toString('hex')}.${Date.now().toString(16)}`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function toReply(value: unknown): RawReply {
	if (value instanceof RawReply) return value;
	return RawReply.json(200, value === undefined ? null : value);
}

function errorReply(error: unknown): RawReply {
	if (error instanceof ApiError) return RawReply.json(error.status, error.payload);
	const message = error instanceof Error ? error.message : String(error);
	return RawReply.json(500, { class: 'Server::InternalServerError', message: `Sandbox error: ${message}` });
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return flat;
}

export function createSandboxServer(runtime: SandboxRuntime, onError: (error: unknown) => void): http.Server {
	const router = new Router(ROUTE_MODULES.flat());
	const limiter = runtime.options.rateLimitPerSecond ? new RateLimiter(runtime.options.rateLimitPerSecond) : undefined;

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const receivedAt = new Date();
		const rawUrl = req.url ?? '/';
		const url = new URL(rawUrl, 'http://sandbox');
		const method = (req.method ?? 'GET').toUpperCase();
		const isAdmin = url.pathname === '/admin' || url.pathname.startsWith('/admin/');
		const isApi = url.pathname === API_PREFIX || url.pathname.startsWith(API_PREFIX + '/');
		const entry: RecordedRequest = {
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			body: '',
			headers: flatHeaders(req.headers),
			status: 0,
			at: receivedAt.toISOString(),
		};
		if (!isAdmin) {
			runtime.requests.push(entry);
			if (runtime.requests.length > REQUEST_LOG_LIMIT) runtime.requests.splice(0, runtime.requests.length - REQUEST_LOG_LIMIT);
		}

		const send = (reply: RawReply) => {
			entry.status = reply.status;
			if (res.headersSent || res.destroyed) return;
			const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
			const headers: Record<string, string | number> = {
				'X-Ovh-QueryId': queryId(),
				'Content-Length': body.length,
				...reply.headers,
			};
			if (headers['Content-Type'] === 'application/json') headers['Content-Type'] = 'application/json; charset=utf-8';
			res.writeHead(reply.status, headers);
			res.end(body);
		};

		let rawBody: Buffer;
		try {
			rawBody = await readBody(req);
		} catch (error) {
			entry.status = error instanceof BodyTooLarge ? 413 : 400;
			if (error instanceof BodyTooLarge) {
				send(RawReply.json(413, { class: 'Client::BadRequest', message: 'Request body too large' }));
			}
			return;
		}
		entry.body = rawBody.toString('utf8');

		try {
			let segments: string[];
			try {
				segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
			} catch {
				throw invalidUrl();
			}
			const match = METHODS.has(method) ? router.match(method, segments) : ({ kind: 'wrongMethod' } as const);
			const route = match.kind === 'found' ? match.route : undefined;

			if (isApi && !route?.faultFree) {
				const decision = runtime.faults.beforeRequest(method);
				if (decision.delayMs > 0) {
					entry.fault = 'latency';
					await sleep(decision.delayMs);
				}
				if (decision.reply) {
					entry.fault = decision.kind;
					send(decision.reply);
					return;
				}
			}

			const apiPath = isApi ? url.pathname.slice(API_PREFIX.length) || '/' : url.pathname;
			const signed = isApi && (!route || route.access === 'signed');
			const auth = signed
				? authenticate(runtime, { method, rawUrl, headers: req.headers, body: rawBody, apiPath, alwaysGranted: route?.alwaysGranted })
				: undefined;
			if (auth && limiter) {
				const key = auth.kind === 'consumerKey' ? `ck:${auth.credential.consumerKey}` : `oauth2:${auth.clientId}`;
				if (!limiter.allow(key)) {
					entry.fault = 'rateLimit';
					throw tooManyRequests();
				}
			}
			if (match.kind === 'wrongMethod') throw methodNotAllowed();
			if (match.kind === 'none') throw invalidUrl();
			const found = match;

			let body: unknown;
			if (!found.route.rawBody && rawBody.length > 0) {
				try {
					body = JSON.parse(entry.body);
				} catch {
					throw new ApiError(400, { class: 'Client::BadRequest', message: 'Invalid JSON received' });
				}
			}
			const ctx: RouteContext = {
				runtime,
				method: method as HttpMethod,
				params: found.params,
				query: url.searchParams,
				body,
				rawBody,
				headers: req.headers,
				origin: `http://${req.headers.host ?? 'localhost'}`,
				auth,
			};

			const batchSeparator = req.headers['x-ovh-batch'];
			const lastParam = found.lastParam;
			const batchShape = runtime.faults.current.batchGet;
			if (
				method === 'GET' &&
				batchShape !== 'ignored' &&
				typeof batchSeparator === 'string' &&
				batchSeparator !== '' &&
				lastParam &&
				found.params[lastParam].includes(batchSeparator)
			) {
				const items = await batchGet(ctx, found.route, lastParam, batchSeparator);
				send(RawReply.json(200, batchShape === 'values' ? items.flatMap((item) => (item.value === null ? [] : [item.value])) : items));
				return;
			}

			const result = await found.route.handle(ctx);
			if (method !== 'GET') runtime.changed();
			if (found.route.cuttable && runtime.faults.cutAfterAccept(method)) {
				// The work is done and committed; the client never learns it.
				entry.status = toReply(result).status;
				entry.fault = 'cutAfterAccept';
				req.socket.destroy();
				return;
			}
			send(toReply(result));
		} catch (error) {
			if (!(error instanceof ApiError)) onError(error);
			send(errorReply(error));
		}
	}

	return http.createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			onError(error);
			if (!res.headersSent) res.destroy();
		});
	});
}

/** One GET per id, answered as `[{key, value, error}]` in the order asked. */
async function batchGet(ctx: RouteContext, route: Route, param: string, separator: string) {
	const items = [];
	for (const key of ctx.params[param].split(separator)) {
		try {
			const value: unknown = await route.handle({ ...ctx, params: { ...ctx.params, [param]: key } });
			items.push({ key, value: value instanceof RawReply ? null : (value ?? null), error: '' });
		} catch (error) {
			items.push({ key, value: null, error: error instanceof Error ? error.message : String(error) });
		}
	}
	return items;
}
