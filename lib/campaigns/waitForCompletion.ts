/**
 * Waiting for a campaign to finish: reads it again and again, further apart each time (a big
 * campaign takes hours, a small one seconds), until it is completed, failed or cancelled, or
 * until the time limit.
 */
import type { Batch, BatchStatus } from './types';

export const FINISHED_STATUSES: readonly BatchStatus[] = ['COMPLETED', 'FAILED', 'CANCELED'];

export function isFinished(status: BatchStatus): boolean {
	return FINISHED_STATUSES.includes(status);
}

export interface CampaignWait {
	readBatch: () => Promise<Batch>;
	/** n8n-workflow's `sleep` in a node (cloud rules forbid timers). */
	sleep: (ms: number) => Promise<void>;
	nowMs: () => number;
	timeLimitMs: number;
	/** The first pause; each next one is `growth` times longer, up to `maxIntervalMs`. */
	firstIntervalMs: number;
	maxIntervalMs?: number;
	growth?: number;
}

export interface CampaignWaitOutcome {
	batch: Batch;
	/** false when the time limit passed first. */
	finished: boolean;
	/** Reads of the campaign, the first one included. */
	reads: number;
	waitedMs: number;
}

export async function waitForCampaign(wait: CampaignWait): Promise<CampaignWaitOutcome> {
	const startedAt = wait.nowMs();
	const deadline = startedAt + Math.max(0, wait.timeLimitMs);
	const maxInterval = Math.max(1, wait.maxIntervalMs ?? 60_000);
	const growth = Math.max(1, wait.growth ?? 1.5);
	let interval = Math.min(maxInterval, Math.max(1, wait.firstIntervalMs));
	let reads = 0;
	for (;;) {
		const batch = await wait.readBatch();
		reads++;
		const now = wait.nowMs();
		if (isFinished(batch.status)) return { batch, finished: true, reads, waitedMs: now - startedAt };
		if (now >= deadline) return { batch, finished: false, reads, waitedMs: now - startedAt };
		await wait.sleep(Math.min(interval, deadline - now));
		interval = Math.min(maxInterval, Math.round(interval * growth));
	}
}
