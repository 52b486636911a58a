import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { chosenAccountApi } from '../../shared/chosenAccount';

const matches = (filter: string | undefined, text: string) => !filter?.trim() || text.toLowerCase().includes(filter.trim().toLowerCase());

export async function searchAddressBooks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await chosenAccountApi(this);
	if (!api) return { results: [] };
	const books = await api.readPhonebooks(await api.listPhonebooks());
	return {
		results: books
			.filter(({ value }) => value && matches(filter, value.name))
			.map(({ id, value }) => ({ name: value!.name, value: id })),
	};
}

export async function searchRecipientLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await chosenAccountApi(this);
	if (!api) return { results: [] };
	const lists = await api.readReceivers(await api.listReceivers());
	return {
		results: lists
			.filter(({ value }) => value && matches(filter, `${value.slotId} ${value.description}`))
			.map(({ id, value }) => ({ name: `${id}: ${value!.description} (${value!.records} numbers)`, value: id })),
	};
}
