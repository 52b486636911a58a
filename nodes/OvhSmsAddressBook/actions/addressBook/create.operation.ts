import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { bookPath } from '../phonebookApi';
import type { ItemContext } from '../types';

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

export async function execute(
	this: IExecuteFunctions,
	{ client, serviceName, itemIndex }: ItemContext,
): Promise<INodeExecutionData[]> {
	const name = (this.getNodeParameter('bookName', itemIndex) as string).trim();
	const bookKey = await client.post<string>(bookPath(serviceName), { name });
	return [{ json: await client.get(bookPath(serviceName, bookKey)) }];
}
