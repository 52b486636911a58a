import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { BatchStatus } from '../../../../lib/campaigns';
import type { PerItemContext } from '../types';
import { campaignJson } from './common/campaignJson';
import { showFor } from './common/fields';
import { limitProperties, readLimit } from '../../../shared/limit';

const show = showFor('getMany');

export const description: INodeProperties[] = [
	...limitProperties(show),
	{
		displayName: 'Filters',
		name: 'campaignFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: [
					{ name: 'Canceled', value: 'CANCELED' },
					{ name: 'Canceling', value: 'CANCELING' },
					{ name: 'Completed', value: 'COMPLETED' },
					{ name: 'Failed', value: 'FAILED' },
					{ name: 'Inserted (Waiting to Start)', value: 'INSERTED' },
					{ name: 'Inserting', value: 'INSERTING' },
					{ name: 'Pending (Sending)', value: 'PENDING' },
					{ name: 'To Cancel', value: 'TO_CANCEL' },
				],
				default: [],
			},
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
			},
		],
	},
];

/** Newest first. */
export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('campaignFilters', itemIndex, {}) as { status?: BatchStatus[]; nameContains?: string };
	const wanted = filters.nameContains?.trim().toLowerCase();
	return (await api.listBatches())
		.filter((batch) => !filters.status?.length || filters.status.includes(batch.status))
		.filter((batch) => !wanted || (batch.name ?? '').toLowerCase().includes(wanted))
		.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
		.slice(0, limit)
		.map(campaignJson);
}
