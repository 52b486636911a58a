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
export function backoffDelayMs(
	policy: RetryPolicy,
	attempt: number,
	random: () => number,
	retryAfterHeader?: string,
): number {
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
