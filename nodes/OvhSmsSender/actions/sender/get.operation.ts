import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { senderLocator, waitOptions } from '../common/fields';
import { readSenderMaybeWaiting, type WaitSettings } from './common/readSender';
import type { PerItemContext } from '../types';

const show = { resource: ['sender'], operation: ['get'] };

export const description: INodeProperties[] = [senderLocator(show), waitOptions(show)];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const sender = this.getNodeParameter('sender', itemIndex, '', { extractValue: true }) as string;
	const settings = this.getNodeParameter('waitOptions', itemIndex, {}) as WaitSettings;
	return [{ json: await readSenderMaybeWaiting.call(this, api, sender, settings) }];
}
