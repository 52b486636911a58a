import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'bookName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Customers',
		displayOptions: { show: { resource: ['addressBook'], operation: ['create'] } },
	},
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const name = (this.getNodeParameter('bookName', itemIndex) as string).trim();
	const bookKey = await api.createPhonebook({ name });
	return [{ json: await api.getPhonebook(bookKey) }];
}
