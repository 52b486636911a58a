import { formatOvhDatetime, OvhApiError, SmsApi, type OvhClient } from '../ovh';
import { digitsOf } from '../recipients';
import { sentFromReport, type JobGateway, type SentSms } from './safeSend';

/** Where a job is sent: the account's jobs, or a virtual number's (the number is the sender). */
export interface OvhJobTarget {
	serviceName: string;
	virtualNumber?: string;
}

/** The fields of `POST …/jobs` except the receivers (added per attempt) and the tag. */
export interface OvhJobFields {
	message: string;
	sender?: string;
	senderForResponse?: boolean;
	differedPeriod?: number;
	receiversSlotId?: string;
	[field: string]: unknown;
}

/** Every job the gateway sends carries a tag: it is how a lost answer is looked up. */
export type OvhJobBody = OvhJobFields & { tag: string };

export interface OvhJobGatewayOptions {
	/**
	 * Ids already attributed to a job of this run. Shared by the gateways of one run, so that
	 * two jobs with a user's tag never claim the same SMS.
	 */
	claimed: Set<number>;
	/**
	 * What the run has learnt of the order of send reports, shared by its gateways: once one
	 * report has been checked, the other jobs of the run trust that answer instead of each
	 * paying for its own check.
	 */
	reportOrder?: ReportOrder;
	/**
	 * An earlier attempt may have been deferred although this one is not (a Send Window's
	 * deferral, computed from the time of the attempt): the lookup reads the pending jobs too,
	 * which carry no tag, as for a deferred send.
	 */
	mayBePending?: boolean;
	nowMs?: () => number;
}

/** Whether OVHcloud lists a report's ids in the order of its receivers; unknown until checked. */
export interface ReportOrder {
	inOrder?: Promise<boolean>;
}

interface StoredSms {
	id: number;
	receiver: string;
	message: string;
	sender?: string | null;
	credits?: number;
	creationDatetime?: string;
}

/** How far back from the attempt to look: the API's clock is read, this covers the rest. */
const LOOKUP_MARGIN_MS = 2 * 60_000;

/** A numeric sender may come back as `33612345678` when sent as `+33612345678`. */
function sameSender(stored: string | null, sent: string): boolean {
	if (stored === sent) return true;
	const digits = digitsOf(sent);
	return /^\+?\d+$/.test(sent) && digits !== '' && digitsOf(stored) === digits;
}

/** An ambiguous failure: OVHcloud may have created the SMS although no success came back. */
export function isAmbiguousSendFailure(error: unknown): boolean {
	return error instanceof OvhApiError && error.requestMayHaveBeenProcessed;
}

/** A send the client stopped waiting for: the API may still be carrying it out. */
export function isStillInFlight(error: unknown): boolean {
	const details = error instanceof OvhApiError ? (error.details as { noAnswerWithinMs?: unknown } | undefined) : undefined;
	return typeof details?.noAnswerWithinMs === 'number';
}

/**
 * OVHcloud's side of a safe send. The lookup reads the outgoing history filtered by the
 * job's tag (and, for deferred sends, the pending jobs, which carry no tag), and keeps only
 * the SMS that match the job: receiver, text (OVHcloud may have appended its STOP mention),
 * sender, and a creation time after the attempt began (by the API's own clock).
 */
