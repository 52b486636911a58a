/**
 * A tiny OVHcloud API client for the sandbox tests: signs like OVHcloud's own clients, with
 * node:crypto, so the tests do not depend on the project's client library. Plain node:http
 * without connection reuse, so a restarted or cut server never leaves a stale socket behind.
 */
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { Sandbox } from '../../../sandbox';

export interface HttpAnswer {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
	/** Parsed JSON body (undefined when the body is not JSON). */
	json: any;
}

export function httpRequest(
	method: string,
	url: string,
	options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpAnswer> {
	return new Promise((resolve, reject) => {
		const body = options.body === undefined ? undefined : Buffer.from(options.body);
		const req = http.request(
			url,
			{
				method,
				agent: false,
				headers: { ...(body && { 'Content-Length': String(body.length) }), ...options.headers },
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json: unknown;
					try {
						json = text ? JSON.parse(text) : undefined;
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

export function sign(secret: string, consumerKey: string, method: string, url: string, body: string, timestamp: number) {
	const payload = [secret, consumerKey, method, url, body, String(timestamp)].join('+');
	return '$1$' + createHash('sha1').update(payload, 'utf8').digest('hex');
}

export interface CallOptions {
	body?: unknown;
	/** Sent as is (no JSON.stringify) when a string. */
	rawBody?: string;
	headers?: Record<string, string>;
	timestamp?: number;
	applicationKey?: string;
	applicationSecret?: string;
	consumerKey?: string;
	/** Use this bearer token instead of signing. */
	bearer?: string;
	/** Send no authentication headers at all. */
	anonymous?: boolean;
	/** Corrupt the signature. */
	badSignature?: boolean;
}

/** Calls `<apiBaseUrl><path>` (path includes its query string), signed with the seeded keys unless told otherwise. */
export function ovh(sandbox: Sandbox, method: string, path: string, options: CallOptions = {}): Promise<HttpAnswer> {
	const url = sandbox.apiBaseUrl + path;
	const body = options.rawBody ?? (options.body === undefined ? '' : JSON.stringify(options.body));
	const headers: Record<string, string> = { ...(body && { 'Content-Type': 'application/json' }) };
	if (options.bearer) {
		headers.Authorization = `Bearer ${options.bearer}`;
	} else if (!options.anonymous) {
		const applicationKey = options.applicationKey ?? sandbox.credentials.applicationKey;
		const secret = options.applicationSecret ?? sandbox.credentials.applicationSecret;
		const consumerKey = options.consumerKey ?? sandbox.credentials.consumerKey;
		const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
		let signature = sign(secret, consumerKey, method, url, body, timestamp);
		if (options.badSignature) signature = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
		Object.assign(headers, {
			'X-Ovh-Application': applicationKey,
			'X-Ovh-Consumer': consumerKey,
			'X-Ovh-Timestamp': String(timestamp),
			'X-Ovh-Signature': signature,
		});
	}
	return httpRequest(method, url, { headers: { ...headers, ...options.headers }, body: body || undefined });
}

/** Unsigned JSON call to the sandbox's `/admin` routes. */
export function adminCall(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<HttpAnswer> {
	return httpRequest(method, `${sandbox.url}/admin${path}`, {
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}

/** Waits until `check` returns a value other than undefined/false, polling; fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

export interface CapturedCall {
	method: string;
	url: URL;
	body: string;
}

/** A loopback HTTP server that records what it receives (a user's callback URL). */
export async function startReceiver(status = 200): Promise<{ url: string; calls: CapturedCall[]; close(): Promise<void> }> {
	const calls: CapturedCall[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			calls.push({
				method: req.method ?? '',
				url: new URL(req.url ?? '/', 'http://receiver'),
				body: Buffer.concat(chunks).toString('utf8'),
			});
			res.writeHead(status).end('OK');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}`,
		calls,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
