import type { IDataObject } from 'n8n-workflow';
import type { InvalidRecipient } from '../../../../../lib/recipients';
import { analysisJson } from '../../common/messageAnalysis';
import type { ItemDelivery } from './dispatch';
import type { PreparedSend } from './types';

const REFUSED_REASON = 'refused by OVHcloud (not a number it can send to, or on the STOP list); not billed';

const round = (credits: number) => Math.round(credits * 100) / 100;

function sourceJson(send: PreparedSend): IDataObject {
	const { recipients } = send.item;
	if (recipients.kind === 'recipientList') return { recipientList: { slotId: recipients.slotId, records: recipients.records } };
	if (recipients.kind === 'csv' && recipients.file) return { file: recipients.file };
	return {};
}

function commonJson(send: PreparedSend): IDataObject {
	return {
		serviceName: send.sender.target.serviceName,
		sender: send.sender.label,
		...(send.item.scheduledFor ? { scheduledFor: send.item.scheduledFor } : {}),
	};
}

function invalidJson(invalid: InvalidRecipient[], refused: string[]): IDataObject[] {
	return [
		...invalid.map((entry) => ({ ...entry }) as IDataObject),
		...refused.map((receiver) => ({ receiver, reason: REFUSED_REASON })),
	];
}

function messageJson(send: PreparedSend): IDataObject {
	return analysisJson(send.item.text, send.analysis, {
		stopClause: send.stopClause,
		transliterations: send.item.transliterations,
	});
}

/** One input item's result once its jobs ran. */
export function sentItemJson(send: PreparedSend, delivery: ItemDelivery): IDataObject {
	const { recipients } = send.item;
	const listed = recipients.kind === 'recipientList' ? undefined : recipients;
	// Every receiver refused by OVHcloud (all on the STOP list, say): nothing left, nothing billed.
	// Some refused, or invalid before sending: the item must not read as a plain success.
	const notSent = (listed?.invalid.length ?? 0) + delivery.refused.length;
	const status =
		delivery.ids.length === 0 ? 'nothingSent' : notSent > 0 ? 'partlySent' : send.item.differedPeriod ? 'scheduled' : 'sent';
	return {
		status,
		...commonJson(send),
		ids: delivery.ids,
		validReceivers: delivery.validReceivers,
		invalidReceivers: invalidJson(listed?.invalid ?? [], delivery.refused),
		duplicateReceivers: [...(listed?.duplicates ?? []), ...delivery.duplicates],
		creditsRemoved: round(delivery.creditsRemoved),
		tags: delivery.tags,
		...(delivery.sameAsItem !== undefined ? { sameAsItem: delivery.sameAsItem } : {}),
		...(delivery.recovered ? { recoveredLostAnswer: true } : {}),
		...sourceJson(send),
		message: messageJson(send),
	};
}

/** One input item's result in a dry run: what would be sent and what it would cost. */
export function dryRunItemJson(
	send: PreparedSend,
	duplicatesOfEarlierItems: string[],
	account: { creditsLeft: number; creditsNeeded: number },
): IDataObject {
	const { recipients } = send.item;
	if (recipients.kind === 'recipientList') {
		return {
			status: 'dryRun',
			...commonJson(send),
			receiverCount: recipients.records,
			estimatedCredits: send.analysis.parts * recipients.records,
			account: { ...account, fits: account.creditsNeeded <= account.creditsLeft },
			...sourceJson(send),
			message: messageJson(send),
		};
	}
	const skipped = new Set(duplicatesOfEarlierItems);
	const receivers = recipients.numbers.filter((number) => !skipped.has(number));
	return {
		status: 'dryRun',
		...commonJson(send),
		validReceivers: receivers,
		invalidReceivers: invalidJson(recipients.invalid, []),
		duplicateReceivers: [...recipients.duplicates, ...duplicatesOfEarlierItems],
		receiverCount: receivers.length,
		estimatedCredits: send.analysis.parts * receivers.length,
		account: { ...account, fits: account.creditsNeeded <= account.creditsLeft },
		...sourceJson(send),
		message: messageJson(send),
	};
}
