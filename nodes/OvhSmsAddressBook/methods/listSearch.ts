import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { buildPath } from '../../../lib/ovh';
import { createOvhClient } from '../../shared/transport';

function currentServiceName(ctx: ILoadOptionsFunctions): string {
	return String(ctx.getNodeParameter('serviceName', '', { extractValue: true }) ?? '').trim();
}

const matches = (filter: string | undefined, text: string) => !filter?.trim() || text.toLowerCase().includes(filter.trim().toLowerCase());

export async function searchAddressBooks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const serviceName = currentServiceName(this);
	if (!serviceName) return { results: [] };
	const client = await createOvhClient(this);
	const path = buildPath(['sms', serviceName, 'phonebooks']);
	const books = await client.getMany<{ bookKey: string; name: string }>(path, await client.get<string[]>(path));
	return {
		results: books
			.filter(({ value }) => value && matches(filter, value.name))
			.map(({ id, value }) => ({ name: value!.name, value: id })),
	};
}

export async function searchRecipientLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const serviceName = currentServiceName(this);
	if (!serviceName) return { results: [] };
	const client = await createOvhClient(this);
	const path = buildPath(['sms', serviceName, 'receivers']);
	const lists = await client.getMany<{ slotId: number; description: string; records: number }>(path, await client.get<number[]>(path));
	return {
		results: lists
			.filter(({ value }) => value && matches(filter, `${value.slotId} ${value.description}`))
			.map(({ id, value }) => ({ name: `${id}: ${value!.description} (${value!.records} numbers)`, value: id })),
	};
}
