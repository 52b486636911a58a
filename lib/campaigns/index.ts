/**
 * Campaigns (OVHcloud's `/batches`): recipients from numbers, a CSV table or a recipient list,
 * `#column#` placeholders checked against the header, per-item messages folded into one
 * campaign, the cost estimate of the costliest personalised text, launching (through a
 * temporary recipient list when receivers are personalised), waiting with backoff, and the
 * one-line statistics summary. No n8n import.
 */
export { readCsvTable } from './csvTable';
export { CampaignInputError } from './errors';
export { estimateCampaign } from './estimate';
export type { CampaignEstimate, CampaignEstimateInput } from './estimate';
export { launchCampaign } from './launch';
export { findEarlierLaunch } from './earlierLaunch';
export type { CampaignLaunch, CampaignLaunchResult, CampaignRecipients } from './launch';
export { factorMessages, VARIANT_COLUMN } from './messageVariants';
export type { MessageVariants } from './messageVariants';
export {
	checkPlaceholders,
	findNonGsmValues,
	nonGsmValuesError,
	personaliseMessage,
	placeholderNames,
	transliterateValues,
} from './placeholders';
export type { NonGsmValue } from './placeholders';
export { writeRecipientListCsv } from './recipientListCsv';
export { findColumn, readRecipientTable } from './recipientTable';
export type { RecipientTable, RecipientTableOptions, TableInput } from './recipientTable';
export { deferredStart, MAX_START_AHEAD_DAYS, PAST_START_TOLERANCE_MS, startInstant } from './schedule';
export { summariseStatistics, formatCount } from './summary';
export { createTemporaryList, removeTemporaryList, SLOT_IDS } from './temporaryList';
export type { TemporaryList, TemporaryListRemoval, TemporaryListUpload } from './temporaryList';
export { FINISHED_STATUSES, isFinished, waitForCampaign } from './waitForCompletion';
export type { CampaignWait, CampaignWaitOutcome } from './waitForCompletion';
export type { Batch, BatchError, BatchParams, BatchStatistics, BatchStatus, RecipientRow, RejectedRecipient } from './types';
