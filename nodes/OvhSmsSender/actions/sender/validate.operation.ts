import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { senderLocator } from '../common/fields';
import { readSenderMaybeWaiting } from './common/readSender';
import type { PerItemContext } from '../types';

const show = { resource: ['sender'], operation: ['validate'] };

export const description: INodeProperties[] = [
	senderLocator(show),
	{
		displayName: 'Validation Code',
		name: 'code',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The code OVHcloud sent for this sender (for a phone number sender, by SMS to that number)',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const sender = this.getNodeParameter('sender', itemIndex, '', { extractValue: true }) as string;
	const code = String(this.getNodeParameter('code', itemIndex)).trim();
	await api.validateSender(sender, code);
	return [{ json: await readSenderMaybeWaiting.call(this, api, sender, {}) }];
}
