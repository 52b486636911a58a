/**
 * Sending: receivers checked and deduplicated, credits computed from the real part count and
 * debited, one SMS per valid receiver, held as a pending job when deferred or handed to the
 * operator (outgoing) at once.
 */
import type { SmsSendingReport as ModelSendingReport, Wire } from '../lib/ovh/models';
import { countParts, MAX_PARTS, STOP_CLAUSE } from './part-count';
import { formatOvhDate } from './clock';
import { newOutgoing, scheduleJob, scheduleOutgoing } from './delivery';
import { badRequest, forbidden } from './http';
import { normaliseReceiver } from './phone';
import { nextId, serverNowMs, type SandboxRuntime } from './runtime';
import type { AccountState, PendingJobState, SenderType, SmsRecordBase } from './types';

export interface SendOrder {
	message: string;
	receivers: string[];
	sender: string;
	senderType: SenderType;
	virtualNumber: string | null;
	shortcode: string | null;
	noStopClause: boolean;
	class: string;
	priority: string;
	validityPeriod: number;
	/** Minutes; 0 = now. */
	differedPeriod: number;
	tag: string | null;
	batchID?: string | null;
}

/** The answer of `POST .../jobs`, as OVHcloud's model has it. */
export type SmsSendingReport = Wire<ModelSendingReport>;

/** OVHcloud appends its opt-out mention to messages from senders a receiver cannot answer
 * directly (alphanumeric names and short numbers), unless the sender says the message is not
 * commercial. */
export function stopClauseApplies(senderType: SenderType, noStopClause: boolean): boolean {
	return !noStopClause && (senderType === 'alpha' || senderType === 'shortcode');
}

export interface ReceiverSplit {
	valid: string[];
	invalid: string[];
}

/** Valid receivers normalised to `+…` and deduplicated; invalid and blacklisted ones as given. */
export function splitReceivers(account: AccountState, receivers: string[]): ReceiverSplit {
	const valid = new Set<string>();
	const invalid = new Set<string>();
	for (const raw of receivers) {
		const number = normaliseReceiver(raw);
		// A number that answered STOP is never written to again, and is not billed.
		if (!number || account.blacklists[number]) invalid.add(raw);
		else valid.add(number);
	}
	return { valid: [...valid], invalid: [...invalid] };
}

export function sendSms(runtime: SandboxRuntime, account: AccountState, order: SendOrder): SmsSendingReport {
	if (account.status !== 'enable') throw forbidden('This SMS account is disabled');
	const stopClause = stopClauseApplies(order.senderType, order.noStopClause);
	const analysis = countParts(order.message, { stopClause });
	if (analysis.parts > MAX_PARTS) {
		throw badRequest(`Message too long: ${analysis.parts} parts, at most ${MAX_PARTS} are allowed`);
	}
	if (order.senderType === 'shortcode' && /https?:\/\/|www\./i.test(order.message)) {
		throw badRequest('Links are not allowed in SMS sent from a short number (senderForResponse)');
	}
	const { valid, invalid } = splitReceivers(account, order.receivers);
	const needed = analysis.parts * valid.length;
	if (needed > account.creditsLeft) {
		throw forbidden(`Not enough credits to send this message: ${needed} needed, ${account.creditsLeft} left. Nothing was sent.`);
	}
	account.creditsLeft -= needed;

	const now = runtime.now();
	const text = stopClause ? order.message + STOP_CLAUSE : order.message;
	const ids: number[] = [];
	for (const receiver of valid) {
		const base: SmsRecordBase = {
			id: nextId(runtime),
			creationDatetime: formatOvhDate(serverNowMs(runtime)),
			credits: analysis.parts,
			message: text,
			messageLength: text.length,
			numberOfSms: analysis.parts,
			ptt: 0,
			deliveryReceipt: 0,
			differedDelivery: order.differedPeriod,
			receiver,
			sender: order.sender,
			tag: order.tag,
			class: order.class,
			priority: order.priority,
			validityPeriod: order.validityPeriod,
			virtualNumber: order.virtualNumber,
			shortcode: order.shortcode,
			batchID: order.batchID ?? null,
		};
		ids.push(base.id);
		if (order.differedPeriod > 0) {
			const job: PendingJobState = { ...base, dueAt: now + order.differedPeriod * 60_000 };
			account.jobs[job.id] = job;
			scheduleJob(runtime, account.name, job);
		} else {
			const outgoing = newOutgoing(runtime, base);
			account.outgoing[outgoing.id] = outgoing;
			scheduleOutgoing(runtime, account.name, outgoing);
		}
	}
	runtime.changed();
	return {
		ids,
		validReceivers: valid,
		invalidReceivers: invalid,
		totalCreditsRemoved: needed,
		// The 2024 schema's tag is a string: none reads as "" (assumed, like sms.Outgoing.tag).
		tag: order.tag ?? '',
	};
}
