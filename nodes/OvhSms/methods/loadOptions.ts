import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { buildPath } from '../../../lib/ovh';
import { createOvhClient } from '../../shared/transport';
import { currentServiceName } from '../../shared/listSearch';

/** The account's address books. */
export async function getPhonebooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const serviceName = currentServiceName(this);
	if (!serviceName) return [];
	const client = await createOvhClient(this);
	const path = buildPath(['sms', serviceName, 'phonebooks']);
	const books = await client.getMany<{ bookKey: string; name?: string }>(path, await client.get<string[]>(path));
	return books.flatMap(({ id, value }) => (value ? [{ name: value.name || id, value: value.bookKey ?? id }] : []));
}
