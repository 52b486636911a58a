import type { INodeProperties } from 'n8n-workflow';
import { PHONE_FIELDS } from '../../../../lib/contacts';
import { defaultCountryProperty } from '../../../shared/descriptions';

type Show = Record<string, string[]>;

export function addressBookLocator(show: Show): INodeProperties {
	return {
		displayName: 'Address Book',
		name: 'addressBook',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAddressBooks', searchable: true },
			},
			{ displayName: 'By Key', name: 'id', type: 'string', placeholder: 'b0c5a1d2e3f40001' },
		],
	};
}

export function binaryField(show: Show, description: string, displayName = 'Input Binary Field'): INodeProperties {
	return {
		displayName,
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description,
		displayOptions: { show },
	};
}

/** The Default Country every node shows (nodes/shared/descriptions.ts). */
export function defaultCountryField(show: Show): INodeProperties {
	return defaultCountryProperty({ show });
}

export const PHONE_LABELS: Record<(typeof PHONE_FIELDS)[number], string> = {
	homeMobile: 'Home Mobile',
	homePhone: 'Home Phone',
	workMobile: 'Work Mobile',
	workPhone: 'Work Phone',
};

export const phoneFieldOptions: INodeProperties[] = PHONE_FIELDS.map((field) => ({
	displayName: PHONE_LABELS[field],
	name: field,
	type: 'string',
	default: '',
	placeholder: '+33612345678',
}));

/**
 * OVHcloud's contact fields come from French: `name` is the family name ("nom") and `surname`
 * the given name ("prénom"), the opposite of what "surname" means in English; the labels say
 * what they hold.
 */
export const CONTACT_NAME_FIELDS = {
	name: {
		displayName: 'Last Name',
		name: 'name',
		description: 'The family name, such as Martin (OVHcloud’s "name" field)',
	},
	surname: {
		displayName: 'First Name',
		name: 'surname',
		description: 'The given name, such as Chloé (OVHcloud’s "surname" field, which means "prénom")',
	},
} as const;

/** Group of a new contact when none is given (OVHcloud requires one). */
export const DEFAULT_GROUP = 'default';

export function contactTextFields(show: Show, required: boolean): INodeProperties[] {
	const group: INodeProperties = required
		? {
				displayName: 'Group',
				name: 'group',
				type: 'string',
				required: true,
				default: DEFAULT_GROUP,
				description: 'The group of the contact in the address book',
				displayOptions: { show },
			}
		: {
				displayName: 'Group',
				name: 'group',
				type: 'string',
				default: '',
				description: `The group of the contact; when empty, an existing contact keeps its group and a new one goes to "${DEFAULT_GROUP}"`,
				displayOptions: { show },
			};
	return [
		group,
		{
			...CONTACT_NAME_FIELDS.name,
			type: 'string',
			required,
			default: '',
			displayOptions: { show },
		},
		{
			...CONTACT_NAME_FIELDS.surname,
			type: 'string',
			required,
			default: '',
			displayOptions: { show },
		},
		{
			displayName: 'Phone Numbers',
			name: 'phoneNumbers',
			type: 'collection',
			placeholder: 'Add Number',
			default: {},
			description: 'At least one number; national numbers use the default country',
			displayOptions: { show },
			options: phoneFieldOptions,
		},
	];
}
