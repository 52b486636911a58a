import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { findSms } from '../common/findSms';
import { outgoingJson, scheduledJson } from './common/delivery';
import { itemError } from '../common/itemError';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [
	{
		displayName: 'SMS ID',
		name: 'smsId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '123456789',
		description: 'The ID of a sent SMS, one of the IDs the Send operation outputs',
		displayOptions: { show: { resource: ['sms'], operation: ['getStatus'] } },
	},
];

export function readSmsId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = String(ctx.getNodeParameter('smsId', itemIndex, '') ?? '').trim();
	if (!/^\d+$/.test(id)) throw itemError(ctx.getNode(), itemIndex, `"SMS ID" must be a number (got "${id}")`);
	return id;
}

/** One sent SMS with its delivery state in words; a deferred SMS not yet sent is "scheduled". */
export async function execute(this: IExecuteFunctions, { api, serviceName, itemIndex }: PerItemContext): Promise<IDataObject> {
	const id = readSmsId(this, itemIndex);
	const found = await findSms(api, ['outgoing', 'jobs'], id);
	if (!found) {
		throw itemError(
			this.getNode(),
			itemIndex,
			`No SMS ${id} on ${serviceName}: neither in the history nor waiting to be sent, for the account or its virtual numbers (it may have been deleted or cancelled)`,
		);
	}
	const value = { ...found.value, ...(found.virtualNumber ? { virtualNumber: found.virtualNumber } : {}) } as IDataObject;
	return found.collection === 'outgoing' ? outgoingJson(value) : scheduledJson(value);
}
