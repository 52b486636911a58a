import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { senderLocator } from '../common/fields';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [senderLocator({ resource: ['supportingDocument'], operation: ['getMany'] })];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const sender = this.getNodeParameter('sender', itemIndex, '', { extractValue: true }) as string;
	const documents = await api.readSenderDocuments(sender, await api.listSenderDocuments(sender));
	return documents.flatMap(({ value }) => {
		if (!value) return [];
		const shown = { ...value };
		delete shown.putUrl;
		return [{ json: { sender, ...shown } }];
	});
}
