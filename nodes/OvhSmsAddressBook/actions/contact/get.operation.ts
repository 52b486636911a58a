import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { PhonebookContact } from '../../../../lib/contacts';
import { addressBookLocator } from '../fields';
import { contactsPath } from '../phonebookApi';
import type { ItemContext } from '../types';

const show = { resource: ['contact'], operation: ['get'] };

export const contactIdField = (operation: string): INodeProperties => ({
	displayName: 'Contact ID',
	name: 'contactId',
	type: 'number',
	required: true,
	default: 0,
	description: 'The ID OVHcloud gave the contact',
	displayOptions: { show: { resource: ['contact'], operation: [operation] } },
});

export const description: INodeProperties[] = [addressBookLocator(show), contactIdField('get')];

export async function execute(
	this: IExecuteFunctions,
	{ client, serviceName, itemIndex }: ItemContext,
): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const id = this.getNodeParameter('contactId', itemIndex) as number;
	return [{ json: { ...(await client.get<PhonebookContact>(contactsPath(serviceName, bookKey, id))), addressBook: bookKey } }];
}
