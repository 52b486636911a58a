import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { digitsOf } from '../../../lib/recipients';
import { isOfferedAsSender } from '../../../lib/senders';
import { chosenAccountApi } from '../../shared/chosenAccount';

const TYPE_WORDS: Record<string, string> = { alpha: 'name', numeric: 'phone number', shortcode: 'short number' };

/** The senders that can send now (enabled ones); virtual numbers have their own list. */
export async function searchSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await chosenAccountApi(this);
	if (!api) return { results: [] };
	const senders = await api.readSenders(await api.listSenders());
	const wanted = filter?.trim().toLowerCase();
	return {
		results: senders
			.flatMap(({ value }) => (isOfferedAsSender(value) ? [value] : []))
			.filter((s) => !wanted || s.sender.toLowerCase().includes(wanted) || s.description?.toLowerCase().includes(wanted))
			.map((s) => ({ name: `${s.sender} (${TYPE_WORDS[String(s.type)] ?? s.type ?? 'sender'})`, value: s.sender })),
	};
}

export async function searchVirtualNumbers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const api = await chosenAccountApi(this);
	if (!api) return { results: [] };
	const numbers = await api.listVirtualNumbers();
	const wanted = digitsOf(filter);
	return {
		results: numbers.filter((n) => !wanted || n.includes(wanted)).map((n) => ({ name: `+${n.replace(/^\+/, '')}`, value: n })),
	};
}
