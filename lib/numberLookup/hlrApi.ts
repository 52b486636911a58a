/**
 * OVHcloud's number lookup routes (`/sms/{serviceName}/hlr`), typed with the published models.
 * Leaves out the waiting and the billing rules (`./lookUpNumbers`).
 */
import { buildPath, type OvhClient } from '../ovh';
import type { SmsHlrBody, SmsHlrLookup, SmsHlrOperator, SmsSendingReport } from '../ovh/models';
import type { LookupGateway } from './types';

const hlrPath = (serviceName: string, ...rest: Array<string | number>) => buildPath(['sms', serviceName, 'hlr', ...rest]);

/** The gateway the node uses: each call one OVHcloud request (reads: a batch GET per 50 ids). */
export function ovhLookupGateway(client: OvhClient, serviceName: string): LookupGateway {
	return {
		// Billed: never repeated after an answer that may have been lost (the client's POST rule).
		request: async (numbers) => await client.post<SmsSendingReport>(hlrPath(serviceName), { receivers: numbers } satisfies SmsHlrBody),
		async read(ids) {
			const read = await client.getMany<SmsHlrLookup>(hlrPath(serviceName), ids);
			const byId = new Map<number, SmsHlrLookup>();
			for (const entry of read) if (entry.value) byId.set(Number(entry.id), entry.value);
			return byId;
		},
		operator: async (id) => await client.get<SmsHlrOperator>(hlrPath(serviceName, id, 'operator')),
	};
}
