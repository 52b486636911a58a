import type { HttpMethod, OvhHttpRequest, OvhHttpResponse, OvhTransport, Query, Sleep } from './types';
import { errorFromResponse, getHeader, OvhApiError, OvhTransportFailure } from './errors';
import { fetchOAuth2Token, type OAuth2ClientCredentials, type OAuth2Token } from './oauth2';
import { API_TIME_LIMITS, backoffDelayMs, DEFAULT_RETRY_POLICY, isTimeoutFailure, type ApiTimeLimits, type RetryPolicy } from './retry';
import { buildUrl, serializeBody } from './serialization';
import { signedHeaders } from './signature';

export type OvhAuth =
	/** The client signs each request with the application key, secret and consumer key. */
	| { type: 'applicationKey'; applicationKey: string; applicationSecret: string; consumerKey: string }
	/** The client gets and reuses a service-account token. */
	| ({ type: 'oauth2' } & OAuth2ClientCredentials)
	/**
	 * The transport authenticates (in n8n, the credential's `authenticate` signs every request).
	 * `signsWithTimestamp` says the transport signs with an application key, so the client
	 * should hand it a clock-corrected `X-Ovh-Timestamp`.
	 */
	| { type: 'transport'; signsWithTimestamp: boolean };

export interface OvhClientOptions {
	/** API base URL, e.g. https://eu.api.ovh.com/1.0 (see `resolveApiBaseUrl`). */
	baseUrl: string;
	transport: OvhTransport;
	auth: OvhAuth;
	/** Waits between retries; n8n nodes pass n8n-workflow's `sleep`. */
	sleep: Sleep;
	nowMs?: () => number;
	random?: () => number;
	retry?: Partial<RetryPolicy>;
	/** Per-request timeout and the no-answer limit; default `API_TIME_LIMITS`. */
	timeLimits?: Partial<ApiTimeLimits>;
}

export interface OvhRequestOptions {
	query?: Query;
	body?: unknown;
	/**
	 * Whether repeating the request after an ambiguous failure (5xx, a reset connection) is
	 * harmless. Defaults to true for GET, PUT and DELETE, false for POST. A request that was
	 * answered 429, refused for its timestamp, or never left this machine is retried anyway:
	 * nothing was done.
	 */
	idempotent?: boolean;
	/** Extra headers, such as `X-Ovh-Batch`. */
	headers?: Record<string, string>;
}

export interface BatchItem<T> {
	id: string;
	value?: T;
	error?: string;
}

/** Counters a caller can report (requests sent, retries, rate limits seen). */
export interface OvhClientStats {
	requests: number;
	retries: number;
	rateLimited: number;
}

/**
 * The OVHcloud API client: signing (or delegating it), clock drift, OAuth2 tokens, typed
 * errors, and retries that never repeat a create whose fate is unknown.
 */
export class OvhClient {
	readonly baseUrl: string;
	readonly stats: OvhClientStats = { requests: 0, retries: 0, rateLimited: 0 };
	private readonly transport: OvhTransport;
	private readonly auth: OvhAuth;
	private readonly sleep: Sleep;
	private readonly nowMs: () => number;
	private readonly random: () => number;
	private readonly retryPolicy: RetryPolicy;
	private readonly timeLimits: ApiTimeLimits;
	/** When the API last began to answer nothing (no HTTP answer since); reset by any answer. */
	private silentSinceMs?: number;
	private clockDeltaSeconds?: Promise<number>;
	private token?: Promise<OAuth2Token>;

	constructor(options: OvhClientOptions) {
		this.baseUrl = options.baseUrl.replace(/\/+$/, '');
		this.transport = options.transport;
		this.auth = options.auth;
		this.sleep = options.sleep;
		this.nowMs = options.nowMs ?? (() => Date.now());
		this.random = options.random ?? Math.random;
		this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
		this.timeLimits = { ...API_TIME_LIMITS, ...options.timeLimits };
	}

