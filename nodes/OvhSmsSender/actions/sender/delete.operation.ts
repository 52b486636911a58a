import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { senderLocator } from '../fields';
import { senderPath } from '../senderApi';
import type { ItemContext } from '../types';

export const description: INodeProperties[] = [senderLocator({ resource: ['sender'], operation: ['delete'] })];

export async function execute(
	this: IExecuteFunctions,
	{ client, serviceName, itemIndex }: ItemContext,
): Promise<INodeExecutionData[]> {
	const sender = this.getNodeParameter('sender', itemIndex, '', { extractValue: true }) as string;
	await client.delete(senderPath(serviceName, sender));
	return [{ json: { sender, deleted: true } }];
}
