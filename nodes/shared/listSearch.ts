import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { SmsApi } from '../../lib/ovh';
import { chosenAccountApi } from './chosenAccount';
import { createOvhClient } from './transport';

/** Whether a list entry's text holds what the user typed in the list's search box. */
export const matchesFilter = (filter: string | undefined, text: string) =>
	!filter?.trim() || text.toLowerCase().includes(filter.trim().toLowerCase());

export async function searchServices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await createOvhClient(this);
	const services = await SmsApi.listServices(client);
	const wanted = filter?.trim().toLowerCase();
	return {
		results: services.filter((name) => !wanted || name.toLowerCase().includes(wanted)).map((name) => ({ name, value: name })),
	};
}

/** The account's recipient lists (slots 1 to 9) with their size, for the Recipient List field of every node. */
export async function searchRecipientLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await chosenAccountApi(this);
	if (!api) return { results: [] };
	const lists = await api.readReceivers(await api.listReceivers());
	return {
		results: lists.flatMap(({ id, value }) => {
			if (!value) return [];
			const description = value.description || `List ${id}`;
			return matchesFilter(filter, `${id} ${description}`)
				? [{ name: `${id}: ${description} (${value.records ?? 0} numbers)`, value: String(id) }]
				: [];
		}),
	};
}
