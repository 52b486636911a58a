import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { contactChanges, type PhonebookContact } from '../../../../lib/contacts';
import { normaliserFor, readContactParameters, requireNewContact } from '../common/contactInput';
import { addressBookLocator, contactTextFields, DEFAULT_GROUP, defaultCountryField } from '../common/fields';
import { contactIndexOf } from '../common/phonebook';
import type { PerItemContext } from '../types';

const show = { resource: ['contact'], operation: ['upsert'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'The contact is found by any of its phone numbers (in any of the four number fields, whatever the format): it is updated if something changed, else created. Running the same sync twice changes nothing.',
		name: 'upsertNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	addressBookLocator(show),
	...contactTextFields(show, false),
	defaultCountryField(show),
];

export async function execute(this: IExecuteFunctions, { api, itemIndex, memo }: PerItemContext): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const wanted = readContactParameters(this, itemIndex, 'parameters');
	const index = await contactIndexOf(memo, api, bookKey, normaliserFor(this, itemIndex));
	const existing = index.find(wanted);
	if (!existing) {
		const contact = requireNewContact(this, itemIndex, { group: DEFAULT_GROUP, ...wanted });
		const id = await api.createContact(bookKey, contact);
		const created: PhonebookContact = { id, ...contact };
		index.add(created);
		return [{ json: { action: 'created', addressBook: bookKey, ...created } }];
	}
	const changes = contactChanges(existing, wanted);
	if (Object.keys(changes).length === 0) return [{ json: { action: 'unchanged', addressBook: bookKey, ...existing } }];
	await api.updateContact(bookKey, existing.id, changes);
	const updated: PhonebookContact = { ...existing, ...changes };
	index.replace(existing, updated);
	return [{ json: { action: 'updated', addressBook: bookKey, ...updated, changedFields: Object.keys(changes) } }];
}
