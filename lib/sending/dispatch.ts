import {
	createOvhJobGateway,
	groupIntoJobs,
	isAmbiguousSendFailure,
	isStillInFlight,
	JobSendError,
	mapWithConcurrency,
	sendJobSafely,
	type JobDelivery,
	type JobGateway,
	type OvhJobBody,
	type OvhJobTarget,
	type ReportOrder,
	type SentSms,
} from '../batching';
import { API_TIME_LIMITS, type OvhClient, type Sleep } from '../ovh';
import { digitsOf } from '../recipients';
import { jobTag, type SendIdentity } from './sendIdentity';
import type { PreparedSend } from './types';

/**
 * Above this many receivers an item's output gives counts instead of every number and id
 * (the option "List Receivers up To"; why 1,000: see the send's output shaping).
 */
export const DEFAULT_LIST_RECEIVERS_UP_TO = 1_000;
/** Refused receivers still listed once an item is summarised: the output shows the first rows only. */
export const SUMMARY_ROWS_SHOWN = 100;

/**
 * What became of one item's receivers once its jobs ran. Its lists are kept only while the
 * item's output lists them: once `summarised`, `counts` goes on and the lists stop (a million
 * ids and numbers answered by OVHcloud would otherwise be held to the end of the run).
 */
export interface ItemDelivery {
	ids: number[];
	validReceivers: string[];
	/** Receivers OVHcloud refused (invalid for it, or on the STOP list): not billed. Once summarised, the first {@link SUMMARY_ROWS_SHOWN}. */
	refused: string[];
	counts: { ids: number; validReceivers: number; refused: number; alreadySent: number };
	/** More SMS, receivers or already-sent receivers than the item's listing limit: lists dropped, counts kept. */
	summarised: boolean;
	/**
	 * The item waits for delivery: its SMS ids stay listed once summarised (numbers, 8 bytes each),
	 * since the wait needs each one; the receivers' strings still go.
	 */
	keepsIds: boolean;
	creditsRemoved: number;
	tags: string[];
	/** Receivers another item of the run already sends the same message to. */
	duplicates: string[];
	/** Receivers an earlier run of this send (or, with the option, an earlier send) already reached, and those SMS ids. */
	alreadySent: string[];
	alreadySentIds: number[];
	/** Jobs whose lost answer was recovered from the history instead of being sent again. */
	recovered: boolean;
	/** For a recipient list sent by an earlier identical item: that item. */
	sameAsItem?: number;
	failure?: { error: unknown; unsent: string[] | undefined; unconfirmed: boolean };
}

export interface DispatchSettings {
	maxReceiversPerJob: number;
	parallelJobs: number;
	/** Without "continue on fail", a failed job stops the jobs not yet started. */
	stopAfterFailure: boolean;
	sleep: Sleep;
	/** Pause before the second look in the history after an ambiguous failure. */
	settleMs?: number;
	/** Who is sending: the same on a Retry of this execution, new for a new execution. */
	identity: SendIdentity;
	nowMs: number;
	/** How a job reaches the API: OVHcloud's jobs endpoint unless a test passes a fake API. */
	gatewayFor?: (target: OvhJobTarget, body: OvhJobBody, claimed: Set<number>) => JobGateway;
}

interface Job {
	send: PreparedSend;
	/** The user's tag, or one derived from the send identity and the job. */
	tag: string;
	/** Earlier SMS of this job created since then are not sent again; undefined on a first attempt without the option. */
	alreadySentSinceMs: number | undefined;
	/**
	 * The job's receivers joined by commas (E.164 numbers hold none): one string a job instead of
	 * one a receiver, held for the whole run, unpacked while the job runs. Undefined for a
	 * recipient list stored on the account.
	 */
	packedReceivers?: string;
	/** The item each receiver came from (same position), or the one item all of them came from. */
	owners: number[] | number;
}

const receiversOf = (job: Job): string[] | undefined => job.packedReceivers?.split(',');
const ownerAt = (job: Job, position: number): number => (typeof job.owners === 'number' ? job.owners : job.owners[position]);
const ownersOf = (job: Job): number[] => (typeof job.owners === 'number' ? [job.owners] : [...new Set(job.owners)]);

function emptyDelivery(send: PreparedSend): ItemDelivery {
	return {
		keepsIds: send.item.options.waitForDeliveryMinutes !== undefined,
		ids: [],
		validReceivers: [],
		refused: [],
		counts: { ids: 0, validReceivers: 0, refused: 0, alreadySent: 0 },
		summarised: false,
		creditsRemoved: 0,
		tags: [],
		duplicates: [],
		alreadySent: [],
		alreadySentIds: [],
		recovered: false,
	};
}

/** The item's listing limit ("List Receivers up To"). */
const listLimit = (send: PreparedSend) => send.item.options.listReceiversUpTo ?? DEFAULT_LIST_RECEIVERS_UP_TO;

