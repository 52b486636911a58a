import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { ovhDeliveryHistory, readOutgoing, waitForDelivery } from '../../../../../lib/delivery';
import type { OvhClient } from '../../../../../lib/ovh';
import { describeDelivery } from '../../../../../lib/replies';
import type { ItemDelivery } from '../../../../../lib/sending';
import type { PreparedSend } from './types';

/**
 * The time limit's bounds. An execution holds an n8n worker for as long as it waits, so the
 * default is short: most SMS are delivered or refused within a minute, and one that is not
 * final after 5 minutes usually waits for a phone that is off, which may take hours (the
 * Validity Period). The maximum, one hour, stays within n8n's usual execution timeouts; longer
 * waits belong to a later SMS › Get Many run or the trigger's delivery reports.
 */
export const DELIVERY_WAIT_MINUTES = { min: 0.1, max: 60 };
const DEFAULT_WAIT_MINUTES = 5;
/** The first read comes this long after sending; each next one 1.5 times later, at most a minute apart. */
const FIRST_READ_MS = 2_000;
const MAX_READ_INTERVAL_MS = 60_000;
/** Failed receivers listed, with their reason, in a summarised output (a very large send). */
const SUMMARY_FAILED_SHOWN = 100;

export const waitForDeliveryOption: INodeProperties = {
	displayName: 'Wait for Delivery (Minutes)',
	name: 'waitForDeliveryMinutes',
	type: 'number',
	typeOptions: { minValue: DELIVERY_WAIT_MINUTES.min, maxValue: DELIVERY_WAIT_MINUTES.max, numberPrecision: 1 },
	default: DEFAULT_WAIT_MINUTES,
	description:
		'Whether to wait, at most this many minutes (up to 60), until each SMS is delivered or failed, and output each receiver’s final state under "delivery" (delivered, failed with the reason, or still pending at the limit). The execution holds its n8n worker while it waits. The history is read every few seconds, then less often (at most once a minute), three requests a read whatever the number of receivers.',
};

type DeliveryState = 'delivered' | 'failed' | 'pending';

interface ReceiverOutcome {
	receiver: string;
	id: number;
	status: DeliveryState;
	statusText: string;
	reason: string;
	retryable: boolean;
}

/**
 * With "Wait for Delivery", waits once for every SMS the run sent (one history read per poll
 * for the whole run, per account), then adds to each item a `delivery` object: counts, a
 * summary line, and each receiver's final state (counts and the first failures for an item
 * too large to list).
 */
