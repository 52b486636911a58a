import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { PhonebookContact } from '../../../../lib/contacts';
import { readContactParameters, requireNewContact } from '../contactInput';
import { addressBookLocator, contactTextFields, defaultCountryField } from '../fields';
import { contactsPath } from '../phonebookApi';
import type { ItemContext } from '../types';

const show = { resource: ['contact'], operation: ['create'] };

export const description: INodeProperties[] = [addressBookLocator(show), ...contactTextFields(show, true), defaultCountryField(show)];

export async function execute(
	this: IExecuteFunctions,
	{ client, serviceName, itemIndex }: ItemContext,
): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const contact = requireNewContact(this, itemIndex, readContactParameters(this, itemIndex, 'parameters'));
	const id = await client.post<number>(contactsPath(serviceName, bookKey), contact);
	return [{ json: { ...(await client.get<PhonebookContact>(contactsPath(serviceName, bookKey, id))), addressBook: bookKey } }];
}
