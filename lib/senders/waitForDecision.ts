import { describeSenderStatus } from './senderStatus';
import type { OvhSender } from './types';

export interface SenderDecisionWait {
	readSender: () => Promise<OvhSender>;
	/** n8n-workflow's `sleep` in a node (cloud rules forbid timers). */
	sleep: (ms: number) => Promise<void>;
	nowMs: () => number;
	timeLimitMs: number;
	pollIntervalMs: number;
}

export interface SenderDecisionOutcome {
	sender: OvhSender;
	/** The time limit passed while the sender was still waiting for validation. */
	timedOut: boolean;
	/** Reads of the sender made, the first one included. */
	reads: number;
	waitedMs: number;
}

/** Reads the sender until moderation is over (enabled, refused, or disabled) or the time limit passes. */
export async function waitForSenderDecision(wait: SenderDecisionWait): Promise<SenderDecisionOutcome> {
	const startedAt = wait.nowMs();
	const deadline = startedAt + Math.max(0, wait.timeLimitMs);
	const interval = Math.max(1, wait.pollIntervalMs);
	let reads = 0;
	for (;;) {
		const sender = await wait.readSender();
		reads++;
		const now = wait.nowMs();
		if (describeSenderStatus(sender).decided) return { sender, timedOut: false, reads, waitedMs: now - startedAt };
		if (now >= deadline) return { sender, timedOut: true, reads, waitedMs: now - startedAt };
		await wait.sleep(Math.min(interval, deadline - now));
	}
}