export function createOvhJobGateway(client: OvhClient, target: OvhJobTarget, body: OvhJobBody, options: OvhJobGatewayOptions): JobGateway {
	const nowMs = options.nowMs ?? (() => Date.now());
	const api = new SmsApi(client, target.serviceName);
	// An empty number means the account's own collections, as it always has.
	const virtualNumber = target.virtualNumber || undefined;

	const matches = (sms: StoredSms, wanted: Set<string> | undefined, sinceMs: number): boolean => {
		if (options.claimed.has(sms.id)) return false;
		if (wanted && !wanted.has(digitsOf(sms.receiver))) return false;
		if (typeof sms.message !== 'string' || !sms.message.startsWith(body.message)) return false;
		if (body.sender && sms.sender !== undefined && !sameSender(sms.sender, body.sender)) return false;
		const created = sms.creationDatetime ? Date.parse(sms.creationDatetime) : NaN;
		return Number.isNaN(created) || created >= sinceMs;
	};

	const readAll = async (collection: 'jobs' | 'outgoing', query?: Record<string, string>): Promise<StoredSms[]> => {
		// Not `listSmsIds`, which reads a null answer as no SMS: here that would mean "not sent", and a resend.
		const listed = await client.get<number[]>(api.collectionPath(collection, virtualNumber), query);
		const ids = listed.filter((id) => !options.claimed.has(id));
		const read = await api.readSms(collection, ids, virtualNumber);
		return read.flatMap((entry) => (entry.value ? [entry.value] : []));
	};

	/** The SMS these ids name, from the history, or the pending jobs for a deferred send. */
	const readHeld = async (ids: number[]): Promise<Map<number, StoredSms>> => {
		const held = new Map<number, StoredSms>();
		const collections: Array<'jobs' | 'outgoing'> = (body.differedPeriod ?? 0) > 0 ? ['jobs', 'outgoing'] : ['outgoing', 'jobs'];
		for (const collection of collections) {
			const missing = ids.filter((id) => !held.has(id));
			if (missing.length === 0) break;
			for (const entry of await api.readSms(collection, missing, virtualNumber)) {
				if (entry.value) held.set(Number(entry.id), entry.value);
			}
		}
		return held;
	};

	return {
		send: (receivers) => api.sendJob(receivers ? { ...body, receivers } : { ...body }, virtualNumber),

		async pairReport(report) {
			const assumed = sentFromReport(report);
			if (report.ids.length < 2) return assumed;
			const same = (a: string | undefined, b: string) => digitsOf(a) === digitsOf(b);
			try {
				// Cheap check first, once a run: the first and the last id of one report. As
				// published, they match, and the run's other reports are taken in their order.
				if (report.ids.length === report.validReceivers.length) {
					const order = options.reportOrder ?? {};
					if (!order.inOrder) {
						const ends = [assumed[0], assumed[assumed.length - 1]];
						const check = readHeld(ends.map((sms) => sms.id)).then((read) =>
							ends.every((sms) => same(read.get(sms.id)?.receiver, sms.receiver)),
						);
						order.inOrder = check;
						// A check that failed proves nothing: the next report checks again.
						check.catch(() => {
							if (order.inOrder === check) order.inOrder = undefined;
						});
					}
					if (await order.inOrder) return assumed;
				}
				// Not as published: pair every id with the receiver the API holds for it, at its own cost.
				const read = await readHeld(report.ids);
				if (read.size !== report.ids.length) return assumed;
				return report.ids.map((id) => {
					const sms = read.get(id)!;
					return { id, receiver: sms.receiver, credits: sms.credits ?? assumed[0]?.credits ?? 0 };
				});
			} catch {
				// The send succeeded; a failed check keeps the report's own order rather than fail it.
				return assumed;
			}
		},

		async findSent(receivers, attemptStartedAtMs) {
			// The API's own clock, never a cached offset: the search window depends on it.
			const serverNowSeconds = Number(await client.request<number>('GET', '/auth/time', { headers: { 'Cache-Control': 'no-cache' } }));
			const elapsedMs = nowMs() - attemptStartedAtMs;
			const serverNowMs = Number.isFinite(serverNowSeconds) ? serverNowSeconds * 1000 : nowMs();
			const sinceMs = serverNowMs - elapsedMs - LOOKUP_MARGIN_MS;
			const wanted = receivers ? new Set(receivers.map(digitsOf)) : undefined;

			const since = formatOvhDatetime(sinceMs);
			const candidates = await readAll('outgoing', { tag: body.tag, 'creationDatetime.from': since });
			if ((body.differedPeriod ?? 0) > 0 || options.mayBePending) candidates.push(...(await readAll('jobs')));

			const found: SentSms[] = [];
			const receiversFound = new Set<string>();
			for (const sms of candidates) {
				if (!matches(sms, wanted, sinceMs)) continue;
				// One SMS per receiver per job: a second match would be another send.
				const key = digitsOf(sms.receiver);
				if (receiversFound.has(key)) continue;
				receiversFound.add(key);
				options.claimed.add(sms.id);
				found.push({ id: sms.id, receiver: sms.receiver, credits: sms.credits ?? 0 });
			}
			return found;
		},
	};
}
