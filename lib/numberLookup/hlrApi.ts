/**
 * The `LookupGateway` over OVHcloud's number lookup routes (`SmsApi`'s `hlr` methods). Leaves
 * out the paths (`lib/ovh/smsApi`), the waiting and the billing rules (`./lookUpNumbers`).
 */
import { SmsApi, type OvhClient } from '../ovh';
import type { SmsHlrLookup } from '../ovh/models';
import type { LookupGateway } from './types';

/** The gateway the node uses: each call one OVHcloud request (reads: a batch GET per 50 ids). */
export function ovhLookupGateway(client: OvhClient, serviceName: string): LookupGateway {
	const api = new SmsApi(client, serviceName);
	return {
		// Billed: never repeated after an answer that may have been lost (the client's POST rule).
		request: async (numbers) => await api.requestLookups({ receivers: numbers }),
		async read(ids) {
			const read = await api.readLookups(ids);
			const byId = new Map<number, SmsHlrLookup>();
			for (const entry of read) if (entry.value) byId.set(Number(entry.id), entry.value);
			return byId;
		},
		operator: async (id) => await api.getLookupOperator(id),
	};
}
