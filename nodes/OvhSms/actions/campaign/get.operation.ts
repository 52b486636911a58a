import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { PerItemContext } from '../types';
import { campaignJson } from './common/campaignJson';
import { campaignIdField, showFor } from './common/fields';

export const description: INodeProperties[] = [campaignIdField(showFor('get'))];

/** Status, progress, and the receivers OVHcloud refused with why. */
export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<IDataObject> {
	const id = (this.getNodeParameter('campaignId', itemIndex) as string).trim();
	return campaignJson(await api.getBatch(id));
}
