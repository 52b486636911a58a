import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { findSms, type FoundSms } from '../common/findSms';
import { itemError } from '../common/itemError';
import type { PerItemContext } from '../types';

export const receivedIdProperty = (operation: string): INodeProperties => ({
	displayName: 'Received SMS ID',
	name: 'receivedSmsId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '123456',
	displayOptions: { show: { resource: ['receivedSms'], operation: [operation] } },
});

export const description: INodeProperties[] = [receivedIdProperty('get')];

/** The received SMS the item names, from the account's route or the virtual number that received it. */
export async function findReceivedSms(
	ctx: IExecuteFunctions,
	{ api, serviceName, itemIndex }: PerItemContext,
): Promise<FoundSms<'incoming'> & { id: number }> {
	const id = String(ctx.getNodeParameter('receivedSmsId', itemIndex, '') ?? '').trim();
	if (!/^\d+$/.test(id)) throw itemError(ctx.getNode(), itemIndex, `"Received SMS ID" must be a number (got "${id}")`);
	const found = await findSms(api, ['incoming'], id);
	if (!found) {
		throw itemError(
			ctx.getNode(),
			itemIndex,
			`No received SMS ${id} on ${serviceName}, neither for the account nor for its virtual numbers`,
			'It may have been deleted already, or belong to another SMS account.',
		);
	}
	return { ...found, id: Number(id) };
}

export async function execute(this: IExecuteFunctions, context: PerItemContext): Promise<IDataObject> {
	const { value, virtualNumber } = await findReceivedSms(this, context);
	return { ...value, ...(virtualNumber ? { virtualNumber } : {}) };
}
