import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { addressBookLocator } from '../common/fields';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [addressBookLocator({ resource: ['addressBook'], operation: ['delete'] })];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	await api.deletePhonebook(bookKey);
	return [{ json: { bookKey, deleted: true } }];
}
