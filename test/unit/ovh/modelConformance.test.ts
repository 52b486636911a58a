/**
 * The compiler checks that the API types written by hand in lib/ (outside lib/ovh/models.ts)
 * only read fields OVHcloud's published models have, with types the models' values fit, and
 * only send fields the models accept. A type error here names the field that drifted; the
 * test bodies only make the checks count as tests.
 */
import type { OvhJobFields } from '../../../lib/batching';
import type { Batch, BatchParams, BatchStatistics } from '../../../lib/campaigns';
import type { ContactFields, PhonebookContact } from '../../../lib/contacts';
import type {
	SmsBatch,
	SmsBatchParams,
	SmsBatchStatistics,
	SmsBlacklist,
	SmsContactCreate,
	SmsIncoming,
	SmsJobsBody,
	SmsOutgoing,
	SmsPhonebookContact,
	SmsSender,
	Wire,
} from '../../../lib/ovh/models';
import type { BlacklistEntry, IncomingSms, OutgoingSms } from '../../../lib/replies';
import type { OvhSender } from '../../../lib/senders';

/** The named fields of a type (an index signature left out). */
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/** Fields of `Local` that `Model` lacks, or whose model value (null included) `Local` cannot hold. */
type ReadDrift<Local, Model> = {
	[K in NamedKeys<Local>]-?: K extends keyof Model ? (Wire<Model>[K] extends Local[K] ? never : K) : K;
}[NamedKeys<Local>];

/** Fields of a body `Local` that `Model` lacks, or whose values the model does not accept. */
type SendDrift<Local, Model> = {
	[K in NamedKeys<Local>]-?: K extends keyof Model ? (NonNullable<Local[K]> extends NonNullable<Model[K]> ? never : K) : K;
}[NamedKeys<Local>];

/** Compiles only when `Drift` is `never`; otherwise the error shows the drifted field names. */
type NoDrift<Drift extends never> = Drift;

export type Checks = [
	NoDrift<ReadDrift<OutgoingSms, SmsOutgoing>>,
	NoDrift<ReadDrift<IncomingSms, SmsIncoming>>,
	NoDrift<ReadDrift<BlacklistEntry, SmsBlacklist>>,
	NoDrift<ReadDrift<OvhSender, SmsSender>>,
	NoDrift<ReadDrift<Batch, SmsBatch>>,
	NoDrift<ReadDrift<BatchStatistics, SmsBatchStatistics>>,
	NoDrift<SendDrift<BatchParams, SmsBatchParams>>,
	NoDrift<SendDrift<ContactFields, SmsContactCreate>>,
	NoDrift<SendDrift<OvhJobFields, SmsJobsBody>>,
];

// A contact as read may carry null for an absent number (canBeNull): lib/contacts declares the
// fields as optional strings, which the drift check would flag; it is the one known exception.
export type ContactReadDrift = ReadDrift<PhonebookContact, SmsPhonebookContact>;

describe('hand-written API types against OVHcloud’s models', () => {
	it('compile (the checks are types; a drift fails tsc)', () => {
		const known: ContactReadDrift[] = ['homeMobile', 'homePhone', 'workMobile', 'workPhone'];
		expect(known).toHaveLength(4);
	});
});
