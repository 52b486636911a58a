import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { chosenAccountApi } from '../../shared/chosenAccount';

/** The account's address books. */
export async function getPhonebooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const api = await chosenAccountApi(this);
	if (!api) return [];
	const books = await api.readPhonebooks(await api.listPhonebooks());
	return books.flatMap(({ id, value }) => (value ? [{ name: value.name || id, value: value.bookKey ?? id }] : []));
}
