/**
 * Types of the sandbox: its options, its fault settings and its in-memory state.
 * State objects hold the OVHcloud fields a client can read plus the few internal fields the
 * emulator needs (due times, which number received a reply...), all JSON-serialisable so the
 * whole state can be written to a file and read back.
 */
import type { SmsIncoming, Wire } from '../lib/ovh/models';

export interface SandboxOptions {
	host?: string;
	port?: number;
	stateFile?: string;
	credits?: number;
	deliveryDelayMs?: number;
	senderValidationDelayMs?: number;
	timestampToleranceSeconds?: number;
	allowNonLoopbackCallbacks?: boolean;
	rateLimitPerSecond?: number;
}

export type ResolvedSandboxOptions = Required<Omit<SandboxOptions, 'stateFile' | 'rateLimitPerSecond'>> & {
	stateFile?: string;
	rateLimitPerSecond?: number;
};

export interface SandboxFaults {
	rate429?: number;
	rate5xx?: number;
	latencyMs?: number;
	latencySpikeRate?: number;
	latencySpikeMs?: number;
	cutAfterAcceptRate?: number;
	clockSkewSeconds?: number;
	seed?: number;
	/**
	 * Faults forced in this order before any share is drawn, each spent on the next request it
	 * applies to: a test that must meet every kind of failure does not depend on which requests
	 * a concurrent client happens to send first.
	 */
	script?: ScriptedFault[];
	/**
	 * Batch GETs (`X-Ovh-Batch`) answered in a shape OVHcloud's schema does not promise against:
	 * `values` = an array of the bare objects (no `{key, value, error}`), `ignored` = the header is
	 * ignored and `1,2,3` read as one id (404). Unset = the assumed `{key, value, error}` items.
	 */
	batchGet?: 'values' | 'ignored';
	/**
	 * `numberOnly`: SMS sent or received by a virtual number are listed and read only under
	 * `/virtualNumbers/{number}/…`, not under the account's own `/jobs`, `/outgoing`, `/incoming`.
	 * Unset = in both places (what the sandbox assumes; OVHcloud does not say).
	 */
	virtualNumberSms?: 'numberOnly';
	/**
	 * `readLater`: `POST /receivers` with a `documentId` answers `records: 0` and reads the file
	 * `deliveryDelayMs` later (a file deleted meanwhile leaves the list empty). Unset = read before
	 * the answer (assumed).
	 */
	receiversDocument?: 'readLater';
	/** `kept`: `PUT /sms/{sn}` ignores `callBack: ""` and `stopCallBack: ""` (unset = they clear it, assumed). */
	emptyCallbacks?: 'kept';
}

export interface ScriptedFault {
	fault: 'rate429' | 'rate5xx' | 'cutAfterAccept';
	/** Only a request with this method takes it (e.g. `POST` for a send). */
	method?: string;
}

export interface RecordedRequest {
	method: string;
	/** Path as received, without the query string (e.g. `/1.0/sms/sms-sb00001-1/jobs`). */
	path: string;
	query: Record<string, string>;
	/** Raw body read as UTF-8 ("" when none). */
	body: string;
	headers: Record<string, string>;
	/** Status sent, or the status the request would have had when the connection was cut. */
	status: number;
	/** Set when an injected fault decided the answer. */
	fault?: 'latency' | 'rate429' | 'rate5xx' | 'cutAfterAccept' | 'rateLimit';
	/** Time the request was received, ISO 8601. */
	at: string;
}

/** An outbound call the sandbox made (or chose not to make) to a user URL. */
export interface RecordedCallback {
	kind: 'deliveryReport' | 'incomingCgi' | 'stop';
	method: 'GET' | 'POST';
	url: string;
	body?: string;
	/** HTTP status answered, absent when the call failed or was skipped. */
	status?: number;
	/** The first 200 characters of the answer's body. */
	answer?: string;
	error?: string;
	skipped?: string;
	at: string;
}

export type AccessRuleMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export interface AccessRule {
	method: AccessRuleMethod;
	path: string;
}

export interface ApplicationState {
	applicationId: number;
	applicationKey: string;
	applicationSecret: string;
	name: string;
}

export interface ConsumerKeyState {
	consumerKey: string;
	credentialId: number;
	applicationKey: string;
	status: 'validated' | 'expired';
	rules: AccessRule[];
	creation: string;
	expiration: string | null;
	lastUse: string | null;
}

export interface OAuth2ClientState {
	clientId: string;
	clientSecret: string;
	revoked: boolean;
}

export interface OAuth2TokenState {
	clientId: string;
	/** Epoch milliseconds. */
	expiresAt: number;
}

