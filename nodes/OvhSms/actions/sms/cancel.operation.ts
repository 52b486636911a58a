import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { findSms } from '../common/findSms';
import { itemError } from '../common/itemError';
import { readSmsId } from './getStatus.operation';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [
	{
		displayName: 'SMS ID',
		name: 'smsId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '123456789',
		description: 'The ID of a deferred SMS (sent with "Send At") that has not gone out yet',
		displayOptions: { show: { resource: ['sms'], operation: ['cancel'] } },
	},
];

/** Cancels a deferred SMS before its time; OVHcloud gives its credits back. */
export async function execute(this: IExecuteFunctions, { api, serviceName, itemIndex }: PerItemContext): Promise<IDataObject> {
	const id = readSmsId(this, itemIndex);
	const found = await findSms(api, ['jobs'], id);
	if (!found) {
		throw itemError(
			this.getNode(),
			itemIndex,
			`SMS ${id} is not waiting to be sent on ${serviceName}: only a deferred SMS can be cancelled, before its time`,
			'It may have been sent already (see Get Status), cancelled before, or never existed.',
		);
	}
	const { value: job, virtualNumber } = found;
	await api.deleteSms('jobs', id, virtualNumber);
	return {
		id: Number(id),
		cancelled: true,
		receiver: job.receiver,
		creditsReturned: job.credits,
		wasDueAfterMinutes: job.differedDelivery,
		...(virtualNumber ? { virtualNumber } : {}),
	};
}
