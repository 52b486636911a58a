/**
 * OVHcloud reports an SMS's fate with two codes: the DLR id (`deliveryReceipt`, the callback's
 * `description`) says where it stands, the operator's `ptt` says why. A workflow wants plain
 * words and one status to branch on; "failed" is decided by the DLR id first (OVHcloud's own
 * exports show `ptt` 0 next to a successful DLR), by the ptt only when the DLR id is unknown.
 */

export type DeliveryStatus = 'delivered' | 'failed' | 'pending';

export interface DeliveryDescription {
	status: DeliveryStatus;
	/** The DLR id in plain words. */
	statusText: string;
	/** Why, from the operator code, in plain words. */
	reason: string;
	/** No later report will change it. */
	final: boolean;
	/** For a failure: whether sending again later may work (absent handset) or not (invalid number). */
	retryable: boolean;
}

const DLR_WORDS: Record<number, { status: DeliveryStatus; text: string }> = {
	0: { status: 'pending', text: 'Being sent' },
	1: { status: 'delivered', text: 'Delivered' },
	2: { status: 'failed', text: 'Failed' },
	4: { status: 'pending', text: 'Waiting for delivery' },
	8: { status: 'pending', text: 'Buffered by the operator' },
	16: { status: 'failed', text: 'Failed, not billed' },
};

interface PttWords {
	text: string;
	/** permanent: the outcome will not change by retrying; temporary: it may. */
	duration: 'permanent' | 'temporary' | 'unknown';
}

const PTT_WORDS: Record<number, PttWords> = {
	0: { text: 'Being sent', duration: 'temporary' },
	1: { text: 'Retrying after a handset problem', duration: 'temporary' },
	2: { text: 'Retrying after an operator problem', duration: 'temporary' },
	3: { text: 'Accepted by the operator', duration: 'temporary' },
	4: { text: 'Delivered to the handset', duration: 'permanent' },
	5: { text: 'Not delivered, no detail given', duration: 'permanent' },
	6: { text: 'Final state unknown', duration: 'unknown' },
	8: { text: 'Expired before it could be delivered', duration: 'permanent' },
	20: { text: 'Cannot be delivered in this form', duration: 'permanent' },
	21: { text: 'The subscriber is out of credit', duration: 'temporary' },
	23: { text: 'Invalid, barred or blacklisted number (do not retry)', duration: 'permanent' },
	24: { text: 'The subscriber is absent (handset off or out of coverage)', duration: 'temporary' },
	25: { text: 'Temporary network failure', duration: 'temporary' },
	26: { text: 'Temporary handset error (SIM full or similar)', duration: 'temporary' },
	27: { text: 'The handset cannot receive this message', duration: 'permanent' },
	28: { text: 'Blocked as suspected spam', duration: 'permanent' },
	29: { text: 'Content not allowed', duration: 'permanent' },
	33: { text: 'Blocked by parental control (adult content)', duration: 'permanent' },
	39: { text: 'Failure at the new operator of a ported number', duration: 'temporary' },
	73: { text: 'Ported number unreachable', duration: 'temporary' },
	74: { text: 'The subscriber is roaming and cannot be reached', duration: 'temporary' },
	76: { text: 'Ported number combination blocked for this account', duration: 'permanent' },
	202: { text: 'Ported number combination blocked for this account', duration: 'permanent' },
};

/** The DLR ids (`deliveryReceipt`) that mean `status`: what to ask OVHcloud's `/outgoing` for, one id a query. */
export function deliveryReceiptsOf(status: DeliveryStatus): number[] {
	return Object.entries(DLR_WORDS)
		.filter(([, words]) => words.status === status)
		.map(([code]) => Number(code));
}

/** The DLR ids after which no later report changes an SMS's state (delivered or failed). */
export const FINAL_DELIVERY_RECEIPTS: readonly number[] = [...deliveryReceiptsOf('delivered'), ...deliveryReceiptsOf('failed')];

function statusFromPtt(ptt: number | undefined): DeliveryStatus {
	if (ptt === 4) return 'delivered';
	if (ptt !== undefined && PTT_WORDS[ptt]?.duration === 'permanent') return 'failed';
	return 'pending';
}

export function describeDelivery(codes: { ptt?: number | null; dlrCode?: number | null }): DeliveryDescription {
	const ptt = codes.ptt ?? undefined;
	const dlrCode = codes.dlrCode ?? undefined;
	const dlr = dlrCode === undefined ? undefined : DLR_WORDS[dlrCode];
	const status = dlr?.status ?? statusFromPtt(ptt);
	const pttWords = ptt === undefined ? undefined : PTT_WORDS[ptt];
	const statusText = dlr?.text ?? (dlrCode === undefined ? status : `Unknown delivery code ${dlrCode}`);
	let reason: string;
	if (pttWords) reason = pttWords.text;
	else if (ptt !== undefined) reason = `Operator code ${ptt}`;
	else reason = statusText;
	return {
		status,
		statusText,
		reason,
		final: status !== 'pending',
		retryable: status === 'failed' && pttWords?.duration !== 'permanent',
	};
}

/** Whether OVHcloud has anything to report yet (an SMS being created has no report). */
export function hasDeliveryNews(codes: { ptt?: number | null; dlrCode?: number | null }): boolean {
	return (codes.dlrCode ?? 0) !== 0 || (codes.ptt ?? 0) !== 0;
}
