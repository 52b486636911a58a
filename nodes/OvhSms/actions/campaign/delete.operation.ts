import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { PerItemContext } from '../types';
import { campaignIdField, showFor } from './common/fields';

export const description: INodeProperties[] = [campaignIdField(showFor('delete'))];

/** A finished campaign (completed, failed or cancelled); its SMS stay in the history. */
export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<IDataObject> {
	const id = (this.getNodeParameter('campaignId', itemIndex) as string).trim();
	await api.deleteBatch(id);
	return { id, deleted: true };
}
