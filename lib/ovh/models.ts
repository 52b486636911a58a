/**
 * OVHcloud's SMS API models, as the API console publishes them, for the compiler to check
 * every body we send and every field we read.
 *
 * The source is `@ovh-api/sms` (a devDependency, types only: `import type` is erased, nothing
 * of it ships in dist), generated from https://eu.api.ovh.com/1.0/sms.json. That package
 * predates a few fields of the 2024 schema; they are added here, each marked `schema 2024`
 * (see docs/sandbox.md, "Models"). Leaves out: the request plumbing (`./client`), and the
 * models of routes no node calls.
 */
import type { Sms, sms, telephony } from '@ovh-api/sms';

/**
 * A model as it travels in JSON: OVHcloud answers `null` for a field its schema marks
 * `canBeNull`, which the generator writes as an optional property; nested models likewise.
 */
export type Wire<T> = { [K in keyof T]: undefined extends T[K] ? WireValue<Exclude<T[K], undefined>> | null | undefined : WireValue<T[K]> };
type WireValue<V> = V extends Array<infer E> ? Array<WireValue<E>> : V extends object ? Wire<V> : V;

/** `ModelFields<X extends Y ? true : false>` compiles only when the condition holds. */
export type ModelFields<Holds extends true> = Holds;

type Service = ReturnType<Sms['$']>;
type VirtualNumberRoutes = ReturnType<Service['virtualNumbers']['$']>;
type Body<F> = F extends (params: infer P) => unknown ? NonNullable<P> : F extends (params?: infer P) => unknown ? NonNullable<P> : never;

// ---- answers -------------------------------------------------------------------------

/** `GET /sms/{sn}` (`sms.AccountWithIAM`): `channel`, `smpp` and `iam` are schema 2024. */
export type SmsAccount = sms.Account & {
	channel?: 'both' | 'marketing' | 'transactional';
	smpp?: boolean;
	iam?: { id: string; urn: string; displayName?: string; tags?: Record<string, string> };
};
/** `POST /jobs` answer; `tag` is schema 2024 (absent from the older model). */
export type SmsSendingReport = sms.SmsSendingReport & { tag?: string };
export type SmsJob = sms.Job;
export type SmsVirtualNumberJob = sms.VirtualNumberJob;
/** `messageID` (SMPP) is schema 2024. */
export type SmsOutgoing = sms.Outgoing & { messageID?: string };
export type SmsIncoming = sms.Incoming;
export type SmsSender = sms.Sender;
export type SmsSenderAvailable = sms.SenderAvailable;
export type SmsSenderDocument = sms.SenderDocument;
export type SmsBlacklist = sms.Blacklist;
export type SmsVirtualNumber = sms.VirtualNumber;
export type SmsJobEstimate = sms.JobEstimate;
export type SmsPttDetails = sms.PttDetails;
export type SmsPhonebook = sms.Phonebook;
export type SmsPhonebookContact = sms.PhonebookContact;
export type SmsReceiver = sms.Receiver;
export type SmsReceiversCleanReport = sms.ReceiversAsynchronousCleanReport;
/** `GET /sms/{sn}/task/{taskId}`: receiver cleaning only (`function` is `cleanSmsReceivers`). */
export type SmsTask = sms.Task;
/** `GET /hlr/{id}`: a number lookup (HLR) and its result. */
export type SmsHlrLookup = sms.HlrLookupNumber;
export type SmsHlrStatus = sms.HlrStatuses;
/** `GET /hlr/{id}/operator` and `GET /outgoing/{id}/hlr`. */
export type SmsHlrOperator = sms.Hlr;
export type SmsBatch = sms.Batch;
export type SmsBatchError = sms.BatchError;
export type SmsBatchStatus = sms.BatchStatusEnum;
export type SmsBatchStatistics = sms.BatchStatistics;
export type SmsSenderStatus = sms.StatusSenderEnum;
export type SmsSenderType = sms.TypeSenderEnum;
export type TelephonyTask = telephony.Task;
export type TelephonyPcsFile = telephony.PcsFile;

// ---- bodies and queries --------------------------------------------------------------

export type SmsAccountUpdate = Body<Service['$put']>;
export type SmsJobsBody = Body<Service['jobs']['$post']>;
export type SmsVirtualNumberJobsBody = Body<VirtualNumberRoutes['jobs']['$post']>;
export type SmsOutgoingQuery = Body<Service['outgoing']['$get']>;
export type SmsIncomingQuery = Body<Service['incoming']['$get']>;
export type SmsBatchParams = Body<Service['batches']['$post']>;
export type SmsBatchUpdate = Body<ReturnType<Service['batches']['$']>['$put']>;
export type SmsSenderCreate = Body<Service['senders']['$post']>;
export type SmsSenderUpdate = Body<ReturnType<Service['senders']['$']>['$put']>;
export type SmsPhonebookCreate = Body<Service['phonebooks']['$post']>;
export type SmsPhonebookImport = Body<ReturnType<Service['phonebooks']['$']>['import']['$post']>;
export type SmsContactCreate = Body<ReturnType<Service['phonebooks']['$']>['phonebookContact']['$post']>;
export type SmsContactUpdate = Body<ReturnType<ReturnType<Service['phonebooks']['$']>['phonebookContact']['$']>['$put']>;
export type SmsReceiverCreate = Body<Service['receivers']['$post']>;
export type SmsHlrBody = Body<Service['hlr']['$post']>;
export type SmsReceiverClean = Body<ReturnType<Service['receivers']['$']>['clean']['$post']>;
