import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { chosenAccountApi } from '../../shared/chosenAccount';
import { matchesFilter } from '../../shared/listSearch';

export async function searchAddressBooks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await chosenAccountApi(this);
	if (!api) return { results: [] };
	const books = await api.readPhonebooks(await api.listPhonebooks());
	return {
		results: books
			.filter(({ value }) => value && matchesFilter(filter, value.name))
			.map(({ id, value }) => ({ name: value!.name, value: id })),
	};
}