export interface CredentialsState {
	owner: { nichandle: string; organisation: string; firstname: string; name: string };
	applications: Record<string, ApplicationState>;
	consumerKeys: Record<string, ConsumerKeyState>;
	oauth2Clients: Record<string, OAuth2ClientState>;
	oauth2Tokens: Record<string, OAuth2TokenState>;
}

export type SenderStatus = 'enable' | 'disable' | 'refused' | 'waitingValidation';
export type SenderType = 'alpha' | 'numeric' | 'shortcode' | 'virtual';
export type SenderReferer = 'custom' | 'domain' | 'line' | 'nic' | 'owner' | 'virtual';

export interface SenderDocumentState {
	documentID: string;
	name: string;
	description: string | null;
	createdAt: string;
	uploadId: string;
}

export interface SenderState {
	sender: string;
	description: string;
	status: SenderStatus;
	type: SenderType;
	referer: SenderReferer;
	comment: string | null;
	validationMedia: string | null;
	/** Epoch ms at which a waitingValidation sender is enabled on its own; null = waits for a decision. */
	decideAt: number | null;
	documents: Record<string, SenderDocumentState>;
}

export interface VirtualNumberState {
	number: string;
	countryCode: 'be' | 'ch' | 'de' | 'es' | 'fr' | 'uk';
}

export interface SmsResponseState {
	responseType: 'cgi' | 'none' | 'text';
	cgiUrl: string | null;
	text: string | null;
	trackingDefaultSmsSender: string | null;
	trackingOptions: Array<{ media: 'email' | 'sms' | 'voice'; sender: string; target: string }>;
}

export interface TemplatesState {
	customizedEmailMode: boolean;
	customizedSmsMode: boolean;
	emailBody: string | null;
	emailFrom: string | null;
	emailSubject: string | null;
	smsBody: string | null;
}

/** Fields shared by a pending job and an outgoing SMS (same id: a job becomes the outgoing SMS). */
export interface SmsRecordBase {
	id: number;
	creationDatetime: string;
	credits: number;
	/** Text as sent, STOP clause included when one was added. */
	message: string;
	messageLength: number;
	numberOfSms: number;
	ptt: number;
	deliveryReceipt: number;
	differedDelivery: number;
	receiver: string;
	sender: string;
	tag: string | null;
	class: string;
	priority: string;
	validityPeriod: number;
	/** The virtual number that sent it, when a VLN sent it. */
	virtualNumber: string | null;
	/** The short number that sent it, when sent with senderForResponse. */
	shortcode: string | null;
	batchID: string | null;
}

export interface PendingJobState extends SmsRecordBase {
	/** Epoch ms at which the deferred SMS is handed to the operator. */
	dueAt: number;
}

export interface OutgoingState extends SmsRecordBase {
	sentAt: string | null;
	deliveredAt: string | null;
	messageID: string | null;
	tariffCode: string | null;
	/** 0 created, 1 accepted by the operator, 2 final. */
	step: 0 | 1 | 2;
	/** Epoch ms of the next delivery step, null once final. */
	nextStepAt: number | null;
}

export interface IncomingState {
	id: number;
	creationDatetime: string;
	credits: number;
	message: string;
	sender: string;
	tag: string | null;
	/** The VLN that received it, or null when the short number did. */
	virtualNumber: string | null;
	shortcode: string | null;
}

export interface BlacklistState {
	number: string;
	dateCreation: string;
	batchID: string | null;
	smsOutgoingID: number | null;
}

export interface AccountState {
	name: string;
	description: string;
	status: 'enable' | 'disable';
	creditsLeft: number;
	creditsHoldByQuota: number;
	userQuantityWithQuota: number;
	callBack: string | null;
	stopCallBack: string | null;
	smsResponse: SmsResponseState;
	automaticRecreditAmount: number | null;
	creditThresholdForAutomaticRecredit: number;
	templates: TemplatesState;
	channel: 'both' | 'marketing' | 'transactional';
	smpp: boolean;
	senders: Record<string, SenderState>;
	virtualNumbers: Record<string, VirtualNumberState>;
	/** Deferred SMS not yet handed to the operator (`/jobs`). */
	jobs: Record<string, PendingJobState>;
	outgoing: Record<string, OutgoingState>;
	incoming: Record<string, IncomingState>;
	blacklists: Record<string, BlacklistState>;
	/** Address books by bookKey. */
	phonebooks: Record<string, PhonebookState>;
	/** Recipient lists by slot id ("1".."9"). */
	receivers: Record<string, ReceiverSlotState>;
	/** Address book imports and list cleanings (`/task`). */
	tasks: Record<string, SmsTaskState>;
	/** Campaigns (`/batches`) by id. */
	batches: Record<string, BatchState>;
	/** Number lookups (`/hlr`) by id; absent from state files written before they existed. */
	hlr: Record<string, HlrLookupState>;
}

