import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { readContactParameters } from '../common/contactInput';
import { addressBookLocator, CONTACT_NAME_FIELDS, defaultCountryField, phoneFieldOptions } from '../common/fields';
import type { PerItemContext } from '../types';
import { contactIdField, readContactId } from './get.operation';

const show = { resource: ['contact'], operation: ['update'] };

export const description: INodeProperties[] = [
	addressBookLocator(show),
	contactIdField('update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Group', name: 'group', type: 'string', default: '' },
			{ ...CONTACT_NAME_FIELDS.name, type: 'string', default: '' },
			{ ...CONTACT_NAME_FIELDS.surname, type: 'string', default: '' },
			...phoneFieldOptions,
		],
	},
	defaultCountryField(show),
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const id = readContactId(this, itemIndex);
	const changes = readContactParameters(this, itemIndex, 'updateFields');
	if (Object.keys(changes).length === 0) throw new NodeOperationError(this.getNode(), 'Add a field to update', { itemIndex });
	await api.updateContact(bookKey, id, changes);
	return [{ json: { ...(await api.getContact(bookKey, id)), addressBook: bookKey } }];
}
