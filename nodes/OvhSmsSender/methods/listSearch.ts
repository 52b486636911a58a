import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { describeSenderStatus } from '../../../lib/senders';
import { chosenAccountApi } from '../../shared/chosenAccount';

const matches = (filter: string | undefined, ...texts: Array<string | null | undefined>) =>
	!filter?.trim() || texts.some((text) => text?.toLowerCase().includes(filter.trim().toLowerCase()));

/** The account's senders, with their status in the name so a refused one is not picked by mistake. */
export async function searchSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await chosenAccountApi(this);
	if (!api) return { results: [] };
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
	const api = await chosenAccountApi(this);
	if (!api) return { results: [] };
	const mode = this.getNodeParameter('creationMode', 'nichandle') as string;
	const referer = mode === 'domain' ? 'domain' : 'nichandle';
	const offered = await api.listSendersAvailableForValidation({ referer });
	return {
		results: offered.filter(({ sender }) => matches(filter, sender)).map(({ sender }) => ({ name: sender, value: sender })),
	};
}
