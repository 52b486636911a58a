/** OVHcloud's campaign objects (`sms.Batch`, its statistics) and the recipients a campaign is built from. */

import type { SmsBatch, SmsBatchError, SmsBatchParams, SmsBatchStatistics, SmsBatchStatus, Wire } from '../ovh/models';

export type BatchStatus = SmsBatchStatus;
export type BatchError = SmsBatchError;

/** `sms.Batch` as it arrives (`accountID` is a long; absent optional fields are `null`). */
export type Batch = Wire<SmsBatch>;

/** `GET /batches/{id}/statistics` (`sms.BatchStatistics`). */
export type BatchStatistics = SmsBatchStatistics;

/** `POST /batches` body (`sms.BatchParams`; `class` is deprecated and never sent). */
export type BatchParams = Omit<SmsBatchParams, 'class'>;

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
