/**
 * Sending many SMS as few jobs: items that share account, sender, text and options merged
 * into jobs of a bounded size, a promise pool for the jobs, and safe sends (a job whose answer
 * was lost is looked up by its tag before anything is sent again). No n8n import.
 */
export { DEFAULT_MAX_RECEIVERS_PER_JOB, groupIntoJobs } from './groupIntoJobs';
export type { JobPlan, PlannedJob, SendRequest } from './groupIntoJobs';
export { mapWithConcurrency } from './concurrency';
export type { ConcurrencyOptions, Settled } from './concurrency';
export { BATCH_TAG_PREFIX, createBatchTag, MAX_TAG_LENGTH } from './batchTag';
export { JobSendError, sendJobSafely, sentFromReport } from './safeSend';
export type { JobDelivery, JobGateway, SafeSendOptions, SendingReport, SentSms } from './safeSend';
export { createOvhJobGateway, isAmbiguousSendFailure, isStillInFlight } from './ovhJobGateway';
export type { OvhJobBody, OvhJobFields, OvhJobGatewayOptions, OvhJobTarget, ReportOrder } from './ovhJobGateway';
