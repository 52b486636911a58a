import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { findReceivedSms, receivedIdProperty } from './get.operation';
import type { ItemContext } from '../types';

export const description: INodeProperties[] = [receivedIdProperty('delete')];

export async function execute(this: IExecuteFunctions, context: ItemContext): Promise<IDataObject> {
	const { id, virtualNumber } = await findReceivedSms(this, context);
	await context.api.deleteSms('incoming', id, virtualNumber);
	return { id, deleted: true, ...(virtualNumber ? { virtualNumber } : {}) };
}
