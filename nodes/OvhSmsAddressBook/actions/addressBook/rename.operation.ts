import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { addressBookLocator } from '../common/fields';
import type { PerItemContext } from '../types';

const show = { resource: ['addressBook'], operation: ['rename'] };

export const description: INodeProperties[] = [
	addressBookLocator(show),
	{ displayName: 'New Name', name: 'newName', type: 'string', required: true, default: '', displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const name = (this.getNodeParameter('newName', itemIndex) as string).trim();
	await api.renamePhonebook(bookKey, name);
	return [{ json: await api.getPhonebook(bookKey) }];
}
