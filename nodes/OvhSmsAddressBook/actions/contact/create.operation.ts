import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { readContactParameters, requireNewContact } from '../common/contactInput';
import { addressBookLocator, contactTextFields, defaultCountryField } from '../common/fields';
import type { PerItemContext } from '../types';

const show = { resource: ['contact'], operation: ['create'] };

export const description: INodeProperties[] = [addressBookLocator(show), ...contactTextFields(show, true), defaultCountryField(show)];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const contact = requireNewContact(this, itemIndex, readContactParameters(this, itemIndex, 'parameters'));
	const id = await api.createContact(bookKey, contact);
	return [{ json: { ...(await api.getContact(bookKey, id)), addressBook: bookKey } }];
}