	get<T>(path: string, query?: Query): Promise<T> {
		return this.request<T>('GET', path, { query });
	}

	/** A GET that answers undefined when the object does not exist (404); every other failure is thrown. */
	async getIfExists<T>(path: string, query?: Query): Promise<T | undefined> {
		return await this.get<T>(path, query).then(
			(value): T | undefined => value,
			(error: unknown) => {
				if (error instanceof OvhApiError && error.httpStatus === 404) return undefined;
				throw error;
			},
		);
	}

	post<T>(path: string, body?: unknown, options: Omit<OvhRequestOptions, 'body'> = {}): Promise<T> {
		return this.request<T>('POST', path, { ...options, body });
	}

	put<T>(path: string, body?: unknown): Promise<T> {
		return this.request<T>('PUT', path, { body });
	}

	delete<T>(path: string, query?: Query): Promise<T> {
		return this.request<T>('DELETE', path, { query });
	}

	/**
	 * Reads many objects with OVHcloud's batch GET (`X-Ovh-Batch: ,`), `chunkSize` ids a
	 * request, in the order of `ids`. An id the API could not read comes back with `error`.
	 *
	 * The entry shape (`{key, value, error}`) is not in OVHcloud's published schema: an answer
	 * of another shape, or a multi-id request refused as a bad or unknown id, switches this
	 * client to one GET per id for the rest of its life (slower, never wrong).
	 */
	async getMany<T>(collectionPath: string, ids: Array<string | number>, chunkSize = 50): Promise<Array<BatchItem<T>>> {
		const base = collectionPath.replace(/\/+$/, '');
		const out: Array<BatchItem<T>> = [];
		for (let start = 0; start < ids.length; start += chunkSize) {
			const chunk = ids.slice(start, start + chunkSize).map(String);
			const read = this.batchGetUnsupported ? undefined : await this.batchGet<T>(base, chunk);
			if (read) out.push(...read);
			else for (const id of chunk) out.push(await this.singleGet<T>(base, id));
		}
		return out;
	}

	/** Whether batch GETs answered in a shape this client cannot trust; then it reads one by one. */
	private batchGetUnsupported = false;

	/** One batch GET, or undefined when its answer cannot be trusted (see `getMany`). */
	private async batchGet<T>(base: string, chunk: string[]): Promise<Array<BatchItem<T>> | undefined> {
		const answer = await this.request<unknown>('GET', `${base}/${chunk.map(encodeURIComponent).join(',')}`, {
			headers: { 'X-Ovh-Batch': ',' },
		}).then(
			(value) => ({ value }),
			(error: unknown) => {
				if (!(error instanceof OvhApiError) || (error.httpStatus !== 400 && error.httpStatus !== 404)) throw error;
				// One id answered 404 as a single GET would be: that id's error.
				if (chunk.length === 1 && error.httpStatus === 404) return { value: [{ key: chunk[0], value: null, error: error.ovhMessage }] };
				// Without batch support, "1,2,3" is one (bad or unknown) id.
				if (chunk.length === 1) throw error;
				return undefined;
			},
		);
		if (!answer) {
			this.batchGetUnsupported = true;
			return undefined;
		}
		const items = readBatchAnswer<T>(answer.value, chunk);
		if (!items) this.batchGetUnsupported = true;
		return items;
	}

	private async singleGet<T>(base: string, id: string): Promise<BatchItem<T>> {
		return await this.request<T>('GET', `${base}/${encodeURIComponent(id)}`).then(
			(value): BatchItem<T> => (value === null || value === undefined ? { id, error: 'not found' } : { id, value }),
			(error: unknown): BatchItem<T> => {
				if (error instanceof OvhApiError && error.httpStatus === 404) return { id, error: error.ovhMessage };
				throw error;
			},
		);
	}

