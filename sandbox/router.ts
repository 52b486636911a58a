/**
 * Route table. A route module is a file under `sandbox/routes/` exporting a `Route[]`; the
 * server lists the modules in one array. Paths use OVHcloud's `{param}` notation.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthResult } from './auth';
import type { SandboxRuntime } from './runtime';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * - `signed`: an OVHcloud API route (`/1.0/...`), authenticated, subject to faults.
 * - `public`: an API route that needs no authentication (`/1.0/auth/time`).
 * - `admin`: the sandbox's own control routes (`/admin/...`), unsigned, never faulted or logged.
 * - `raw`: other unsigned routes (OAuth2 token endpoint, upload URLs), logged, never faulted.
 */
export type RouteAccess = 'signed' | 'public' | 'admin' | 'raw';

export interface RouteContext {
	runtime: SandboxRuntime;
	method: HttpMethod;
	params: Record<string, string>;
	query: URLSearchParams;
	/** Parsed JSON body (undefined when empty), unless the route reads `rawBody` itself. */
	body: unknown;
	rawBody: Buffer;
	headers: IncomingHttpHeaders;
	/** `http://<Host header>`: where this client reaches the sandbox (for URLs handed out). */
	origin: string;
	auth?: AuthResult;
}

export interface Route {
	method: HttpMethod;
	path: string;
	access: RouteAccess;
	/** The body is not JSON: the handler reads `rawBody`. */
	rawBody?: boolean;
	/** A create the `cutAfterAcceptRate` fault may answer by cutting the connection. */
	cuttable?: boolean;
	/** Exempt from latency, 429 and 5xx faults even though it is an API route. */
	faultFree?: boolean;
	/** Any valid credential may call it, whatever its access rules (`/auth/*`). */
	alwaysGranted?: boolean;
	handle(ctx: RouteContext): unknown;
}

export const API_PREFIX = '/1.0';

type Handler = Route['handle'];
type Extra = Partial<Pick<Route, 'rawBody' | 'cuttable' | 'faultFree' | 'alwaysGranted'>>;

/** An authenticated OVHcloud route; `path` is relative to `/1.0`. */
export function api(method: HttpMethod, path: string, handle: Handler, extra: Extra = {}): Route {
	return { method, path: API_PREFIX + path, access: 'signed', handle, ...extra };
}

export function publicApi(method: HttpMethod, path: string, handle: Handler, extra: Extra = {}): Route {
	return { method, path: API_PREFIX + path, access: 'public', handle, ...extra };
}

export function admin(method: HttpMethod, path: string, handle: Handler): Route {
	return { method, path: '/admin' + path, access: 'admin', handle };
}

export function raw(method: HttpMethod, path: string, handle: Handler, extra: Extra = {}): Route {
	return { method, path, access: 'raw', handle, ...extra };
}

interface CompiledRoute {
	route: Route;
	/** Literal segment text, or null for a `{param}`. */
	segments: Array<string | null>;
	names: string[];
	/** Sorts literal segments before parameters: `/sms/ptts` wins over `/sms/{serviceName}`. */
	rank: string;
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string>; lastParam?: string }
	| { kind: 'wrongMethod' }
	| { kind: 'none' };

export class Router {
	private readonly compiled: CompiledRoute[];

	constructor(routes: Route[]) {
		this.compiled = routes
			.map((route) => {
				const parts = route.path.split('/').slice(1);
				const segments = parts.map((part) => (/^\{.+\}$/.test(part) ? null : part));
				const names = parts.filter((part) => /^\{.+\}$/.test(part)).map((part) => part.slice(1, -1));
				return { route, segments, names, rank: segments.map((s) => (s === null ? '1' : '0')).join('') };
			})
			.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
		const seen = new Set<string>();
		for (const { route, rank, segments } of this.compiled) {
			const key = `${route.method} ${segments.map((s) => s ?? '{}').join('/')} ${rank}`;
			if (seen.has(key)) throw new Error(`Duplicate sandbox route: ${route.method} ${route.path}`);
			seen.add(key);
		}
	}

	/** `segments` are the decoded path segments. */
	match(method: string, segments: string[]): RouteMatch {
		let pathMatched = false;
		for (const candidate of this.compiled) {
			if (candidate.segments.length !== segments.length) continue;
			if (!candidate.segments.every((literal, i) => literal === null || literal === segments[i])) continue;
			pathMatched = true;
			if (candidate.route.method !== method) continue;
			const params: Record<string, string> = {};
			let nameIndex = 0;
			candidate.segments.forEach((literal, i) => {
				if (literal === null) params[candidate.names[nameIndex++]] = segments[i];
			});
			const lastIsParam = candidate.segments[candidate.segments.length - 1] === null;
			return {
				kind: 'found',
				route: candidate.route,
				params,
				lastParam: lastIsParam ? candidate.names[candidate.names.length - 1] : undefined,
			};
		}
		return pathMatched ? { kind: 'wrongMethod' } : { kind: 'none' };
	}
}
