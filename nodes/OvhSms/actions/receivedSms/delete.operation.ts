import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { receivedIdProperty, receivedSmsPath } from './get.operation';
import type { ItemContext } from '../types';

export const description: INodeProperties[] = [receivedIdProperty('delete')];

export async function execute(this: IExecuteFunctions, { client, serviceName, itemIndex }: ItemContext): Promise<IDataObject> {
	const path = receivedSmsPath(this, serviceName, itemIndex);
	await client.delete(path);
	return { id: Number(path.split('/').pop()), deleted: true };
}
