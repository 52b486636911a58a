import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { addressBookLocator } from '../common/fields';
import type { PerItemContext } from '../types';

const show = { resource: ['contact'], operation: ['get'] };

// A string, not a number: a number field defaults to 0, which passes the required check and
// reaches OVHcloud as a raw 404 for contact 0.
export const contactIdField = (operation: string): INodeProperties => ({
	displayName: 'Contact ID',
	name: 'contactId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '5000001',
	description: 'The ID OVHcloud gave the contact (the ID field of Create or Get Many)',
	displayOptions: { show: { resource: ['contact'], operation: [operation] } },
});

/** The item's Contact ID, a positive whole number, or an error naming the item and the field. */
export function readContactId(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = String(ctx.getNodeParameter('contactId', itemIndex, '') ?? '').trim();
	const id = Number(raw);
	if (raw === '' || !Number.isSafeInteger(id) || id <= 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			raw === ''
				? `"Contact ID" is empty [item ${itemIndex}]`
				: `"Contact ID" must be a contact's ID, a whole number such as 5000001 (got "${raw}") [item ${itemIndex}]`,
			{ itemIndex, description: 'Get Many lists the contacts of an address book with their id.' },
		);
	}
	return id;
}

export const description: INodeProperties[] = [addressBookLocator(show), contactIdField('get')];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const id = readContactId(this, itemIndex);
	return [{ json: { ...(await api.getContact(bookKey, id)), addressBook: bookKey } }];
}
