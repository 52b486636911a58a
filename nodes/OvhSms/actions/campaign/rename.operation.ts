import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getBatch, renameBatch } from '../../../../lib/campaigns';
import type { ItemContext } from '../types';
import { campaignJson } from './campaignJson';
import { campaignIdField, showFor } from './fields';

const show = showFor('rename');

export const description: INodeProperties[] = [
	campaignIdField(show),
	{
		displayName: 'New Name',
		name: 'newCampaignName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, { client, serviceName, itemIndex }: ItemContext): Promise<IDataObject> {
	const id = (this.getNodeParameter('campaignId', itemIndex) as string).trim();
	const name = (this.getNodeParameter('newCampaignName', itemIndex) as string).trim();
	const answer = await renameBatch(client, serviceName, id, name);
	return campaignJson(answer ?? (await getBatch(client, serviceName, id)));
}
