import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { slotPath } from '../phonebookApi';
import type { ItemContext } from '../types';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, { client, serviceName }: ItemContext): Promise<INodeExecutionData[]> {
	const slots = await client.get<number[]>(slotPath(serviceName));
	const lists = await client.getMany<IDataObject>(slotPath(serviceName), slots);
	return lists.flatMap(({ value }) => (value ? [{ json: value }] : []));
}
