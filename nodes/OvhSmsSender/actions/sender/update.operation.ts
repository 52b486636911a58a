import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { SmsSenderUpdate } from '../../../../lib/ovh/models';
import { senderLocator } from '../common/fields';
import { readSenderMaybeWaiting } from './common/readSender';
import type { PerItemContext } from '../types';

const show = { resource: ['sender'], operation: ['update'] };

export const description: INodeProperties[] = [
	senderLocator(show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Enabled', value: 'enable', description: 'Can send again' },
					{ name: 'Disabled', value: 'disable', description: 'Kept, but cannot send until enabled again' },
				],
				default: 'enable',
				description: 'Only an enabled or disabled sender can be switched; moderation decides the other statuses',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const sender = this.getNodeParameter('sender', itemIndex, '', { extractValue: true }) as string;
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as SmsSenderUpdate;
	if (fields.description === undefined && fields.status === undefined) {
		throw new NodeOperationError(this.getNode(), 'Add a field to update (Description or Status)', { itemIndex });
	}
	await api.updateSender(sender, fields);
	return [{ json: await readSenderMaybeWaiting.call(this, api, sender, {}) }];
}