	async request<T>(method: HttpMethod, path: string, options: OvhRequestOptions = {}): Promise<T> {
		const url = buildUrl(this.baseUrl, path, options.query);
		const body = options.body === undefined ? undefined : serializeBody(options.body);
		const idempotent = options.idempotent ?? method !== 'POST';
		const shownPath = url.slice(this.baseUrl.length).split('?')[0];
		let timestampRefreshed = false;
		let tokenRefreshed = false;

		for (let attempt = 0; ; attempt++) {
			const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
			if (body !== undefined) headers['Content-Type'] = 'application/json';
			Object.assign(headers, await this.authHeaders(method, url, body ?? ''));

			let response: OvhHttpResponse | undefined;
			let failure: OvhTransportFailure | undefined;
			this.stats.requests++;
			let refusal: OvhApiError | undefined;
			try {
				response = await this.send({ method, url, headers, body });
			} catch (error) {
				// A transport may fail with the API's own refusal (n8n's credential could not get a token).
				if (error instanceof OvhApiError) refusal = error;
				else failure = OvhTransportFailure.from(error);
			}
			if (refusal) throw refusal;
			const canRetry = attempt + 1 < this.retryPolicy.maxAttempts;

			if (failure) {
				if (canRetry && (idempotent || !failure.requestMayHaveBeenSent)) {
					await this.wait(attempt);
					continue;
				}
				const timedOut = isTimeoutFailure(failure);
				throw new OvhApiError({
					method,
					path: shownPath,
					ovhMessage: timedOut
						? `no answer within ${this.timeLimits.requestTimeoutMs / 1000} s; the request may have been processed, and may still be`
						: failure.requestMayHaveBeenSent
							? `no answer (${networkWords(failure)}); the request may have been processed`
							: `could not connect (${networkWords(failure)})`,
					requestMayHaveBeenProcessed: failure.requestMayHaveBeenSent,
					// A request that timed out may still be running on the API (see isStillInFlight).
					details: timedOut ? { noAnswerWithinMs: this.timeLimits.requestTimeoutMs } : undefined,
				});
			}

			const { status } = response!;
			if (status >= 200 && status < 300) return parseBody<T>(response!.body);

			const error = errorFromResponse(method, shownPath, status, response!.headers, response!.body);
			if (error.isTimestampRejected && !timestampRefreshed && this.usesTimestamp()) {
				timestampRefreshed = true;
				this.clockDeltaSeconds = undefined;
				continue;
			}
			if (status === 401 && this.auth.type === 'oauth2' && !tokenRefreshed) {
				tokenRefreshed = true;
				this.token = undefined;
				continue;
			}
			if (status === 429) {
				this.stats.rateLimited++;
				if (attempt + 1 < this.retryPolicy.maxRateLimitedAttempts) {
					await this.wait(attempt, getHeader(response!.headers, 'retry-after'));
					continue;
				}
				throw error;
			}
			if (canRetry && error.isServerError && idempotent) {
				await this.wait(attempt, getHeader(response!.headers, 'retry-after'));
				continue;
			}
			throw error;
		}
	}

	/** Seconds to add to this machine's clock, from `GET /auth/time`, asked once per client. */
	private clockDelta(): Promise<number> {
		if (!this.clockDeltaSeconds) {
			this.clockDeltaSeconds = this.fetchClockDelta().catch((error: unknown) => {
				this.clockDeltaSeconds = undefined;
				throw error;
			});
		}
		return this.clockDeltaSeconds;
	}

