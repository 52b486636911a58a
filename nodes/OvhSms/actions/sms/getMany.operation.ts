import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Query } from '../../../../lib/ovh';
import { normalizePhoneNumber } from '../../../../lib/recipients';
import { deliveryReceiptsOf, type DeliveryStatus } from '../../../../lib/replies';
import { outgoingJson } from './common/delivery';
import { limitProperties, readLimit } from '../../../shared/limit';
import { itemError } from '../common/itemError';
import { dateFilterOptions, dateFilters, newestIds } from '../common/listing';
import type { PerItemContext } from '../types';

const show = { resource: ['sms'], operation: ['getMany'] };

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
				displayName: 'Delivery State',
				name: 'deliveryState',
				type: 'options',
				default: 'delivered',
				options: [
					{ name: 'Delivered', value: 'delivered' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Pending', value: 'pending' },
				],
			},
			{
				displayName: 'Receiver',
				name: 'receiver',
				type: 'string',
				default: '',
				placeholder: '+33612345678',
			},
			{ displayName: 'Sender', name: 'sender', type: 'string', default: '', placeholder: 'MyCompany' },
			{ displayName: 'Tag', name: 'tag', type: 'string', default: '' },
		],
	},
];

/** The outgoing history, newest first, each SMS with its delivery state in words. */
export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		createdAfter?: string;
		createdBefore?: string;
		deliveryState?: string;
		receiver?: string;
		sender?: string;
		tag?: string;
	};
	const query: Query = dateFilters(this, itemIndex, filters);
	if (filters.receiver?.trim()) {
		const check = normalizePhoneNumber(filters.receiver, { defaultCountry: 'FR' });
		query.receiver = check.valid ? check.number : filters.receiver.trim();
	}
	if (filters.sender?.trim()) query.sender = filters.sender.trim();
	if (filters.tag?.trim()) query.tag = filters.tag.trim();

	const receipts = filters.deliveryState ? deliveryReceiptsOf(filters.deliveryState as DeliveryStatus) : [undefined];
	// A state from an expression that is none of the three would list nothing and look like an empty history.
	if (receipts.length === 0) {
		throw itemError(
			this.getNode(),
			itemIndex,
			`"Delivery State" must be delivered, failed or pending, not "${String(filters.deliveryState)}"`,
		);
	}
	const ids: number[] = [];
	for (const deliveryReceipt of receipts) ids.push(...(await api.listSmsIds('outgoing', { ...query, deliveryReceipt })));
	const wanted = newestIds(ids, readLimit(this, itemIndex));
	const read = await api.readSms('outgoing', wanted);
	return read.flatMap((entry) => (entry.value ? [outgoingJson(entry.value)] : []));
}
