import type { INodeProperties } from 'n8n-workflow';
import { addressBookLocator, binaryField, DEFAULT_GROUP, defaultCountryField } from '../../common/fields';

const show = { resource: ['addressBook'], operation: ['import'] };

export const importFields: INodeProperties[] = [
	addressBookLocator(show),
	binaryField(show, 'The binary field of the input item that holds the .csv or .txt file (; , or tab separated, with a header line)'),
	{
		displayName: 'Mode',
		name: 'importMode',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'OVHcloud Import',
				value: 'ovhImport',
				description:
					'Columns named like OVHcloud’s fields (group, name, surname, homeMobile, homePhone, workMobile, workPhone). The new contacts go to OVHcloud in one file: few API calls whatever the size. Rows with accented characters are reported (OVHcloud would skip them).',
			},
			{
				name: 'Contact by Contact',
				value: 'contactByContact',
				description: 'Map your own columns to fields; one call per new contact; accents kept; changed contacts can be updated',
			},
		],
		default: 'ovhImport',
	},
	{
		displayName: 'Columns',
		name: 'columnMapping',
		type: 'collection',
		placeholder: 'Map a Column',
		default: {},
		description: 'The header of the column that holds each field. With no mapping, columns named like OVHcloud’s fields are used.',
		displayOptions: { show: { ...show, importMode: ['contactByContact'] } },
		options: [
			{ displayName: 'Group Column', name: 'group', type: 'string', default: '' },
			{ displayName: 'Home Mobile Column', name: 'homeMobile', type: 'string', default: '' },
			{ displayName: 'Home Phone Column', name: 'homePhone', type: 'string', default: '' },
			{ displayName: 'Name Column', name: 'name', type: 'string', default: '' },
			{ displayName: 'Surname Column', name: 'surname', type: 'string', default: '' },
			{ displayName: 'Work Mobile Column', name: 'workMobile', type: 'string', default: '' },
			{ displayName: 'Work Phone Column', name: 'workPhone', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Default Group',
		name: 'defaultGroup',
		type: 'string',
		default: DEFAULT_GROUP,
		description: 'Group of the rows that have none',
		displayOptions: { show },
	},
	defaultCountryField(show),
	{
		displayName: 'Update Existing Contacts',
		name: 'updateExisting',
		type: 'boolean',
		default: false,
		description:
			'Whether a row whose number is already in the address book updates that contact when its fields differ (otherwise it is left as it is)',
		displayOptions: { show: { ...show, importMode: ['contactByContact'] } },
	},
	{
		displayName: 'Options',
		name: 'importOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { ...show, importMode: ['ovhImport'] } },
		options: [
			{
				displayName: 'Wait for Import',
				name: 'waitForImport',
				type: 'boolean',
				default: true,
				description:
					'Whether to wait until the new contacts are in the address book before going on. If they are not all there within the time limit, the import is reported as submitted, not confirmed.',
			},
			{
				displayName: 'Time Limit (Seconds)',
				name: 'timeLimitSeconds',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 300,
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0.01, numberPrecision: 2 },
				default: 2,
			},
		],
	},
];