	private async fetchClockDelta(): Promise<number> {
		const url = `${this.baseUrl}/auth/time`;
		// The first call of a run, and one that needs no key: a failure here is the endpoint's.
		const checkEndpoint = `check the endpoint in the credential (${this.baseUrl})`;
		for (let attempt = 0; ; attempt++) {
			let response: OvhHttpResponse | undefined;
			let failure: OvhTransportFailure | undefined;
			let limitReached: OvhApiError | undefined;
			try {
				response = await this.send({ method: 'GET', url, headers: { Accept: 'application/json' } });
			} catch (error) {
				if (error instanceof OvhApiError) limitReached = error;
				else failure = OvhTransportFailure.from(error); // no answer: retried below like a 5xx
			}
			if (limitReached) throw limitReached; // the no-answer limit is reached
			if (response && response.status >= 200 && response.status < 300) {
				const serverSeconds = Number(parseBody<unknown>(response.body));
				if (Number.isFinite(serverSeconds) && response.body.trim() !== '') return serverSeconds - Math.round(this.nowMs() / 1000);
				throw new OvhApiError({
					method: 'GET',
					path: '/auth/time',
					httpStatus: response.status,
					ovhMessage: `this is not the OVHcloud API: it answered ${describeBody(response.body)} where the API gives its clock; ${checkEndpoint}`,
					requestMayHaveBeenProcessed: false,
				});
			}
			if (response && response.status !== 429 && response.status < 500) {
				const error = errorFromResponse('GET', '/auth/time', response.status, response.headers, response.body);
				throw new OvhApiError({
					method: 'GET',
					path: '/auth/time',
					httpStatus: response.status,
					errorCode: error.errorCode,
					errorClass: error.errorClass,
					queryId: error.queryId,
					ovhMessage: `${error.ovhMessage}; this route needs no key on the OVHcloud API, so ${checkEndpoint}`,
					requestMayHaveBeenProcessed: false,
				});
			}
			if (attempt + 1 >= this.retryPolicy.maxAttempts) {
				throw new OvhApiError({
					method: 'GET',
					path: '/auth/time',
					ovhMessage: `could not read the API clock (${
						failure
							? isTimeoutFailure(failure)
								? `no answer within ${this.timeLimits.requestTimeoutMs / 1000} s`
								: networkWords(failure)
							: `HTTP ${response?.status ?? '?'}`
					}); ${checkEndpoint} and the network`,
					requestMayHaveBeenProcessed: false,
				});
			}
			await this.wait(attempt);
		}
	}

	/**
	 * Every request goes through here: each waits at most the request timeout, and once the API
	 * has answered nothing for the no-answer limit, no new request starts: an execution is
	 * never held longer than docs/nodes/ovh-sms.md says by an API that accepts connections and never answers.
	 */
	private async send(request: OvhHttpRequest): Promise<OvhHttpResponse> {
		const { requestTimeoutMs, noAnswerLimitMs } = this.timeLimits;
		const startedAt = this.nowMs();
		if (this.silentSinceMs !== undefined && startedAt - this.silentSinceMs >= noAnswerLimitMs) {
			throw new OvhApiError({
				method: request.method,
				path: request.url.startsWith(this.baseUrl) ? request.url.slice(this.baseUrl.length).split('?')[0] : 'OAuth2 token endpoint',
				ovhMessage: `the API has answered nothing for ${Math.round((startedAt - this.silentSinceMs) / 1000)} s (each request waits at most ${
					requestTimeoutMs / 1000
				} s); it accepts connections but does not answer, so nothing more is tried. Check the endpoint and OVHcloud's status page, then run again`,
				requestMayHaveBeenProcessed: false,
			});
		}
		const answer = await this.transport({ ...request, timeoutMs: requestTimeoutMs }).then(
			(response) => ({ response }),
			(error: unknown) => ({ error }),
		);
		if ('response' in answer) {
			this.silentSinceMs = undefined;
			return answer.response;
		}
		if (!(answer.error instanceof OvhApiError) && OvhTransportFailure.from(answer.error).requestMayHaveBeenSent) {
			this.silentSinceMs ??= startedAt;
		}
		throw answer.error;
	}

	private usesTimestamp(): boolean {
		return this.auth.type === 'applicationKey' || (this.auth.type === 'transport' && this.auth.signsWithTimestamp);
	}

