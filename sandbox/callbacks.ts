/**
 * Calls to user URLs (delivery reports, replies, STOP notices). By default only loopback hosts
 * are called: the sandbox runs on developer machines and in CI, and a URL typed into an
 * account must not make it reach the internet.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { RecordedCallback } from './types';

const LOG_LIMIT = 1000;

export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface CallbackRequest {
	kind: RecordedCallback['kind'];
	method: 'GET' | 'POST';
	url: string;
	params: Record<string, string>;
	/** Calls sharing a key are made one after the other, in order (one SMS's reports). */
	orderingKey?: string;
}

export class CallbackClient {
	readonly log: RecordedCallback[] = [];
	private readonly inFlight = new Set<http.ClientRequest>();
	private readonly chains = new Map<string, Promise<unknown>>();
	private readonly pending = new Set<Promise<unknown>>();

	constructor(
		private readonly allowNonLoopback: boolean,
		private readonly timeoutMs = 5000,
	) {}

	call(request: CallbackRequest): Promise<RecordedCallback> {
		const key = request.orderingKey;
		const previous = key ? this.chains.get(key) : undefined;
		const run = previous ? previous.then(() => this.send(request)) : this.send(request);
		if (key) {
			this.chains.set(key, run);
			void run.then(() => {
				if (this.chains.get(key) === run) this.chains.delete(key);
			});
		}
		this.pending.add(run);
		void run.then(() => this.pending.delete(run));
		return run;
	}

	/** Resolves once every call made so far has finished. */
	async idle(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	abortAll(): void {
		for (const request of this.inFlight) request.destroy(new Error('sandbox closed'));
		this.inFlight.clear();
	}

	private record(entry: RecordedCallback): RecordedCallback {
		this.log.push(entry);
		if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
		return entry;
	}

	private send(request: CallbackRequest): Promise<RecordedCallback> {
		const at = new Date().toISOString();
		let url: URL;
		try {
			url = new URL(request.url);
		} catch {
			return Promise.resolve(this.record({ ...base(request, at), skipped: 'invalid URL' }));
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			return Promise.resolve(this.record({ ...base(request, at), skipped: 'not an http(s) URL' }));
		}
		if (!this.allowNonLoopback && !isLoopbackHost(url.hostname)) {
			return Promise.resolve(this.record({ ...base(request, at), skipped: 'non-loopback host (allowNonLoopbackCallbacks is off)' }));
		}
		const form = new URLSearchParams(request.params).toString();
		let body: string | undefined;
		if (request.method === 'GET') {
			for (const [name, value] of Object.entries(request.params)) url.searchParams.append(name, value);
		} else {
			body = form;
		}
		const entry: RecordedCallback = { ...base(request, at), url: url.toString(), ...(body !== undefined && { body }) };
		return new Promise((resolve) => {
			let settled = false;
			const finish = (result: Partial<RecordedCallback>) => {
				if (settled) return;
				settled = true;
				this.inFlight.delete(req);
				resolve(this.record({ ...entry, ...result }));
			};
			const client = url.protocol === 'https:' ? https : http;
			const req = client.request(
				url,
				{
					method: request.method,
					agent: false,
					timeout: this.timeoutMs,
					headers: {
						'User-Agent': 'ovh-sms-sandbox',
						...(body !== undefined && {
							'Content-Type': 'application/x-www-form-urlencoded',
							'Content-Length': Buffer.byteLength(body),
						}),
					},
				},
				(res) => {
					// The start of the answer, enough to tell why a call was refused.
					let answer = '';
					res.setEncoding('utf8');
					res.on('data', (chunk: string) => {
						if (answer.length < 200) answer = (answer + chunk).slice(0, 200);
					});
					res.on('end', () => finish({ status: res.statusCode, answer }));
					res.on('error', (error) => finish({ status: res.statusCode, error: error.message }));
				},
			);
			this.inFlight.add(req);
			req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
			req.on('error', (error) => finish({ error: error.message }));
			req.end(body);
		});
	}
}

function base(request: CallbackRequest, at: string): RecordedCallback {
	return { kind: request.kind, method: request.method, url: request.url, at };
}
