import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { addressBookLocator } from '../common/fields';
import type { PerItemContext } from '../types';
import { contactIdField, readContactId } from './get.operation';

export const description: INodeProperties[] = [
	addressBookLocator({ resource: ['contact'], operation: ['delete'] }),
	contactIdField('delete'),
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const id = readContactId(this, itemIndex);
	await api.deleteContact(bookKey, id);
	return [{ json: { addressBook: bookKey, id, deleted: true } }];
}
