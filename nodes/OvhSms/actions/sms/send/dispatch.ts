import {
	createBatchTag,
	createOvhJobGateway,
	groupIntoJobs,
	isAmbiguousSendFailure,
	isStillInFlight,
	JobSendError,
	mapWithConcurrency,
	sendJobSafely,
	type JobDelivery,
	type SentSms,
} from '../../../../../lib/batching';
import { API_TIME_LIMITS, type OvhClient, type Sleep } from '../../../../../lib/ovh';
import type { PreparedSend } from './types';

/** What became of one item's receivers once its jobs ran. */
export interface ItemDelivery {
	ids: number[];
	validReceivers: string[];
	/** Receivers OVHcloud refused (invalid for it, or on the STOP list): not billed. */
	refused: string[];
	creditsRemoved: number;
	tags: string[];
	/** Receivers another item of the run already sends the same message to. */
	duplicates: string[];
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
}

interface Job {
	send: PreparedSend;
	/** The user's tag, or one made for this job alone. */
	tag: string;
	/** Undefined for a recipient list stored on the account. */
	receivers?: string[];
	owners: number[];
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

function emptyDelivery(): ItemDelivery {
	return { ids: [], validReceivers: [], refused: [], creditsRemoved: 0, tags: [], duplicates: [], recovered: false };
}

/**
 * Sends the prepared items: those sharing account, sender, text and options are merged into
 * jobs (recipient lists: one job per distinct list and message), the jobs run a few at a time,
 * each sent safely, and every SMS is attributed back to the item it came from.
 */
export async function dispatchSends(
	client: OvhClient,
	sends: PreparedSend[],
	settings: DispatchSettings,
): Promise<Map<number, ItemDelivery>> {
	const deliveries = new Map<number, ItemDelivery>(sends.map((send) => [send.item.itemIndex, emptyDelivery()]));
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
	for (const job of plan.jobs) jobs.push({ send: job.payload, tag: tagFor(job.payload), receivers: job.receivers, owners: job.owners });
	for (const [itemIndex, duplicates] of plan.duplicatesByItem) deliveries.get(itemIndex)!.duplicates.push(...duplicates);

	const listJobs = new Map<string, Job>();
	for (const send of sends.filter((s) => s.item.recipients.kind === 'recipientList')) {
		const first = listJobs.get(send.key);
		if (first) {
			deliveries.get(send.item.itemIndex)!.sameAsItem = first.owners[0];
			continue;
		}
		const job: Job = { send, tag: tagFor(send), owners: [send.item.itemIndex] };
		listJobs.set(send.key, job);
		jobs.push(job);
	}

	const claimed = new Set<number>();
	let failed = false;
	const results = await mapWithConcurrency(
		jobs,
		settings.parallelJobs,
		async (job) => {
			const gateway = createOvhJobGateway(client, job.send.sender.target, { ...job.send.body, tag: job.tag }, { claimed });
			let succeeded = false;
			try {
				const delivery = await sendJobSafely(gateway, job.receivers, {
					isAmbiguous: isAmbiguousSendFailure,
					isInFlight: isStillInFlight,
					// As long again as the client waited for the answer: covers an API that answers late.
					inFlightWatchMs: API_TIME_LIMITS.requestTimeoutMs,
					sleep: settings.sleep,
					settleMs: settings.settleMs,
				});
				// Attributed at once, so a big run does not hold every job's report until the end.
				attribute(deliveries, job, delivery);
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
		attribute(deliveries, job, { sent, invalidReceivers: [], creditsRemoved: sum(sent), recoveredAttempts: 0 });
		const unsent = new Set((partial ? partial.unsent : job.receivers)?.map(digitsOf) ?? []);
		job.owners.forEach((owner, position) => {
			const receiver = job.receivers?.[position];
			if (receiver !== undefined && !unsent.has(digitsOf(receiver))) return;
			const delivery = deliveries.get(owner)!;
			delivery.failure ??= { error, unsent: receiver === undefined ? undefined : [], unconfirmed };
			if (receiver !== undefined) delivery.failure.unsent?.push(receiver);
		});
	});
	for (const send of sends) {
		const delivery = deliveries.get(send.item.itemIndex)!;
		if (delivery.sameAsItem !== undefined) {
			const first = deliveries.get(delivery.sameAsItem)!;
			Object.assign(delivery, { ...first, creditsRemoved: 0, sameAsItem: delivery.sameAsItem });
		}
	}
	return deliveries;
}

const tagFor = (send: PreparedSend) => send.item.options.tag?.trim() || createBatchTag();

const sum = (sent: SentSms[]) => sent.reduce((total, sms) => total + sms.credits, 0);

function attribute(deliveries: Map<number, ItemDelivery>, job: Job, delivery: JobDelivery): void {
	const ownerOf = new Map<string, number>();
	if (job.receivers) job.receivers.forEach((receiver, position) => ownerOf.set(digitsOf(receiver), job.owners[position]));
	for (const sms of delivery.sent) {
		const owner = job.receivers ? ownerOf.get(digitsOf(sms.receiver)) : job.owners[0];
		if (owner === undefined) continue;
		const item = deliveries.get(owner)!;
		item.ids.push(sms.id);
		item.validReceivers.push(sms.receiver);
		item.creditsRemoved += sms.credits;
	}
	for (const receiver of delivery.invalidReceivers) {
		const owner = job.receivers ? ownerOf.get(digitsOf(receiver)) : job.owners[0];
		if (owner === undefined) continue;
		deliveries.get(owner)!.refused.push(receiver);
	}
	for (const owner of new Set(job.owners)) {
		const item = deliveries.get(owner)!;
		if (!item.tags.includes(job.tag)) item.tags.push(job.tag);
		if (delivery.recoveredAttempts > 0) item.recovered = true;
	}
}
