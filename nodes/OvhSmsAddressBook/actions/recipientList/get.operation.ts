import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { recipientListProperty } from '../../../shared/descriptions';
import { slotPath } from '../phonebookApi';
import type { ItemContext } from '../types';

export const description: INodeProperties[] = [recipientListProperty({ show: { resource: ['recipientList'], operation: ['get'] } })];

export async function execute(
	this: IExecuteFunctions,
	{ client, serviceName, itemIndex }: ItemContext,
): Promise<INodeExecutionData[]> {
	const slotId = this.getNodeParameter('recipientListSlot', itemIndex, '', { extractValue: true }) as string;
	return [{ json: await client.get<IDataObject>(slotPath(serviceName, slotId)) }];
}