/**
 * Sends the prepared items: those sharing account, sender, text and options are merged into
 * jobs (recipient lists: one job per distinct list and message), the jobs run a few at a time,
 * each sent safely, and every SMS is attributed back to the item it came from.
 *
 * The jobs take the receivers over: once they are planned, each send's `numbers` is emptied,
 * so that a million receivers are not held twice (as a million strings and as the jobs) for the
 * whole run. Read what you need of them before.
 */
export async function dispatchSends(
	client: OvhClient,
	sends: PreparedSend[],
	settings: DispatchSettings,
): Promise<Map<number, ItemDelivery>> {
	const deliveries = new Map<number, ItemDelivery>(sends.map((send) => [send.item.itemIndex, emptyDelivery(send)]));
	const listUpTo = new Map<number, number>(sends.map((send) => [send.item.itemIndex, listLimit(send)]));
	const jobs: Job[] = [];

	const listed = sends.filter((send) => send.item.recipients.kind !== 'recipientList');
	const plan = groupIntoJobs(
		listed.map((send) => ({
			itemIndex: send.item.itemIndex,
			key: send.key,
			payload: send,
			receivers: send.item.recipients.kind === 'recipientList' ? [] : send.item.recipients.numbers,
		})),
		settings.maxReceiversPerJob,
	);
	const jobOf = (send: PreparedSend, receivers: string[] | undefined, owners: number[]): Job => {
		const lookBack = send.item.options.skipAlreadySentHours;
		const content = { key: identityKey(send), receivers: receivers ?? { slotId: send.body.receiversSlotId ?? '' } };
		const userTag = send.item.options.tag?.trim();
		return {
			send,
			packedReceivers: receivers?.join(','),
			owners: owners.every((owner) => owner === owners[0]) ? owners[0] : owners,
			// With the option, every run of this node sending this message shares the tag, and the look back covers the window.
			tag: userTag || jobTag(settings.identity, content, lookBack ? 'message' : 'run'),
			alreadySentSinceMs: lookBack
				? Math.min(settings.identity.runStartedAtMs, settings.nowMs - lookBack * 3_600_000)
				: settings.identity.mayHaveSentBefore
					? settings.identity.runStartedAtMs
					: undefined,
		};
	};
	for (const job of plan.jobs.splice(0)) jobs.push(jobOf(job.payload, job.receivers, job.owners));
	for (const [itemIndex, duplicates] of plan.duplicatesByItem) deliveries.get(itemIndex)!.duplicates.push(...duplicates);
	for (const send of listed) if (send.item.recipients.kind !== 'recipientList') send.item.recipients.numbers = [];

	const listJobs = new Map<string, Job>();
	for (const send of sends.filter((s) => s.item.recipients.kind === 'recipientList')) {
		const first = listJobs.get(send.key);
		if (first) {
			deliveries.get(send.item.itemIndex)!.sameAsItem = ownerAt(first, 0);
			continue;
		}
		const job = jobOf(send, undefined, [send.item.itemIndex]);
		listJobs.set(send.key, job);
		jobs.push(job);
	}

	const claimed = new Set<number>();
	const reportOrder: ReportOrder = {};
	let failed = false;
	const results = await mapWithConcurrency(
		jobs,
		settings.parallelJobs,
		async (job) => {
			const body = { ...job.send.body, tag: job.tag };
			const gateway = settings.gatewayFor
				? settings.gatewayFor(job.send.sender.target, body, claimed)
				: createOvhJobGateway(client, job.send.sender.target, body, {
						claimed,
						reportOrder,
						mayBePending: job.send.item.options.sendWindow !== undefined,
					});
			let succeeded = false;
			try {
				const delivery = await sendJobSafely(gateway, receiversOf(job), {
					isAmbiguous: isAmbiguousSendFailure,
					isInFlight: isStillInFlight,
					// As long again as the client waited for the answer: covers an API that answers late.
					inFlightWatchMs: API_TIME_LIMITS.requestTimeoutMs,
					sleep: settings.sleep,
					settleMs: settings.settleMs,
					alreadySentSinceMs: job.alreadySentSinceMs,
					pairingMatters: ownersOf(job).length > 1,
				});
				// Attributed at once, so a big run does not hold every job's report until the end.
				attribute(deliveries, listUpTo, job, delivery);
				succeeded = true;
			} finally {
				if (!succeeded) failed = true;
			}
		},
		{ stopWhen: () => settings.stopAfterFailure && failed },
	);

	results.forEach((result, index) => {
		const job = jobs[index];
		if (result.status === 'fulfilled') return;
		const notStarted = result.status === 'skipped';
		const error = notStarted ? new Error('not sent: an earlier job failed and "continue on fail" is off') : result.reason;
		const partial = error instanceof JobSendError ? error : undefined;
		// Only a job never started, or one the API clearly refused, is known not to have gone out.
		const unconfirmed = notStarted ? false : (partial?.unconfirmed ?? true);
		const sent = partial?.sent ?? [];
		attribute(deliveries, listUpTo, job, { sent, alreadySent: [], invalidReceivers: [], creditsRemoved: sum(sent), recoveredAttempts: 0 });
		const receivers = receiversOf(job);
		const unsent = new Set((partial ? partial.unsent : receivers)?.map(digitsOf) ?? []);
		const markUnsent = (owner: number, receiver: string | undefined) => {
			const delivery = deliveries.get(owner)!;
			delivery.failure ??= { error, unsent: receiver === undefined ? undefined : [], unconfirmed };
			if (receiver !== undefined) delivery.failure.unsent?.push(receiver);
		};
		if (!receivers) markUnsent(ownerAt(job, 0), undefined);
		else
			receivers.forEach((receiver, position) => {
				if (unsent.has(digitsOf(receiver))) markUnsent(ownerAt(job, position), receiver);
			});
	});
	for (const send of sends) {
		const delivery = deliveries.get(send.item.itemIndex)!;
		if (delivery.sameAsItem !== undefined) {
			const first = deliveries.get(delivery.sameAsItem)!;
			Object.assign(delivery, { ...first, counts: { ...first.counts }, creditsRemoved: 0, sameAsItem: delivery.sameAsItem });
		}
	}
	return deliveries;
}

