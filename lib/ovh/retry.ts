export interface RetryPolicy {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	/**
	 * Attempts in all when the API keeps answering 429. A 429 means nothing was done, and an
	 * account's limit is shared by every execution and worker using its key: when five of them
	 * send at once, six attempts (about 12 s of waiting) are not enough to get a turn.
	 */
	maxRateLimitedAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, maxRateLimitedAttempts: 12, baseDelayMs: 500, maxDelayMs: 20_000 };

/**
 * Full-jitter exponential backoff (a random wait up to base × 2^attempt, capped): many
 * executions that hit the same rate limit at once spread out instead of retrying together.
 * A `Retry-After` the server gives wins when it is longer.
 */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, random: () => number, retryAfterHeader?: string): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
	const retryAfterMs = parseRetryAfterMs(retryAfterHeader);
	return retryAfterMs === undefined ? jittered : Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs));
}

function parseRetryAfterMs(value: string | undefined): number | undefined {
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	return undefined;
}

export interface ApiTimeLimits {
	/** The longest one request waits for its answer (the clock read and the token request included). */
	requestTimeoutMs: number;
	/**
	 * Once the API has answered nothing at all for this long, the client starts no new request:
	 * with the last one still running, a dead API holds an execution at most this plus one
	 * request (two with a service account, whose token request comes first).
	 */
	noAnswerLimitMs: number;
}

/**
 * The limits every client of this pack uses. Read when a client is made, so the tests can
 * shrink them (and run the same code in seconds instead of minutes); shipped code never
 * writes them.
 */
export const API_TIME_LIMITS: ApiTimeLimits = { requestTimeoutMs: 60_000, noAnswerLimitMs: 120_000 };

/** Whether a transport failure is the request's own timeout (the API may still be working on it). */
export function isTimeoutFailure(failure: { code?: string; message: string }): boolean {
	return failure.code === 'ETIMEDOUT' || failure.code === 'ECONNABORTED' || /\btime(d)? ?out\b/i.test(failure.message);
}
