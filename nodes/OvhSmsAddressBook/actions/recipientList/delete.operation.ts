import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { recipientListLocator } from '../fields';
import { slotPath } from '../phonebookApi';
import type { ItemContext } from '../types';

export const description: INodeProperties[] = [recipientListLocator({ resource: ['recipientList'], operation: ['delete'] })];

export async function execute(
	this: IExecuteFunctions,
	{ client, serviceName, itemIndex }: ItemContext,
): Promise<INodeExecutionData[]> {
	const slotId = this.getNodeParameter('slotId', itemIndex, '', { extractValue: true }) as string;
	await client.delete(slotPath(serviceName, slotId));
	return [{ json: { slotId: Number(slotId), deleted: true } }];
}
