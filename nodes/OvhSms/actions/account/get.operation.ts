import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { buildPath } from '../../../../lib/ovh';
import type { ItemContext } from '../types';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, { client, serviceName }: ItemContext): Promise<IDataObject> {
	return await client.get<IDataObject>(buildPath(['sms', serviceName]));
}
