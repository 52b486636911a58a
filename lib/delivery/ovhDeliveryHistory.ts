/**
 * OVHcloud's outgoing history as the delivery wait reads it. One read lists, for each final
 * DLR id (delivered, failed, failed not billed), the ids of the account's SMS created since the
 * run began: a fixed number of requests whatever the number of receivers, and jobs, tags or
 * items of the run all covered at once. The SMS of the run are picked out of those lists by id;
 * should the API ignore the state filter (an SMS in two lists), the pending SMS are read instead.
 * Leaves out SMS a virtual number sent when OVHcloud lists them only under the number (they
 * stay pending) and deferred SMS still waiting in `/jobs` (pending too).
 */
import { SmsApi, type OvhClient } from '../ovh';
import type { SmsOutgoing, Wire } from '../ovh/models';
import { FINAL_DELIVERY_RECEIPTS, formatQueryDatetime } from '../replies';
import type { DeliveryHistory } from './waitForDelivery';

/** How far before the run's start the history is read: covers a clock ahead of OVHcloud's. */
const CLOCK_MARGIN_MS = 10 * 60_000;

export function ovhDeliveryHistory(client: OvhClient, serviceName: string, runStartedAtMs: number): DeliveryHistory {
	const api = new SmsApi(client, serviceName);
	const since = formatQueryDatetime(runStartedAtMs - CLOCK_MARGIN_MS);
	return {
		async readFinal(ids) {
			const found = new Map<number, number>();
			let filterIgnored = false;
			for (const deliveryReceipt of FINAL_DELIVERY_RECEIPTS) {
				const listed = await api.listSmsIds('outgoing', { 'creationDatetime.from': since, deliveryReceipt });
				for (const id of listed) {
					if (!ids.has(id)) continue;
					// One SMS in two states' lists: the API did not filter by state; its own entries decide.
					if (found.has(id)) filterIgnored = true;
					found.set(id, deliveryReceipt);
				}
			}
			if (!filterIgnored) return found;
			const read = await readOutgoing(client, serviceName, [...ids]);
			return new Map(
				[...read].filter(([, sms]) => FINAL_DELIVERY_RECEIPTS.includes(sms.deliveryReceipt)).map(([id, sms]) => [id, sms.deliveryReceipt]),
			);
		},
	};
}

/** The history entries of some SMS (batch GET, 50 ids a request), for the operator's reason of a failure. */
export async function readOutgoing(
	client: OvhClient,
	serviceName: string,
	ids: readonly number[],
): Promise<Map<number, Wire<SmsOutgoing>>> {
	const read = await new SmsApi(client, serviceName).readSms('outgoing', [...ids]);
	const byId = new Map<number, Wire<SmsOutgoing>>();
	for (const entry of read) if (entry.value) byId.set(Number(entry.id), entry.value);
	return byId;
}
