import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Query } from '../../../../lib/ovh';
import { normalizePhoneNumber } from '../../../../lib/recipients';
import { limitProperties, readLimit } from '../../../shared/limit';
import { dateFilterOptions, dateFilters, newestIds } from '../common/listing';
import { virtualNumberKey } from '../../../../lib/senders';
import type { PerItemContext } from '../types';

const show = { resource: ['receivedSms'], operation: ['getMany'] };

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
			...dateFilterOptions,
			{
				displayName: 'Sender',
				name: 'sender',
				type: 'string',
				default: '',
				placeholder: '+33612345678',
				description: 'The number the SMS came from',
			},
			{ displayName: 'Tag', name: 'tag', type: 'string', default: '', description: 'The tag of the SMS it answers' },
			{
				displayName: 'Virtual Number',
				name: 'virtualNumber',
				type: 'string',
				default: '',
				placeholder: '33612345678',
				description: 'Only the SMS received by this virtual number of the account',
			},
		],
	},
];

/** Replies and other SMS the account received, newest first. */
export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		createdAfter?: string;
		createdBefore?: string;
		sender?: string;
		tag?: string;
		virtualNumber?: string;
	};
	const query: Query = dateFilters(this, itemIndex, filters);
	if (filters.sender?.trim()) {
		const check = normalizePhoneNumber(filters.sender, { defaultCountry: 'FR' });
		query.sender = check.valid ? check.number : filters.sender.trim();
	}
	if (filters.tag?.trim()) query.tag = filters.tag.trim();
	const virtualNumber = filters.virtualNumber?.trim() ? virtualNumberKey(filters.virtualNumber.trim()) : undefined;
	const ids = newestIds(await api.listSmsIds('incoming', query, virtualNumber), readLimit(this, itemIndex));
	const read = await api.readSms('incoming', ids, virtualNumber);
	return read.flatMap((entry) => (entry.value ? [entry.value] : []));
}
