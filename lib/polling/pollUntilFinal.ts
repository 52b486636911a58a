/**
 * Reading the state of many things again and again, further apart each time, until each has a
 * final state or the time limit passes. Each read asks only for the things still pending, and
 * one read covers all of them, so the number of reads depends on the time waited, never on the
 * number of things. Leaves out what "final" means and how a read is made: the caller's `read`.
 */

export interface FinalStatePoll<T> {
	/** One read: the final state of each of `pending` that has one; the others are still pending. */
	read(pending: ReadonlySet<number>): Promise<Map<number, T>>;
	/** n8n-workflow's `sleep` in a node (cloud rules forbid timers). */
	sleep: (ms: number) => Promise<void>;
	nowMs: () => number;
	timeLimitMs: number;
	/** The first pause (before the first read: what was just asked is never final at once); each next one is `growth` times longer, up to `maxIntervalMs`. */
	firstIntervalMs: number;
	maxIntervalMs: number;
	growth?: number;
}

export interface FinalStatePollOutcome<T> {
	/** The final state of each id that has one. */
	finalById: Map<number, T>;
	/** Every id reached a final state before the time limit. */
	finished: boolean;
	reads: number;
	waitedMs: number;
}

export async function pollUntilFinal<T>(ids: readonly number[], poll: FinalStatePoll<T>): Promise<FinalStatePollOutcome<T>> {
	const startedAt = poll.nowMs();
	const deadline = startedAt + Math.max(0, poll.timeLimitMs);
	const growth = Math.max(1, poll.growth ?? 1.5);
	const maxInterval = Math.max(1, poll.maxIntervalMs);
	const pending = new Set(ids);
	const finalById = new Map<number, T>();
	let interval = Math.min(maxInterval, Math.max(1, poll.firstIntervalMs));
	let reads = 0;
	while (pending.size > 0) {
		const now = poll.nowMs();
		// One last read at the limit itself, so what became final during the last pause is seen.
		if (now >= deadline && reads > 0) break;
		await poll.sleep(Math.max(0, Math.min(interval, deadline - now)));
		const found = await poll.read(pending);
		reads++;
		for (const [id, state] of found) if (pending.delete(id)) finalById.set(id, state);
		interval = Math.min(maxInterval, Math.round(interval * growth));
	}
	return { finalById, finished: pending.size === 0, reads, waitedMs: poll.nowMs() - startedAt };
}
