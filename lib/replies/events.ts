/**
 * The items a trigger emits, one per event, with the same fields whether the event was
 * polled or pushed, so a workflow does not depend on the trigger's mode.
 */
import { describeDelivery } from './delivery';
import { extractKeyword } from './keyword';

export type EventSource = 'poll' | 'webhook';
type Json = string | number | boolean | null;

/** `sms.Incoming` as the API returns it. */
export interface IncomingSms {
	id: number | string;
	creationDatetime?: string | null;
	credits?: number | null;
	message: string;
	sender: string;
	tag?: string | null;
}

/** `sms.Outgoing` fields a report uses. */
export interface OutgoingSms {
	id: number | string;
	creationDatetime?: string | null;
	sentAt?: string | null;
	deliveredAt?: string | null;
	receiver?: string | null;
	sender?: string | null;
	tag?: string | null;
	message?: string | null;
	numberOfSms?: number | null;
	credits?: number | null;
	ptt?: number | null;
	deliveryReceipt?: number | null;
}

/** `sms.Blacklist`. */
export interface BlacklistEntry {
	number: string;
	dateCreation?: string | null;
	batchID?: string | null;
	smsOutgoingID?: number | null;
}

export interface EventContext {
	serviceName: string;
	source: EventSource;
	/** The event was read from (or checked against) the API, not only taken from a callback. */
	verified: boolean;
}

function toId(value: number | string | null | undefined): number | string | null {
	if (value === null || value === undefined || value === '') return null;
	const n = Number(value);
	return Number.isSafeInteger(n) ? n : String(value);
}

export function smsReceivedEvent(
	sms: IncomingSms,
	context: EventContext & { receivingNumber?: string | null; outgoingId?: number | string | null },
): Record<string, Json> {
	return {
		event: 'smsReceived',
		id: toId(sms.id),
		sender: sms.sender,
		message: sms.message,
		keyword: extractKeyword(sms.message),
		tag: sms.tag || null,
		receivedAt: sms.creationDatetime ?? null,
		receivingNumber: context.receivingNumber || null,
		outgoingId: toId(context.outgoingId),
		credits: sms.credits ?? null,
		serviceName: context.serviceName,
		source: context.source,
		verified: context.verified,
	};
}

export function deliveryReportEvent(
	sms: OutgoingSms,
	context: EventContext & { reportedAt?: string | null; ovhStatusText?: string | null },
): Record<string, Json> {
	const ptt = sms.ptt ?? null;
	const dlrCode = sms.deliveryReceipt ?? null;
	const words = describeDelivery({ ptt, dlrCode });
	return {
		event: 'deliveryReport',
		id: toId(sms.id),
		outgoingId: toId(sms.id),
		status: words.status,
		statusText: words.statusText,
		reason: words.reason,
		retryable: words.retryable,
		final: words.final,
		ptt,
		dlrCode,
		ovhStatusText: context.ovhStatusText || null,
		receiver: sms.receiver ?? null,
		sender: sms.sender ?? null,
		tag: sms.tag || null,
		message: sms.message ?? null,
		sentAt: sms.sentAt ?? null,
		deliveredAt: sms.deliveredAt ?? null,
		createdAt: sms.creationDatetime ?? null,
		reportedAt: context.reportedAt ?? null,
		serviceName: context.serviceName,
		source: context.source,
		verified: context.verified,
	};
}

export function stopReceivedEvent(
	entry: BlacklistEntry,
	context: EventContext & { replyId?: number | string | null },
): Record<string, Json> {
	return {
		event: 'stopReceived',
		number: entry.number,
		sender: entry.number,
		keyword: 'STOP',
		receivedAt: entry.dateCreation ?? null,
		outgoingId: toId(entry.smsOutgoingID),
		batchId: entry.batchID || null,
		replyId: toId(context.replyId),
		serviceName: context.serviceName,
		source: context.source,
		verified: context.verified,
	};
}
