import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { SmsApi } from '../../../lib/ovh';
import { describeSenderStatus } from '../../../lib/senders';
import { createOvhClient } from '../../shared/transport';

function currentServiceName(ctx: ILoadOptionsFunctions): string {
	return String(ctx.getNodeParameter('serviceName', '', { extractValue: true }) ?? '').trim();
}

const matches = (filter: string | undefined, ...texts: Array<string | null | undefined>) =>
	!filter?.trim() || texts.some((text) => text?.toLowerCase().includes(filter.trim().toLowerCase()));

/** The account's senders, with their status in the name so a refused one is not picked by mistake. */
export async function searchSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const serviceName = currentServiceName(this);
	if (!serviceName) return { results: [] };
	const client = await createOvhClient(this);
	const api = new SmsApi(client, serviceName);
	const senders = await api.readSenders(await api.listSenders());
	return {
		results: senders
			.filter(({ id, value }) => matches(filter, id, value?.description))
			.map(({ id, value }) => ({
				name: value ? `${id} (${describeSenderStatus(value).statusText})` : id,
				value: id,
			})),
	};
}

/** Names OVHcloud offers from the account holder's details or domains (`sendersAvailableForValidation`). */
export async function searchAvailableSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const serviceName = currentServiceName(this);
	if (!serviceName) return { results: [] };
	const mode = this.getNodeParameter('creationMode', 'nichandle') as string;
	const referer = mode === 'domain' ? 'domain' : 'nichandle';
	const client = await createOvhClient(this);
	const offered = await new SmsApi(client, serviceName).listSendersAvailableForValidation({ referer });
	return {
		results: offered.filter(({ sender }) => matches(filter, sender)).map(({ sender }) => ({ name: sender, value: sender })),
	};
}
