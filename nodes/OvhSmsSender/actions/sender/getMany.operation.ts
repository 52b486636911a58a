import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { senderJson } from './common/readSender';
import type { PerItemContext } from '../types';
import { limitProperties, readLimit } from '../../../shared/limit';

const show = { resource: ['sender'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...limitProperties(show),
	{
		displayName: 'Filters',
		name: 'filters',
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
					{ name: 'Disabled', value: 'disable' },
					{ name: 'Enabled', value: 'enable' },
					{ name: 'Refused', value: 'refused' },
					{ name: 'Waiting for Validation', value: 'waitingValidation' },
				],
				default: [],
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'multiOptions',
				options: [
					{ name: 'Alphanumeric', value: 'alpha' },
					{ name: 'Phone Number', value: 'numeric' },
					{ name: 'Short Number', value: 'shortcode' },
					{ name: 'Virtual Number', value: 'virtual' },
				],
				default: [],
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { status?: string[]; type?: string[] };
	const senders = await api.readSenders(await api.listSenders());
	const out: INodeExecutionData[] = [];
	for (const { value } of senders) {
		if (!value) continue;
		if (filters.status?.length && !filters.status.includes(String(value.status))) continue;
		if (filters.type?.length && !filters.type.includes(String(value.type))) continue;
		out.push({ json: senderJson(value) });
		if (out.length >= limit) break;
	}
	return out;
}
