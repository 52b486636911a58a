import type { INodeProperties } from 'n8n-workflow';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Application Keys', value: 'apiKey' },
		{ name: 'Service Account (OAuth2)', value: 'oAuth2' },
	],
	default: 'apiKey',
};

export const credentialsDescription = [
	{ name: 'ovhCloudApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
	{ name: 'ovhCloudOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

export const serviceNameProperty: INodeProperties = {
	displayName: 'SMS Account',
	name: 'serviceName',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The OVHcloud SMS account (service name such as sms-ab12345-1) to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchServices', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'sms-ab12345-1',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^sms-[a-z0-9-]+$', errorMessage: 'An SMS account looks like sms-ab12345-1' },
				},
			],
		},
	],
};

/**
 * The resources' fields with the SMS Account right after their Operation, as in the SMS node:
 * lists below it (address books, senders) need the account chosen first.
 */
export function accountAfterOperation(...resources: INodeProperties[][]): INodeProperties[] {
	const all = resources.flat();
	return [
		...all.filter((property) => property.name === 'operation'),
		serviceNameProperty,
		...all.filter((property) => property.name !== 'operation'),
	];
}

/** "Default Country": the country of numbers written without an international prefix. */
export const defaultCountryProperty = (displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Default Country',
	name: 'defaultCountry',
	type: 'options',
	default: 'FR',
	description: 'Country of numbers written without an international prefix (06 12 34 56 78). Numbers with + or 00 are read as they are.',
	// Written out (not mapped from lib/recipients' table) so n8n's lint can check the default;
	// a unit test keeps the two in step.
	options: [
		// Named to sort first (n8n's lint keeps options alphabetical): "No Default" sat between Netherlands and Poland.
		{ name: 'Any Country (International Numbers Only)', value: '' },
		{ name: 'Austria (+43)', value: 'AT' },
		{ name: 'Belgium (+32)', value: 'BE' },
		{ name: 'France (+33)', value: 'FR' },
		{ name: 'French Guiana (+594)', value: 'GF' },
		{ name: 'Germany (+49)', value: 'DE' },
		{ name: 'Guadeloupe (+590)', value: 'GP' },
		{ name: 'Ireland (+353)', value: 'IE' },
		{ name: 'Italy (+39)', value: 'IT' },
		{ name: 'Luxembourg (+352)', value: 'LU' },
		{ name: 'Martinique (+596)', value: 'MQ' },
		{ name: 'Mayotte (+262)', value: 'YT' },
		{ name: 'Monaco (+377)', value: 'MC' },
		{ name: 'Netherlands (+31)', value: 'NL' },
		{ name: 'Poland (+48)', value: 'PL' },
		{ name: 'Portugal (+351)', value: 'PT' },
		{ name: 'Réunion (+262)', value: 'RE' },
		{ name: 'Spain (+34)', value: 'ES' },
		{ name: 'Switzerland (+41)', value: 'CH' },
		{ name: 'United Kingdom (+44)', value: 'GB' },
	],
	displayOptions,
});

/**
 * "Recipient List": one of the account's recipient lists (slots 1 to 9), picked or typed. The
 * SMS node sends to it, the Address Book node manages it: one field, one name.
 */
export function recipientListProperty(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Recipient List',
		name: 'recipientListSlot',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'A recipient list (slot 1 to 9) stored on the account',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchRecipientLists', searchable: true },
			},
			// Not named `id`: n8n labels a mode of that name "By ID" whatever its displayName says.
			{
				displayName: 'By Slot',
				name: 'slot',
				type: 'string',
				placeholder: '1',
				validation: [{ type: 'regex', properties: { regex: '^[1-9]$', errorMessage: 'A slot is a number from 1 to 9' } }],
			},
		],
		displayOptions,
	};
}

/**
 * "Sender": a sender of the account, from the list or typed. The SMS node sends from it, the
 * Sender node manages it (each node's `searchSenders` lists what it can use; `extra` words the
 * description for the node).
 */
export function senderProperty(displayOptions: INodeProperties['displayOptions'], extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Sender',
		name: 'sender',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'An enabled sender of the account. A sender that is not enabled is refused with the list of those that are.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchSenders', searchable: true },
			},
			// Not named `id`: n8n labels a mode of that name "By ID" whatever its displayName says.
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'MyCompany' },
		],
		...extra,
		displayOptions,
	};
}