/** A number lookup: its result is derived from the number and the time since it was asked (`sandbox/routes/hlr.ts`). */
export interface HlrLookupState {
	id: number;
	msisdn: string;
	/** Epoch ms it was asked. */
	createdAt: number;
	datetime: string;
	credits: number;
}

export interface PhonebookContactState {
	id: number;
	group: string;
	name: string;
	surname: string;
	homeMobile: string | null;
	homePhone: string | null;
	workMobile: string | null;
	workPhone: string | null;
}

export interface PhonebookState {
	bookKey: string;
	name: string;
	phoneKey: string;
	contacts: Record<string, PhonebookContactState>;
}

export interface ReceiverSlotState {
	slotId: number;
	description: string;
	records: number;
	datetime: string;
	autoUpdate: boolean;
	canAutoUpdate: boolean;
	csvUrl: string | null;
	documentId: string | null;
	/** The list as read (a `number` column, other columns for placeholders). */
	csv: string;
}

export interface SmsTaskState {
	taskId: number;
	/** Only `cleanSmsReceivers` tasks are in OVHcloud's `sms.Task` model and shown by `/task`; an
	 * address book import is a `telephony.Task` the API gives no route to read back. */
	function: 'importPhonebookContacts' | 'cleanSmsReceivers' | 'readReceiversDocument';
	status: 'todo' | 'doing' | 'done' | 'error';
	step: 'starting' | 'finishing';
	message: string;
	/** Epoch ms at which the work is applied. */
	dueAt: number;
	/** What the task does when due (see sandbox/tasks.ts `TaskEffect`). */
	effect: unknown;
}

/** A `/me/document` file; its bytes live in `uploads`. */
export interface MeDocumentState {
	id: string;
	name: string;
	creationDate: string;
	expirationDate: string | null;
	tags: Array<{ key: string; value: string }>;
	uploadId: string;
}

export interface UploadState {
	id: string;
	contentType: string | null;
	/** Bytes, base64 (so the state stays JSON). */
	contentBase64: string;
	size: number;
	uploadedAt: string | null;
}

export interface SandboxState {
	version: 1;
	/** Next numeric id (jobs, outgoing and incoming share one sequence). */
	nextId: number;
	credentials: CredentialsState;
	accounts: Record<string, AccountState>;
	uploads: Record<string, UploadState>;
	/** `/me/document` files by id. */
	documents: Record<string, MeDocumentState>;
}

/** The `sms.Incoming` object as the API returns it. */
export type Incoming = Wire<SmsIncoming>;

export interface IncomingInput {
	sender: string;
	message: string;
	tag?: string;
	virtualNumber?: string;
	serviceName?: string;
}

export type BatchStatus = 'INSERTING' | 'INSERTED' | 'PENDING' | 'COMPLETED' | 'FAILED' | 'TO_CANCEL' | 'CANCELING' | 'CANCELED';

/** One receiver of a campaign, kept until the campaign is deleted (statistics are read from them). */
export interface BatchRecordState {
	receiver: string;
	/** The personalised text (placeholders substituted, STOP clause included); null = the batch's own text. */
	text: string | null;
	parts: number;
	/** The outgoing SMS, once handed to the operator. */
	smsId: number | null;
	/** Final outcome, copied from the outgoing SMS so that deleting it from the history changes nothing. */
	outcome: 'delivered' | 'failed' | 'stoplisted' | null;
}

/** A campaign (`sms.Batch`) and what the sandbox needs to run it. */
export interface BatchState {
	id: string;
	accountID: string;
	name: string;
	/** As given, placeholders included. */
	message: string;
	from: string | null;
	receivers: string[] | null;
	slotID: string | null;
	status: BatchStatus;
	totalRecords: number;
	processedRecords: number;
	estimatedCredits: number;
	errors: Array<{ receiver: string; message: string }>;
	createdAt: string;
	updatedAt: string;
	startedAt: string | null;
	sentAt: string | null;
	finishedAt: string | null;
	deferred: string | null;
	noStop: boolean;
	tag: string | null;
	/** The sending identity, resolved at creation. */
	sender: string;
	senderType: SenderType;
	virtualNumber: string | null;
	shortcode: string | null;
	class: string;
	/** The text once sent (STOP clause included) when every receiver gets the same one. */
	sentText: string;
	records: BatchRecordState[];
	/** Epoch ms of the next step (insertion, start, next chunk, completion check), null once finished. */
	nextStepAt: number | null;
}
