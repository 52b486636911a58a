import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { addressBookLocator } from '../common/fields';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [addressBookLocator({ resource: ['addressBook'], operation: ['get'] })];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const [book, ids] = await Promise.all([api.getPhonebook(bookKey), api.listContacts(bookKey)]);
	return [{ json: { ...book, contactCount: ids.length } }];
}
