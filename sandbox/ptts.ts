/** Delivery codes: `ptt` (operator status) and DLR ids, with the texts `GET /sms/ptts` and callbacks give. */

export interface PttDescription {
	comment: string;
	description: string;
	duration: 'indeterminated' | 'permanent' | 'temporary';
}

export const PTT: Record<number, PttDescription> = {
	0: { comment: 'Creating or pending', description: 'Message being created or waiting to be sent', duration: 'temporary' },
	1: { comment: 'Retrying: phone problem', description: 'Delivery is being retried (handset)', duration: 'temporary' },
	2: { comment: 'Retrying: operator problem', description: 'Delivery is being retried (operator)', duration: 'temporary' },
	3: { comment: 'Accepted by operator', description: 'The operator accepted the message', duration: 'temporary' },
	4: { comment: 'Delivered', description: 'The message was delivered to the handset', duration: 'permanent' },
	5: { comment: 'Undelivered', description: 'The message was not delivered, no detail', duration: 'permanent' },
	6: { comment: 'Unknown', description: 'The final state of the message is unknown', duration: 'indeterminated' },
	8: { comment: 'Expired', description: 'The message expired in the SMSC', duration: 'permanent' },
	20: { comment: 'Undeliverable', description: 'The message cannot be delivered in its current form', duration: 'permanent' },
	21: { comment: 'Out of credit', description: 'The subscriber is out of credit', duration: 'temporary' },
	23: {
		comment: 'Invalid number',
		description: 'The MSISDN is invalid, barred or blacklisted: do not retry',
		duration: 'permanent',
	},
	24: { comment: 'Subscriber absent', description: 'The subscriber is absent (handset off or out of coverage)', duration: 'temporary' },
	25: { comment: 'Network failure', description: 'Temporary network failure', duration: 'temporary' },
	26: { comment: 'Handset error', description: 'Temporary handset error (SIM full...)', duration: 'temporary' },
	27: { comment: 'Handset incompatible', description: 'The handset cannot receive this message', duration: 'permanent' },
	28: { comment: 'Suspected spam', description: 'The message was blocked as suspected spam', duration: 'permanent' },
	29: { comment: 'Content not allowed', description: 'The content of the message is not allowed', duration: 'permanent' },
	33: { comment: 'Adult content blocked', description: 'Blocked by parental control', duration: 'permanent' },
	39: { comment: 'New operator failure', description: 'Failure at the new operator of a ported number', duration: 'temporary' },
	73: { comment: 'Ported number unreachable', description: 'The ported number cannot be reached', duration: 'temporary' },
	74: { comment: 'Roaming', description: 'The subscriber is roaming and cannot be reached', duration: 'temporary' },
	76: { comment: 'Ported combination blocked', description: 'Ported combination blocked for this client', duration: 'permanent' },
	202: { comment: 'Ported combination blocked', description: 'Ported combination blocked for this client', duration: 'permanent' },
};

/** DLR ids (the callback's `description`) and their texts (`descriptionDlr`). */
export const DLR_TEXT: Record<number, string> = {
	0: 'Creating or pending',
	1: 'Success',
	2: 'Failed',
	4: 'Pending',
	8: 'Buffered',
	16: 'Error, not billed',
};

export interface DeliveryOutcome {
	ptt: number;
	deliveryReceipt: number;
}

/**
 * Numbers ending in `99999` stand for a phone that stays off: once accepted, their SMS is
 * buffered by the operator (ptt 1, DLR 8) and never reaches a final state, so a test can see
 * an SMS still pending when a wait's time limit passes. Five nines, not four: generated lists
 * of up to 99,999 numbers (a 20,000-receiver campaign waited for to completion) must not hold
 * one by chance.
 */
export function staysBuffered(receiver: string): boolean {
	return receiver.endsWith('99999');
}

/**
 * The final state of an SMS, from its receiver so tests can count on it: numbers ending in
 * `0000` are invalid (ptt 23, DLR 2), `0001` absent subscribers (ptt 24, DLR 16); the rest are
 * delivered (ptt 4, DLR 1).
 */
export function finalOutcome(receiver: string): DeliveryOutcome {
	if (receiver.endsWith('0000')) return { ptt: 23, deliveryReceipt: 2 };
	if (receiver.endsWith('0001')) return { ptt: 24, deliveryReceipt: 16 };
	return { ptt: 4, deliveryReceipt: 1 };
}
