import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { SmsApi } from '../../../lib/ovh';
import { createOvhClient } from '../../shared/transport';

function currentServiceName(ctx: ILoadOptionsFunctions): string {
	return String(ctx.getNodeParameter('serviceName', '', { extractValue: true }) ?? '').trim();
}

const matches = (filter: string | undefined, text: string) => !filter?.trim() || text.toLowerCase().includes(filter.trim().toLowerCase());

export async function searchAddressBooks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const serviceName = currentServiceName(this);
	if (!serviceName) return { results: [] };
	const client = await createOvhClient(this);
	const api = new SmsApi(client, serviceName);
	const books = await api.readPhonebooks(await api.listPhonebooks());
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
	const api = new SmsApi(client, serviceName);
	const lists = await api.readReceivers(await api.listReceivers());
	return {
		results: lists
			.filter(({ value }) => value && matches(filter, `${value.slotId} ${value.description}`))
			.map(({ id, value }) => ({ name: `${id}: ${value!.description} (${value!.records} numbers)`, value: id })),
	};
}
