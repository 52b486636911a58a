import type { IDataObject } from 'n8n-workflow';
import type { InvalidRecipient } from '../../../../../lib/recipients';
import { analysisJson } from '../common/messageAnalysis';
import { DEFAULT_LIST_RECEIVERS_UP_TO, SUMMARY_ROWS_SHOWN, type ItemDelivery } from '../../../../../lib/sending';
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
		...(send.item.sendWindow ? { sendWindow: send.item.sendWindow, sendsAt: send.item.sendsAt } : {}),
	};
}

function invalidJson(invalid: InvalidRecipient[], refused: string[]): IDataObject[] {
	return [...invalid.map((entry) => ({ ...entry }) as IDataObject), ...refused.map((receiver) => ({ receiver, reason: REFUSED_REASON }))];
}

/**
 * Above "List Receivers up To" receivers (default {@link DEFAULT_LIST_RECEIVERS_UP_TO}) an
 * item's output lists counts instead of every number and id: a list of 1,000 numbers is
 * already more than anyone reads in the editor (about 20 KB of JSON), while a million (25 MB)
 * is stored with every saved execution and rendered by the editor. The SMS stay findable by
 * the output's tags (the outgoing history's `tag` filter). The send core keeps counts only for
 * such an item (`ItemDelivery.summarised`); a dry run decides here.
 */
const listLimit = (send: PreparedSend) => send.item.options.listReceiversUpTo ?? DEFAULT_LIST_RECEIVERS_UP_TO;

/** A summarised output: counts, the tags to find the ids by, the first invalid rows. */
function summarised(
	full: IDataObject,
	counts: { valid: number; ids?: number; invalid: IDataObject[]; invalidCount: number; duplicates: number },
): IDataObject {
	const rest = { ...full };
	for (const listed of ['validReceivers', 'ids', 'invalidReceivers', 'duplicateReceivers']) delete rest[listed];
	return {
		...rest,
		summarised: true,
		...(counts.ids === undefined
			? {}
			: { idCount: counts.ids, idsByTag: 'the SMS ids are in the outgoing history under the tags listed in "tags"' }),
		validReceiverCount: counts.valid,
		invalidReceiverCount: counts.invalidCount,
		invalidReceivers: counts.invalid.slice(0, SUMMARY_ROWS_SHOWN),
		duplicateReceiverCount: counts.duplicates,
	};
}

function messageJson(send: PreparedSend): IDataObject {
	return analysisJson(send.item.text, send.analysis, {
		stopClause: send.stopClause,
		transliterations: send.item.transliterations,
	});
}

/** One input item's result once its jobs ran; counts instead of lists when the send core summarised it. */
export function sentItemJson(send: PreparedSend, delivery: ItemDelivery): IDataObject {
	const { recipients } = send.item;
	const listed = recipients.kind === 'recipientList' ? undefined : recipients;
	const { counts } = delivery;
	// Every receiver refused by OVHcloud (all on the STOP list, say): nothing left, nothing billed.
	// Some refused, or invalid before sending: the item must not read as a plain success.
	const notSent = (listed?.invalid.length ?? 0) + counts.refused;
	const status =
		counts.ids === 0
			? counts.alreadySent > 0
				? 'alreadySent'
				: 'nothingSent'
			: notSent > 0
				? 'partlySent'
				: send.item.differedPeriod
					? 'scheduled'
					: 'sent';
	if (delivery.summarised) {
		const invalid = invalidJson((listed?.invalid ?? []).slice(0, SUMMARY_ROWS_SHOWN), delivery.refused.slice(0, SUMMARY_ROWS_SHOWN));
		const duplicates = (listed?.duplicates.length ?? 0) + delivery.duplicates.length;
		const full = sentItemJson(send, {
			...delivery,
			summarised: false,
			ids: [],
			validReceivers: [],
			refused: [],
			duplicates: [],
			alreadySent: [],
			alreadySentIds: [],
		});
		return summarised(
			{ ...full, status, ...(counts.alreadySent ? { alreadySentCount: counts.alreadySent } : {}) },
			{ valid: counts.validReceivers, ids: counts.ids, invalid, invalidCount: notSent, duplicates },
		);
	}
	return {
		status,
		...commonJson(send),
		ids: delivery.ids,
		validReceivers: delivery.validReceivers,
		invalidReceivers: invalidJson(listed?.invalid ?? [], delivery.refused),
		duplicateReceivers: [...(listed?.duplicates ?? []), ...delivery.duplicates],
		creditsRemoved: round(delivery.creditsRemoved),
		tags: delivery.tags,
		// An earlier run of this send (a Retry) or, with the option, an earlier send already reached them: not sent again.
		...(delivery.alreadySent.length ? { alreadySent: delivery.alreadySent, alreadySentIds: delivery.alreadySentIds } : {}),
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
	listUpTo = listLimit(send),
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
	const receivers = skipped.size ? recipients.numbers.filter((number) => !skipped.has(number)) : recipients.numbers;
	if (receivers.length > listUpTo) {
		const full = dryRunItemJson(send, [], account, Infinity);
		return summarised(
			{ ...full, receiverCount: receivers.length, estimatedCredits: send.analysis.parts * receivers.length },
			{
				valid: receivers.length,
				invalid: invalidJson(recipients.invalid.slice(0, SUMMARY_ROWS_SHOWN), []),
				invalidCount: recipients.invalid.length,
				duplicates: recipients.duplicates.length + duplicatesOfEarlierItems.length,
			},
		);
	}
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
