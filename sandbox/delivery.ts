/**
 * What happens to an SMS after it is accepted: a deferred job waits for its time, then each SMS
 * walks through the operator's states (`deliveryDelayMs` apart) and every change is reported to
 * the account's `callBack` URL, as OVHcloud's delivery reports are.
 */
import { formatOvhDate } from './clock';
import { DLR_TEXT, finalOutcome, staysBuffered } from './ptts';
import type { SandboxRuntime } from './runtime';
import type { OutgoingState, PendingJobState, SmsRecordBase } from './types';

/** The SMS as handed to the operator: the first delivery step comes `deliveryDelayMs` later.
 * Fields are copied one by one (not spread): a campaign creates thousands of these at once. */
export function newOutgoing(runtime: SandboxRuntime, base: SmsRecordBase): OutgoingState {
	return {
		id: base.id,
		creationDatetime: base.creationDatetime,
		credits: base.credits,
		message: base.message,
		messageLength: base.messageLength,
		numberOfSms: base.numberOfSms,
		differedDelivery: base.differedDelivery,
		receiver: base.receiver,
		sender: base.sender,
		tag: base.tag,
		class: base.class,
		priority: base.priority,
		validityPeriod: base.validityPeriod,
		virtualNumber: base.virtualNumber,
		shortcode: base.shortcode,
		batchID: base.batchID,
		ptt: 0,
		deliveryReceipt: 0,
		sentAt: null,
		deliveredAt: null,
		messageID: null,
		tariffCode: null,
		step: 0,
		nextStepAt: runtime.now() + runtime.options.deliveryDelayMs,
	};
}

export function scheduleJob(runtime: SandboxRuntime, serviceName: string, job: PendingJobState): void {
	runtime.scheduler.at(job.dueAt, () => {
		const account = runtime.state.accounts[serviceName];
		const current = account?.jobs[job.id];
		// Cancelled, released early or replaced by a reset: nothing to do.
		if (!current || current !== job) return;
		releaseJob(runtime, serviceName, job);
	});
}

/** Hands a pending job to the operator now (when due, or when an admin releases it). */
export function releaseJob(runtime: SandboxRuntime, serviceName: string, job: PendingJobState): OutgoingState {
	const account = runtime.state.accounts[serviceName];
	delete account.jobs[job.id];
	const outgoing = newOutgoing(runtime, job);
	account.outgoing[outgoing.id] = outgoing;
	scheduleOutgoing(runtime, serviceName, outgoing);
	runtime.changed();
	return outgoing;
}

export function scheduleOutgoing(runtime: SandboxRuntime, serviceName: string, outgoing: OutgoingState): void {
	if (outgoing.nextStepAt === null) return;
	runtime.scheduler.at(outgoing.nextStepAt, () => {
		const current = runtime.state.accounts[serviceName]?.outgoing[outgoing.id];
		if (!current || current !== outgoing || outgoing.nextStepAt === null) return;
		advanceDelivery(runtime, serviceName, outgoing);
	});
}

function advanceDelivery(runtime: SandboxRuntime, serviceName: string, outgoing: OutgoingState): void {
	const now = runtime.now();
	if (outgoing.step === 0) {
		const buffered = staysBuffered(outgoing.receiver);
		outgoing.step = 1;
		outgoing.ptt = buffered ? 1 : 3;
		outgoing.deliveryReceipt = buffered ? 8 : 4;
		outgoing.sentAt = formatOvhDate(now);
		outgoing.nextStepAt = buffered ? null : now + runtime.options.deliveryDelayMs;
		scheduleOutgoing(runtime, serviceName, outgoing);
	} else {
		const outcome = finalOutcome(outgoing.receiver);
		outgoing.step = 2;
		outgoing.ptt = outcome.ptt;
		outgoing.deliveryReceipt = outcome.deliveryReceipt;
		if (outcome.deliveryReceipt === 1) outgoing.deliveredAt = formatOvhDate(now);
		outgoing.nextStepAt = null;
	}
	runtime.changed();
	reportDelivery(runtime, serviceName, outgoing, now);
}

function reportDelivery(runtime: SandboxRuntime, serviceName: string, outgoing: OutgoingState, at: number): void {
	const callBack = runtime.state.accounts[serviceName]?.callBack;
	if (!callBack) return;
	void runtime.callbacks.call({
		kind: 'deliveryReport',
		method: 'GET',
		url: callBack,
		orderingKey: `dlr:${serviceName}:${outgoing.id}`,
		params: {
			id: String(outgoing.id),
			ptt: String(outgoing.ptt),
			date: formatOvhDate(at),
			description: String(outgoing.deliveryReceipt),
			descriptionDlr: DLR_TEXT[outgoing.deliveryReceipt] ?? '',
		},
	});
}
