import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { buildPath } from '../../../../lib/ovh';
import { itemError } from '../common/itemError';
import type { ItemContext } from '../types';

export const receivedIdProperty = (operation: string): INodeProperties => ({
	displayName: 'Received SMS ID',
	name: 'receivedSmsId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '123456',
	displayOptions: { show: { resource: ['receivedSms'], operation: [operation] } },
});

export const description: INodeProperties[] = [receivedIdProperty('get')];

export function receivedSmsPath(ctx: IExecuteFunctions, serviceName: string, itemIndex: number): string {
	const id = String(ctx.getNodeParameter('receivedSmsId', itemIndex, '') ?? '').trim();
	if (!/^\d+$/.test(id)) throw itemError(ctx.getNode(), itemIndex, `"Received SMS ID" must be a number (got "${id}")`);
	return buildPath(['sms', serviceName, 'incoming', id]);
}

export async function execute(this: IExecuteFunctions, { client, serviceName, itemIndex }: ItemContext): Promise<IDataObject> {
	return await client.get<IDataObject>(receivedSmsPath(this, serviceName, itemIndex));
}
