import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { recipientListProperty } from '../../../shared/descriptions';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [recipientListProperty({ show: { resource: ['recipientList'], operation: ['get'] } })];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const slotId = this.getNodeParameter('recipientListSlot', itemIndex, '', { extractValue: true }) as string;
	return [{ json: await api.getReceiver(slotId) }];
}
