import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { bookPath } from '../phonebookApi';
import type { ItemContext } from '../types';
import { limitProperties, readLimit } from '../../../shared/limit';

const show = { resource: ['addressBook'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...limitProperties(show),
];

export async function execute(
	this: IExecuteFunctions,
	{ client, serviceName, itemIndex }: ItemContext,
): Promise<INodeExecutionData[]> {
	const limit = readLimit(this, itemIndex);
	const keys = await client.get<string[]>(bookPath(serviceName));
	const books = await client.getMany<IDataObject>(bookPath(serviceName), keys.slice(0, limit));
	return books.flatMap(({ value }) => (value ? [{ json: value }] : []));
}
