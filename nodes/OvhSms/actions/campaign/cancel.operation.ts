import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { cancelBatch, getBatch } from '../../../../lib/campaigns';
import type { ItemContext } from '../types';
import { campaignJson } from './campaignJson';
import { campaignIdField, showFor } from './fields';

export const description: INodeProperties[] = [campaignIdField(showFor('cancel'))];

/** Only a scheduled campaign that has not started can be cancelled; its credits come back. */
export async function execute(this: IExecuteFunctions, { client, serviceName, itemIndex }: ItemContext): Promise<IDataObject> {
	const id = (this.getNodeParameter('campaignId', itemIndex) as string).trim();
	const answer = await cancelBatch(client, serviceName, id);
	return campaignJson(answer ?? (await getBatch(client, serviceName, id)));
}
