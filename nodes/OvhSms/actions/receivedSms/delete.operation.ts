import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { findReceivedSms, receivedIdProperty } from './get.operation';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [receivedIdProperty('delete')];

export async function execute(this: IExecuteFunctions, context: PerItemContext): Promise<IDataObject> {
	const { id, virtualNumber } = await findReceivedSms(this, context);
	await context.api.deleteSms('incoming', id, virtualNumber);
	return { id, deleted: true, ...(virtualNumber ? { virtualNumber } : {}) };
}
