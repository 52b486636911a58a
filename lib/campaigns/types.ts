/** OVHcloud's campaign objects (`sms.Batch`, its statistics) and the recipients a campaign is built from. */

export type BatchStatus =
	| 'INSERTING'
	| 'INSERTED'
	| 'PENDING'
	| 'COMPLETED'
	| 'FAILED'
	| 'TO_CANCEL'
	| 'CANCELING'
	| 'CANCELED';

export interface BatchError {
	receiver: string;
	message: string;
}

/** `sms.Batch`. */
export interface Batch {
	id: string;
	accountID?: string;
	name: string;
	message: string;
	from?: string | null;
	receivers?: string[] | null;
	slotID?: string | null;
	status: BatchStatus;
	totalRecords: number;
	processedRecords: number;
	estimatedCredits: number;
	errors: BatchError[];
	createdAt: string;
	updatedAt: string;
	startedAt?: string | null;
	sentAt?: string | null;
	finishedAt?: string | null;
}

/** `GET /batches/{id}/statistics`. */
export interface BatchStatistics {
	id: string;
	credits: number;
	estimatedCredits: number;
	delivered: number;
	failed: number;
	pending: number;
	sent: number;
	stoplisted: number;
}

/** `POST /batches` body (`sms.BatchParams`). */
export interface BatchParams {
	message: string;
	name?: string;
	from?: string;
	senderForResponse?: boolean;
	to?: string[];
	slotID?: string;
	/** ISO 8601. */
	deferred?: string;
	noStop?: boolean;
	tag?: string;
}

/** One receiver with the values of the columns its message uses. */
export interface RecipientRow {
	/** Where it came from: the CSV line, or the input item (0-based). */
	line: number;
	/** International format, `+…`. */
	number: string;
	values: Record<string, string>;
}

export interface RejectedRecipient {
	line: number;
	value: string;
	reason: string;
}
