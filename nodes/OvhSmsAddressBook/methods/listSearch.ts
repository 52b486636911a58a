import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { buildPath } from '../../../lib/ovh';
import { currentServiceName, matchesFilter } from '../../shared/listSearch';
import { createOvhClient } from '../../shared/transport';

export async function searchAddressBooks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const serviceName = currentServiceName(this);
	if (!serviceName) return { results: [] };
	const client = await createOvhClient(this);
	const path = buildPath(['sms', serviceName, 'phonebooks']);
	const books = await client.getMany<{ bookKey: string; name: string }>(path, await client.get<string[]>(path));
	return {
		results: books
			.filter(({ value }) => value && matchesFilter(filter, value.name))
			.map(({ id, value }) => ({ name: value!.name, value: id })),
	};
}
