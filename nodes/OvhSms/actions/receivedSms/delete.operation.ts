import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { findReceivedSms, receivedIdProperty } from './get.operation';
import type { ItemContext } from '../types';

export const description: INodeProperties[] = [receivedIdProperty('delete')];

export async function execute(this: IExecuteFunctions, context: ItemContext): Promise<IDataObject> {
	const { id, path, virtualNumber } = await findReceivedSms(this, context);
	await context.client.delete(path);
	return { id, deleted: true, ...(virtualNumber ? { virtualNumber } : {}) };
}
