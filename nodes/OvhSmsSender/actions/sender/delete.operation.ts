import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { senderLocator } from '../common/fields';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [senderLocator({ resource: ['sender'], operation: ['delete'] })];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const sender = this.getNodeParameter('sender', itemIndex, '', { extractValue: true }) as string;
	await api.deleteSender(sender);
	return [{ json: { sender, deleted: true } }];
}
