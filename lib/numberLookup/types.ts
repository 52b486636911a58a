import type { SmsHlrLookup, SmsHlrOperator, SmsSendingReport } from '../ovh/models';

/** How lookups reach the API: OVHcloud's `/hlr` routes (`ovhLookupGateway`), or a fake in unit tests. */
export interface LookupGateway {
	/** Asks for the lookups of these numbers (E.164): billed. */
	request(numbers: string[]): Promise<SmsSendingReport>;
	/** Reads lookups by id (any number of ids). */
	read(ids: number[]): Promise<Map<number, SmsHlrLookup>>;
	/** The operator of a looked-up number. */
	operator(id: number): Promise<SmsHlrOperator>;
}

/** What became of one number. */
export type NumberLookup =
	| { state: 'final'; lookup: SmsHlrLookup; operator?: SmsHlrOperator }
	/** Asked and billed, no final answer within the time limit (the last state read, if any). */
	| { state: 'pending'; id: number; lookup?: SmsHlrLookup }
	/** OVHcloud refused the number (listed in `invalidReceivers`): not billed. */
	| { state: 'refused' }
	/** Its request failed: `unconfirmed` when OVHcloud may have carried it out (and billed it). */
	| { state: 'notLookedUp'; error: unknown; unconfirmed: boolean };

export interface LookupRun {
	/** By number (E.164), for every number given. */
	byNumber: Map<string, NumberLookup>;
	creditsRemoved: number;
	/** Reads of the lookups while waiting. */
	reads: number;
	waitedMs: number;
}

export interface LookupSettings {
	/** Numbers asked per request. */
	chunkSize: number;
	/** Also read each valid number's operator (one request per number). */
	withOperator: boolean;
	sleep: (ms: number) => Promise<void>;
	nowMs: () => number;
	timeLimitMs: number;
	firstIntervalMs: number;
	maxIntervalMs: number;
}
