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
	return [...all.filter((property) => property.name === 'operation'), serviceNameProperty, ...all.filter((property) => property.name !== 'operation')];
}
