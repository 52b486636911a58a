import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { SmsApi } from '../../../lib/ovh';
import { createOvhClient } from '../../shared/transport';
import { currentServiceName } from './listSearch';

/** The account's recipient lists (slots 1 to 9) with their size. */
export async function getRecipientLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const serviceName = currentServiceName(this);
	if (!serviceName) return [];
	const client = await createOvhClient(this);
	const api = new SmsApi(client, serviceName);
	const slots = await api.readReceivers(await api.listReceivers());
	return slots.flatMap(({ id, value }) =>
		value
			? [{ name: `${value.description || `List ${id}`} (${value.records ?? 0} numbers)`, value: String(value.slotId ?? id) }]
			: [],
	);
}

/** The account's address books. */
export async function getPhonebooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const serviceName = currentServiceName(this);
	if (!serviceName) return [];
	const client = await createOvhClient(this);
	const api = new SmsApi(client, serviceName);
	const books = await api.readPhonebooks(await api.listPhonebooks());
	return books.flatMap(({ id, value }) => (value ? [{ name: value.name || id, value: value.bookKey ?? id }] : []));
}