	private async authHeaders(method: HttpMethod, url: string, body: string): Promise<Record<string, string>> {
		const auth = this.auth;
		if (auth.type === 'oauth2') {
			if (!this.token || (await this.token).expiresAtMs - 10_000 <= this.nowMs()) {
				this.token = fetchOAuth2Token((request) => this.send(request), auth, this.nowMs(), this.timeLimits.requestTimeoutMs);
				this.token.catch(() => (this.token = undefined));
			}
			return { Authorization: `Bearer ${(await this.token).accessToken}` };
		}
		if (!this.usesTimestamp()) return {};
		const timestamp = Math.round(this.nowMs() / 1000) + (await this.clockDelta());
		if (auth.type === 'transport') return { 'X-Ovh-Timestamp': String(timestamp) };
		return signedHeaders({
			applicationKey: auth.applicationKey.trim(),
			applicationSecret: auth.applicationSecret.trim(),
			consumerKey: auth.consumerKey.trim(),
			method,
			url,
			body,
			timestamp,
		});
	}

	private async wait(attempt: number, retryAfter?: string): Promise<void> {
		this.stats.retries++;
		await this.sleep(backoffDelayMs(this.retryPolicy, attempt, this.random, retryAfter));
	}
}

/**
 * A network failure in words. n8n replaces any error message that contains a Node.js error
 * code (ECONNREFUSED…) by its own generic sentence, which would hide the endpoint.
 */
function networkWords(failure: OvhTransportFailure): string {
	const words: Record<string, string> = {
		ECONNREFUSED: 'connection refused: nothing listens there',
		ENOTFOUND: 'host name not found',
		EAI_AGAIN: 'host name not found',
		ETIMEDOUT: 'no answer in time',
		ECONNRESET: 'connection cut',
		EHOSTUNREACH: 'host unreachable',
		ENETUNREACH: 'network unreachable',
	};
	return (failure.code && words[failure.code]) || failure.message.replace(/\bE[A-Z_]{3,}\b/g, '').trim() || 'no answer';
}

/** A short, printable view of an unexpected answer. */
function describeBody(text: string): string {
	const plain = text
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	if (!plain) return 'an empty body';
	return `"${plain.length > 80 ? `${plain.slice(0, 80)}…` : plain}"`;
}

function parseBody<T>(text: string): T {
	if (text === '') return null as T;
	try {
		return JSON.parse(text) as T;
	} catch {
		return text as unknown as T;
	}
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The items of a batch GET answer, or undefined when its shape is not the one expected: an
 * array of `{key?, value, error?}` whose keys are the ids asked (without keys: one entry per id,
 * in order). A single id may also be answered with the object itself.
 */
function readBatchAnswer<T>(answer: unknown, chunk: string[]): Array<BatchItem<T>> | undefined {
	if (!Array.isArray(answer)) return chunk.length === 1 && isPlainObject(answer) ? [{ id: chunk[0], value: answer as T }] : undefined;
	const entries = answer.filter(isPlainObject).filter((entry) => 'value' in entry || 'error' in entry);
	if (entries.length !== answer.length) return undefined;
	const keyed = entries.every((entry) => entry.key !== undefined && entry.key !== null);
	if (!keyed && entries.length !== chunk.length) return undefined;
	const byKey = new Map<string, Record<string, unknown>>();
	entries.forEach((entry, index) => byKey.set(keyed ? String(entry.key) : chunk[index], entry));
	if ([...byKey.keys()].some((key) => !chunk.includes(key))) return undefined;
	return chunk.map((id): BatchItem<T> => {
		const entry = byKey.get(id);
		if (!entry) return { id, error: 'missing from the batch answer' };
		if (typeof entry.error === 'string' && entry.error) return { id, error: entry.error };
		if (entry.value === null || entry.value === undefined) return { id, error: 'not found' };
		return { id, value: entry.value as T };
	});
}
