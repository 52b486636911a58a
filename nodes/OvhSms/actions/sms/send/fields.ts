import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_MAX_RECEIVERS_PER_JOB } from '../../../../../lib/batching';

const show = { resource: ['sms'], operation: ['send'] };

export const DEFAULT_MAX_PARTS = 6;
export const DEFAULT_PARALLEL_JOBS = 4;
/** The longest tag OVHcloud documents (http2sms: "Invalid tag: is too long" above 20). */
export const MAX_TAG_LENGTH = 20;

export const defaultCountryProperty = (displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Default Country',
	name: 'defaultCountry',
	type: 'options',
	default: 'FR',
	description:
		'Country of numbers written without an international prefix (06 12 34 56 78). Numbers with + or 00 are read as they are.',
	// Written out (not mapped from lib/recipients' table) so n8n's lint can check the default;
	// a unit test keeps the two in step.
	options: [
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
		{ name: 'No Default (International Numbers Only)', value: '' },
		{ name: 'Poland (+48)', value: 'PL' },
		{ name: 'Portugal (+351)', value: 'PT' },
		{ name: 'Réunion (+262)', value: 'RE' },
		{ name: 'Spain (+34)', value: 'ES' },
		{ name: 'Switzerland (+41)', value: 'CH' },
		{ name: 'United Kingdom (+44)', value: 'GB' },
	],
	displayOptions,
});

export const senderTypeProperty = (displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Send From',
	name: 'senderType',
	type: 'options',
	noDataExpression: true,
	default: 'sender',
	options: [
		{
			name: 'Sender Name or Number',
			value: 'sender',
			description: 'An enabled alphanumeric sender (such as MyCompany) or phone number of the account; receivers cannot reply',
		},
		{
			name: 'Short Number for Replies (France Only)',
			value: 'shortNumber',
			description:
				'A 5-digit OVHcloud short number receivers can reply to for 48 hours (senderForResponse). Reaches French mobile numbers only.',
		},
		{
			name: 'Virtual Number',
			value: 'virtualNumber',
			description: 'A virtual mobile number of the account; receivers can reply to it',
		},
	],
	displayOptions,
});