/**
 * The job's content as a Retry sees it. `differedPeriod` is minutes from the moment the item is
 * read, and a Send Window's deferral depends on that moment too (a Retry after the window opened
 * sends at once): both are left out, and only the "Send At" the user gave, an instant, is kept.
 */
function identityKey(send: PreparedSend): string {
	const body = { ...send.body };
	delete body.differedPeriod;
	return JSON.stringify([
		send.sender.target.serviceName,
		send.sender.target.virtualNumber ?? '',
		send.item.options.tag?.trim() ?? '',
		body,
		send.item.sendAtMs ?? '',
	]);
}

const sum = (sent: SentSms[]) => sent.reduce((total, sms) => total + sms.credits, 0);

/** Drops an item's lists once one of them is longer than its output would list. */
function summariseIfLong(item: ItemDelivery, listUpTo: number): void {
	if (item.summarised || Math.max(item.counts.ids, item.counts.validReceivers, item.counts.alreadySent) <= listUpTo) return;
	item.summarised = true;
	if (!item.keepsIds) item.ids = [];
	item.validReceivers = [];
	item.alreadySent = [];
	item.alreadySentIds = [];
	item.refused = item.refused.slice(0, SUMMARY_ROWS_SHOWN);
}

function attribute(deliveries: Map<number, ItemDelivery>, listUpTo: Map<number, number>, job: Job, delivery: JobDelivery): void {
	const owners = ownersOf(job);
	// One item's job (a CSV, a recipient list) needs no receiver-to-item map.
	const onlyOwner = owners.length === 1 ? deliveries.get(owners[0]) : undefined;
	let ownerOf: Map<string, number> | undefined;
	/** The item a receiver of this job came from. */
	const itemOf = (receiver: string) => {
		if (onlyOwner) return onlyOwner;
		if (!ownerOf) {
			ownerOf = new Map();
			receiversOf(job)?.forEach((r, position) => ownerOf!.set(digitsOf(r), ownerAt(job, position)));
		}
		const owner = ownerOf.get(digitsOf(receiver));
		return owner === undefined ? undefined : deliveries.get(owner);
	};
	for (const sms of delivery.sent) {
		const item = itemOf(sms.receiver);
		if (!item) continue;
		item.counts.ids++;
		item.counts.validReceivers++;
		item.creditsRemoved += sms.credits;
		if (!item.summarised || item.keepsIds) item.ids.push(sms.id);
		if (item.summarised) continue;
		item.validReceivers.push(sms.receiver);
	}
	for (const sms of delivery.alreadySent) {
		const item = itemOf(sms.receiver);
		if (!item) continue;
		item.counts.alreadySent++;
		if (item.summarised) continue;
		item.alreadySent.push(sms.receiver);
		item.alreadySentIds.push(sms.id);
	}
	for (const receiver of delivery.invalidReceivers) {
		const item = itemOf(receiver);
		if (!item) continue;
		item.counts.refused++;
		if (!item.summarised || item.refused.length < SUMMARY_ROWS_SHOWN) item.refused.push(receiver);
	}
	for (const owner of owners) {
		const item = deliveries.get(owner)!;
		if (!item.tags.includes(job.tag)) item.tags.push(job.tag);
		if (delivery.recoveredAttempts > 0) item.recovered = true;
		summariseIfLong(item, listUpTo.get(owner)!);
	}
}
