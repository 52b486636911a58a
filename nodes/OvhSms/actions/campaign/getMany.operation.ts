import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { listBatches, type BatchStatus } from '../../../../lib/campaigns';
import type { ItemContext } from '../types';
import { campaignJson } from './campaignJson';
import { showFor } from './fields';

const show = showFor('getMany');

export const description: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
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
export async function execute(this: IExecuteFunctions, { client, serviceName, itemIndex }: ItemContext): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('campaignFilters', itemIndex, {}) as { status?: BatchStatus[]; nameContains?: string };
	const wanted = filters.nameContains?.trim().toLowerCase();
	return (await listBatches(client, serviceName))
		.filter((batch) => !filters.status?.length || filters.status.includes(batch.status))
		.filter((batch) => !wanted || (batch.name ?? '').toLowerCase().includes(wanted))
		.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
		.slice(0, limit)
		.map(campaignJson);
}