export async function addDeliveryOutcomes(
	ctx: IExecuteFunctions,
	client: OvhClient,
	sends: PreparedSend[],
	deliveries: Map<number, ItemDelivery>,
	results: Map<number, INodeExecutionData>,
	runStartedAtMs: number,
): Promise<void> {
	const asked = sends.filter((send) => send.item.options.waitForDeliveryMinutes !== undefined && results.has(send.item.itemIndex));
	// An SMS OVHcloud holds for later (Send At, a Send Window's deferral) cannot be delivered within the wait: it is not waited for.
	for (const send of asked.filter(isScheduled)) {
		const result = results.get(send.item.itemIndex)!;
		result.json = { ...result.json, delivery: scheduledDelivery(send, deliveries.get(send.item.itemIndex)!) };
	}
	const byService = new Map<string, PreparedSend[]>();
	for (const send of asked.filter((send) => !isScheduled(send))) {
		const serviceName = send.sender.target.serviceName;
		byService.set(serviceName, [...(byService.get(serviceName) ?? []), send]);
	}
	let failed = 0;
	let pending = 0;
	for (const [serviceName, serviceSends] of byService) {
		// Every SMS of the run's items on this account, waited for together (an item repeating another's recipient list shares its ids).
		const ids = [...new Set(serviceSends.flatMap((send) => deliveries.get(send.item.itemIndex)!.ids))];
		const timeLimitMs = Math.max(...serviceSends.map((send) => send.item.options.waitForDeliveryMinutes!)) * 60_000;
		const outcome = await waitForDelivery(ids, {
			history: ovhDeliveryHistory(client, serviceName, runStartedAtMs),
			sleep,
			nowMs: () => Date.now(),
			timeLimitMs,
			firstIntervalMs: FIRST_READ_MS,
			maxIntervalMs: MAX_READ_INTERVAL_MS,
		});
		// The operator's reason of each failure shown: every one of a listed item, the first ones of a summarised item.
		const failedShown = serviceSends.flatMap((send) => {
			const failedIds = deliveries.get(send.item.itemIndex)!.ids.filter((id) => isFailure(outcome.finalById.get(id)));
			return isListed(send, deliveries) ? failedIds : failedIds.slice(0, SUMMARY_FAILED_SHOWN);
		});
		const details = failedShown.length ? await readOutgoing(client, serviceName, [...new Set(failedShown)]) : new Map();
		for (const send of serviceSends) {
			const delivery = deliveries.get(send.item.itemIndex)!;
			const receivers = delivery.ids.map((id, position): ReceiverOutcome => {
				const receipt = outcome.finalById.get(id);
				const words = describeDelivery({ dlrCode: receipt ?? null, ptt: details.get(id)?.ptt ?? null });
				const status: DeliveryState = receipt === undefined ? 'pending' : words.status;
				return {
					// A summarised item keeps its ids but not its receivers: the history read names the failed ones.
					receiver: delivery.validReceivers[position] ?? details.get(id)?.receiver,
					id,
					status,
					statusText: receipt === undefined ? 'Not final yet' : words.statusText,
					reason: receipt === undefined ? `No final delivery report within ${minutes(timeLimitMs)}` : words.reason,
					retryable: status === 'failed' && words.retryable,
				};
			});
			const count = (state: DeliveryState) => receivers.filter((entry) => entry.status === state).length;
			const counts = { delivered: count('delivered'), failed: count('failed'), pending: count('pending') };
			failed += counts.failed;
			pending += counts.pending;
			const json: IDataObject = {
				finished: counts.pending === 0,
				...counts,
				summary: `${counts.delivered} delivered, ${counts.failed} failed, ${counts.pending} still pending after ${Math.round(outcome.waitedMs / 1000)} s`,
				waitedSeconds: Math.round(outcome.waitedMs / 100) / 10,
				historyReads: outcome.reads,
			};
			if (isListed(send, deliveries)) json.receivers = receivers as unknown as IDataObject[];
			else
				json.failedReceivers = receivers
					.filter((entry) => entry.status === 'failed')
					.slice(0, SUMMARY_FAILED_SHOWN) as unknown as IDataObject[];
			const result = results.get(send.item.itemIndex)!;
			result.json = { ...result.json, delivery: json };
		}
	}
	if (failed + pending > 0) {
		ctx.addExecutionHints({
			message: `Delivery: ${failed} SMS failed and ${pending} were still pending when the wait ended: see "delivery" in each item`,
			type: 'warning',
			location: 'outputPane',
		});
	}
}

/** OVHcloud holds the SMS and sends it later (`differedPeriod`). */
const isScheduled = (send: PreparedSend) => (send.item.differedPeriod ?? 0) > 0;

function scheduledDelivery(send: PreparedSend, delivery: ItemDelivery): IDataObject {
	const sendsAt = send.item.sendsAt ?? send.item.scheduledFor;
	return {
		finished: false,
		scheduled: true,
		delivered: 0,
		failed: 0,
		pending: delivery.ids.length,
		summary: `Scheduled${sendsAt ? ` for ${sendsAt}` : ''}: not waited for. Read its delivery later with SMS › Get Status or Get Many, or the trigger's delivery reports`,
		waitedSeconds: 0,
		historyReads: 0,
	};
}

const isFailure = (receipt: number | undefined) => receipt !== undefined && describeDelivery({ dlrCode: receipt }).status === 'failed';

/** Whether the item's output lists its receivers (see `sentItemJson`): its delivery is listed alike. */
function isListed(send: PreparedSend, deliveries: Map<number, ItemDelivery>): boolean {
	return !deliveries.get(send.item.itemIndex)!.summarised;
}

const minutes = (ms: number) => (ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`);
