import type { SmsApi, SmsCollection, SmsCollections } from '../../../../lib/ovh';
import type { Wire } from '../../../../lib/ovh/models';

export interface FoundSms<C extends SmsCollection> {
	collection: C;
	value: Wire<SmsCollections[C]>;
	/** The virtual number whose route held it, when the account's own route did not. */
	virtualNumber?: string;
}

/**
 * Reads an SMS by id from the first of `collections` that holds it: the account's own route
 * (`/sms/{sn}/{collection}/{id}`), then each virtual number's
 * (`/sms/{sn}/virtualNumbers/{number}/{collection}/{id}`). OVHcloud's API has both and does not
 * say whether the account's routes also hold the SMS a virtual number sent or received; the
 * account's route is tried first, so the usual case costs one call and the virtual numbers are
 * listed only for an id it does not know. Leaves out: users' routes (`/users/{login}/…`).
 */
export async function findSms<C extends SmsCollection>(api: SmsApi, collections: C[], id: string): Promise<FoundSms<C> | undefined> {
	for (const collection of collections) {
		const value = await api.findSms(collection, id);
		if (value) return { collection, value };
	}
	const virtualNumbers = await api.listVirtualNumbersIfAny();
	for (const collection of collections) {
		for (const virtualNumber of virtualNumbers) {
			const value = await api.findSms(collection, id, virtualNumber);
			if (value) return { collection, value, virtualNumber };
		}
	}
	return undefined;
}
