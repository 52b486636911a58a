/**
 * Waiting for sent SMS to reach their final delivery state: the history is read again and
 * again, further apart each time (most SMS are delivered within seconds, a phone that is off
 * takes hours), until every SMS is delivered or failed, or until the time limit. Each read
 * covers every SMS of the run at once, so the number of requests depends on the time waited,
 * never on the number of receivers.
 */

/** How the waiting reads OVHcloud's history: the OVHcloud one is `ovhDeliveryHistory`, tests pass a fake. */
export interface DeliveryHistory {
	/** One read of the history: the final DLR id of each of `ids` that has one; the others are still pending. */
	readFinal(ids: ReadonlySet<number>): Promise<Map<number, number>>;
}

export interface DeliveryWait {
	history: DeliveryHistory;
	/** n8n-workflow's `sleep` in a node (cloud rules forbid timers). */
	sleep: (ms: number) => Promise<void>;
	nowMs: () => number;
	timeLimitMs: number;
	/** The first pause (SMS just sent are never final at once); each next one is `growth` times longer, up to `maxIntervalMs`. */
	firstIntervalMs: number;
	maxIntervalMs: number;
	growth?: number;
}

export interface DeliveryWaitOutcome {
	/** The final DLR id of each SMS that has one. */
	finalById: Map<number, number>;
	/** Every SMS reached a final state before the time limit. */
	finished: boolean;
	/** Reads of the history made. */
	reads: number;
	waitedMs: number;
}

export async function waitForDelivery(ids: readonly number[], wait: DeliveryWait): Promise<DeliveryWaitOutcome> {
	const startedAt = wait.nowMs();
	const deadline = startedAt + Math.max(0, wait.timeLimitMs);
	const growth = Math.max(1, wait.growth ?? 1.5);
	const maxInterval = Math.max(1, wait.maxIntervalMs);
	const pending = new Set(ids);
	const finalById = new Map<number, number>();
	let interval = Math.min(maxInterval, Math.max(1, wait.firstIntervalMs));
	let reads = 0;
	while (pending.size > 0) {
		const now = wait.nowMs();
		// One last read at the limit itself, so an SMS delivered during the last pause is seen.
		if (now >= deadline && reads > 0) break;
		await wait.sleep(Math.max(0, Math.min(interval, deadline - now)));
		const found = await wait.history.readFinal(pending);
		reads++;
		for (const [id, receipt] of found) {
			if (!pending.delete(id)) continue;
			finalById.set(id, receipt);
		}
		interval = Math.min(maxInterval, Math.round(interval * growth));
	}
	return { finalById, finished: pending.size === 0, reads, waitedMs: wait.nowMs() - startedAt };
}