export const sendFields: INodeProperties[] = [
	senderTypeProperty({ show }),
	{
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
			{ displayName: 'By Name', name: 'id', type: 'string', placeholder: 'MyCompany' },
		],
		displayOptions: { show: { ...show, senderType: ['sender'] } },
	},
	{
		displayName: 'Virtual Number',
		name: 'virtualNumber',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchVirtualNumbers', searchable: true },
			},
			{ displayName: 'By Number', name: 'id', type: 'string', placeholder: '33612345678' },
		],
		displayOptions: { show: { ...show, senderType: ['virtualNumber'] } },
	},
	{
		displayName: 'Recipients',
		name: 'recipientSource',
		type: 'options',
		noDataExpression: true,
		default: 'numbers',
		options: [
			{ name: 'Address Book', value: 'addressBook', description: 'The contacts of an address book (phonebook) of the account' },
			{ name: 'CSV File', value: 'csv', description: 'A column of a CSV file from a binary field of the input item' },
			{ name: 'Phone Numbers', value: 'numbers', description: 'One or more numbers typed or mapped from the input' },
			{ name: 'Recipient List', value: 'recipientList', description: 'A recipient list (slot) stored on the account' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Phone Numbers',
		name: 'receivers',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+33612345678, 06 12 34 56 78',
		description:
			'One or more numbers, separated by commas or new lines, or an expression that returns a list. Items sending the same message are merged into one job; duplicates are sent once.',
		displayOptions: { show: { ...show, recipientSource: ['numbers'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The binary field of the input item that holds the CSV file',
		displayOptions: { show: { ...show, recipientSource: ['csv'] } },
	},
	{
		displayName: 'Number Column',
		name: 'csvColumn',
		type: 'string',
		default: '',
		placeholder: 'phone',
		description:
			'Header name of the column holding the numbers, or its position (1, 2…). Empty: a column named number, phone, mobile… or the one whose first value is a number.',
		displayOptions: { show: { ...show, recipientSource: ['csv'] } },
	},
	{
		displayName: 'Header Row',
		name: 'csvHeader',
		type: 'options',
		default: 'auto',
		options: [
			{ name: 'Detect', value: 'auto', description: 'A first row without any phone number is a header' },
			{ name: 'First Row Is a Header', value: 'yes' },
			{ name: 'No Header Row', value: 'no' },
		],
		displayOptions: { show: { ...show, recipientSource: ['csv'] } },
	},
	defaultCountryProperty({ show: { ...show, recipientSource: ['numbers', 'csv'] } }),
	{
		displayName: 'Recipient List Name or ID',
		name: 'recipientListSlot',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getRecipientLists', loadOptionsDependsOn: ['serviceName.value'] },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { ...show, recipientSource: ['recipientList'] } },
	},
	{
		displayName: 'Address Book Name or ID',
		name: 'phonebook',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPhonebooks', loadOptionsDependsOn: ['serviceName.value'] },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { ...show, recipientSource: ['addressBook'] } },
	},
	{
		displayName: 'Number Field',
		name: 'phonebookNumberField',
		type: 'options',
		default: 'mobile',
		description: 'Which number of each contact to send to; contacts without it are listed as invalid receivers',
		options: [
			{ name: 'Home Mobile', value: 'homeMobile' },
			{ name: 'Home Phone', value: 'homePhone' },
			{ name: 'Mobile (Home, Else Work)', value: 'mobile' },
			{ name: 'Work Mobile', value: 'workMobile' },
			{ name: 'Work Phone', value: 'workPhone' },
		],
		displayOptions: { show: { ...show, recipientSource: ['addressBook'] } },
	},
	{
		displayName: 'Group',
		name: 'phonebookGroup',
		type: 'string',
		default: '',
		description: 'Only the contacts of this group. Empty: every contact of the address book.',
		displayOptions: { show: { ...show, recipientSource: ['addressBook'] } },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description:
			'The text. 160 characters fit in one SMS (70 if a character outside the GSM alphabet, such as an emoji, is used); longer texts are split into parts, each billed. Use the Estimate operation to see the count.',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Class',
				name: 'class',
				type: 'options',
				default: 'phoneDisplay',
				options: [
					{ name: 'Flash', value: 'flash', description: 'Shown on the screen at once and not stored' },
					{ name: 'SIM', value: 'sim', description: 'Stored on the SIM card' },
					{ name: 'Standard', value: 'phoneDisplay', description: 'Stored in the phone’s messages' },
				],
			},
			{
				displayName: 'Dry Run',
				name: 'dryRun',
				type: 'boolean',
				default: false,
				description:
					'Whether to check and estimate everything (numbers, sender, parts, credits) without sending anything',
			},
			{
				displayName: 'List Receivers up To',
				name: 'listReceiversUpTo',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1000,
				description:
					'Above this many receivers in one item, its output gives counts (validReceiverCount, idCount, the first 100 invalid receivers) instead of every number and SMS ID, which a large send would store with each execution; the IDs stay findable by the output\'s tags',
			},
			{
				displayName: 'Maximum Parts',
				name: 'maxParts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 255 },
				default: DEFAULT_MAX_PARTS,
				description:
					'A message needing more SMS parts than this fails before anything is sent. Each part is billed; OVHcloud advises at most 6.',
			},
			{
				displayName: 'Maximum Receivers per Job',
				name: 'maxReceiversPerJob',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: DEFAULT_MAX_RECEIVERS_PER_JOB,
				description: 'Items sending the same message are merged into OVHcloud jobs of at most this many receivers',
			},
			{
				displayName: 'Not Commercial',
				name: 'noStopClause',
				type: 'boolean',
				default: false,
				description:
					'Whether the message is not advertising (a code, a reminder, an alert). OVHcloud then does not add its STOP opt-out line (11 characters). The law requires that line on marketing SMS (in France: article L34-5 of the CPCE) and limits their sending hours; certify only genuinely non-commercial messages.',
			},
			{
				displayName: 'Parallel Jobs',
				name: 'parallelJobs',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 16 },
				default: DEFAULT_PARALLEL_JOBS,
				description: 'How many jobs are sent at the same time (personalised messages are one job per item)',
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				default: 'high',
				options: [
					{ name: 'High', value: 'high' },
					{ name: 'Low', value: 'low' },
					{ name: 'Medium', value: 'medium' },
					{ name: 'Very Low', value: 'veryLow' },
				],
			},
			{
				displayName: 'Send At',
				name: 'sendAt',
				type: 'dateTime',
				default: '',
				description:
					'Send later, at this date and time (the workflow’s time zone unless an offset is given). Empty, or less than 5 minutes past: send now; further in the past, or more than 365 days ahead: the item fails. A deferred SMS can be cancelled until then.',
			},
			{
				displayName: 'Skip Receivers Who Already Got This Message (Hours)',
				name: 'skipAlreadySentHours',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 720 },
				default: 24,
				description:
					'A receiver who got this same message from this node in the last so many hours, in any execution, is not sent it again and is listed in alreadySent. Without this option only a Retry of the same execution is recognised, and the same message from a new execution goes out.',
			},
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				description:
					'A label (at most 20 characters) to find these SMS in the history and their replies. Empty: the node tags each job itself (n8n-…), which it also uses to check a send whose answer was lost.',
			},
			{
				displayName: 'Transliteration',
				name: 'transliteration',
				type: 'options',
				default: 'none',
				description:
					'Replace characters outside the GSM alphabet, which would otherwise switch the whole message to Unicode (70 characters per SMS instead of 160)',
				options: [
					{ name: 'None', value: 'none', description: 'Send the text as written' },
					{
						name: 'Safe',
						value: 'safe',
						description: 'Only replacements that keep the meaning: curly quotes, dashes, non-breaking spaces, ligatures',
					},
					{
						name: 'Lossy',
						value: 'lossy',
						description: 'Also accents the GSM alphabet lacks (ê → e, ç → c) and other look-alikes; emoji stay',
					},
				],
			},
			{
				displayName: 'Validity Period (Minutes)',
				name: 'validityPeriod',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 2880,
				description: 'How long OVHcloud keeps trying to deliver an SMS to a phone that is off or out of coverage',
			},
		],
	},
];
