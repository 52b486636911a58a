/** A real per-consumer-key limit (sliding one-second window), for testing client throttling. */
export class RateLimiter {
	private readonly windows = new Map<string, number[]>();

	constructor(
		private readonly perSecond: number,
		private readonly now: () => number = Date.now,
	) {}

	/** Counts one request for `key`; false when it is over the limit (and then it is not counted). */
	allow(key: string): boolean {
		const now = this.now();
		const window = (this.windows.get(key) ?? []).filter((at) => at > now - 1000);
		const allowed = window.length < this.perSecond;
		if (allowed) window.push(now);
		this.windows.set(key, window);
		return allowed;
	}
}
