import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { addressBookLocator } from '../common/fields';
import { readContacts } from '../common/phonebook';
import type { PerItemContext } from '../types';
import { limitProperties, readLimit } from '../../../shared/limit';

const show = { resource: ['contact'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	addressBookLocator(show),
	...limitProperties(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [{ displayName: 'Group', name: 'group', type: 'string', default: '', description: 'Only the contacts of this group' }],
	},
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const limit = readLimit(this, itemIndex);
	const group = ((this.getNodeParameter('filters', itemIndex, {}) as { group?: string }).group ?? '').trim();
	// OVHcloud cannot filter by group: with a group, every contact is read and filtered here.
	const contacts = await readContacts(api, bookKey, group ? Infinity : limit);
	return contacts
		.filter((contact) => !group || contact.group === group)
		.slice(0, limit)
		.map((contact) => ({ json: { ...contact, addressBook: bookKey } }));
}
