import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { chosenAccountApi } from '../../shared/chosenAccount';

/** The account's recipient lists (slots 1 to 9) with their size. */
export async function getRecipientLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await chosenAccountApi(this);
	if (!api) return [];
	const slots = await api.readReceivers(await api.listReceivers());
	return slots.flatMap(({ id, value }) =>
		value
			? [{ name: `${value.description || `List ${id}`} (${value.records ?? 0} numbers)`, value: String(value.slotId ?? id) }]
			: [],
	);
}

/** The account's address books. */
export async function getPhonebooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await chosenAccountApi(this);
	if (!api) return [];
	const books = await api.readPhonebooks(await api.listPhonebooks());
	return books.flatMap(({ id, value }) => (value ? [{ name: value.name || id, value: value.bookKey ?? id }] : []));
}
