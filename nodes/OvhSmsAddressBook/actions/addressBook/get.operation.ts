import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { addressBookLocator } from '../fields';
import { bookPath } from '../phonebookApi';
import type { ItemContext } from '../types';

export const description: INodeProperties[] = [addressBookLocator({ resource: ['addressBook'], operation: ['get'] })];

export async function execute(
	this: IExecuteFunctions,
	{ client, serviceName, itemIndex }: ItemContext,
): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const [book, ids] = await Promise.all([
		client.get<Record<string, unknown>>(bookPath(serviceName, bookKey)),
		client.get<number[]>(bookPath(serviceName, bookKey, 'phonebookContact')),
	]);
	return [{ json: { ...book, contactCount: ids.length } }];
}
