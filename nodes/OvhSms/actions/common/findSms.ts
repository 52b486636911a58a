import { buildPath, type OvhClient } from '../../../../lib/ovh';

export type SmsCollection = 'incoming' | 'outgoing' | 'jobs';

export interface FoundSms<T> {
	collection: SmsCollection;
	/** Where it was read, for a DELETE on the same object. */
	path: string;
	value: T;
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
export async function findSms<T>(
	client: OvhClient,
	serviceName: string,
	collections: SmsCollection[],
	id: string,
): Promise<FoundSms<T> | undefined> {
	for (const collection of collections) {
		const path = buildPath(['sms', serviceName, collection, id]);
		const value = await client.getIfExists<T>(path);
		if (value) return { collection, path, value };
	}
	const virtualNumbers = (await client.getIfExists<string[]>(buildPath(['sms', serviceName, 'virtualNumbers']))) ?? [];
	for (const collection of collections) {
		for (const virtualNumber of virtualNumbers) {
			const path = buildPath(['sms', serviceName, 'virtualNumbers', virtualNumber, collection, id]);
			const value = await client.getIfExists<T>(path);
			if (value) return { collection, path, value, virtualNumber };
		}
	}
	return undefined;
}
