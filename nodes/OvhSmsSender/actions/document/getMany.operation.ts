import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { senderLocator } from '../fields';
import { senderPath } from '../senderApi';
import type { ItemContext } from '../types';

export const description: INodeProperties[] = [senderLocator({ resource: ['supportingDocument'], operation: ['getMany'] })];

export async function execute(
	this: IExecuteFunctions,
	{ client, serviceName, itemIndex }: ItemContext,
): Promise<INodeExecutionData[]> {
	const sender = this.getNodeParameter('sender', itemIndex, '', { extractValue: true }) as string;
	const ids = await client.get<string[]>(senderPath(serviceName, sender, 'documents'));
	const documents = await client.getMany<IDataObject>(senderPath(serviceName, sender, 'documents'), ids);
	return documents.flatMap(({ value }) => {
		if (!value) return [];
		const shown = { ...value };
		delete shown.putUrl;
		return [{ json: { sender, ...shown } }];
	});
}
