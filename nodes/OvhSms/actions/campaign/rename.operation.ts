import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { PerItemContext } from '../types';
import { campaignJson } from './common/campaignJson';
import { campaignIdField, showFor } from './common/fields';

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

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<IDataObject> {
	const id = (this.getNodeParameter('campaignId', itemIndex) as string).trim();
	const name = (this.getNodeParameter('newCampaignName', itemIndex) as string).trim();
	const answer = await api.renameBatch(id, name);
	return campaignJson(answer ?? (await api.getBatch(id)));
}
