/** Re-creates every timed task from the state, after a start, a restart, a reload or a reset. */
import { scheduleBatch } from './batches';
import { scheduleJob, scheduleOutgoing } from './delivery';
import { scheduleSenderDecision } from './moderation';
import type { SandboxRuntime } from './runtime';
import { scheduleTask } from './tasks';

export function scheduleFromState(runtime: SandboxRuntime): void {
	for (const account of Object.values(runtime.state.accounts)) {
		for (const job of Object.values(account.jobs)) scheduleJob(runtime, account.name, job);
		for (const sms of Object.values(account.outgoing)) scheduleOutgoing(runtime, account.name, sms);
		for (const sender of Object.values(account.senders)) scheduleSenderDecision(runtime, account.name, sender);
		for (const task of Object.values(account.tasks ?? {})) scheduleTask(runtime, account.name, task);
		for (const batch of Object.values(account.batches ?? {})) scheduleBatch(runtime, account.name, batch);
	}
}
