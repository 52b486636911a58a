import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { recipientListLocator } from '../fields';
import type { ItemContext } from '../types';

export const description: INodeProperties[] = [recipientListLocator({ resource: ['recipientList'], operation: ['delete'] })];

export async function execute(
	this: IExecuteFunctions,
	{ api, itemIndex }: ItemContext,
): Promise<INodeExecutionData[]> {
	const slotId = this.getNodeParameter('slotId', itemIndex, '', { extractValue: true }) as string;
	await api.deleteReceiver(slotId);
	return [{ json: { slotId: Number(slotId), deleted: true } }];
}
