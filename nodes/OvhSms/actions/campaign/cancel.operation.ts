import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { PerItemContext } from '../types';
import { campaignJson } from './common/campaignJson';
import { campaignIdField, showFor } from './common/fields';

export const description: INodeProperties[] = [campaignIdField(showFor('cancel'))];

/** Only a scheduled campaign that has not started can be cancelled; its credits come back. */
export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<IDataObject> {
	const id = (this.getNodeParameter('campaignId', itemIndex) as string).trim();
	const answer = await api.cancelBatch(id);
	return campaignJson(answer ?? (await api.getBatch(id)));
}
