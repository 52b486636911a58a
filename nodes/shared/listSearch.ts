import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { createOvhClient } from './transport';

export async function searchServices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await createOvhClient(this);
	const services = await client.get<string[]>('/sms');
	const wanted = filter?.trim().toLowerCase();
	return {
		results: services
			.filter((name) => !wanted || name.toLowerCase().includes(wanted))
			.map((name) => ({ name, value: name })),
	};
}
