import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_MAX_RECEIVERS_PER_JOB } from '../../../../../lib/batching';
import {
	csvColumnProperty,
	defaultCountryProperty,
	dryRunOption,
	messageProperty,
	nonCommercialOption,
	recipientListProperty,
	recipientSourceProperty,
	senderProperty,
	senderTypeProperty,
	transliterationOption,
} from '../../common/messageFields';
import { messageCostNotices } from '../../common/messageCost';
import { DEFAULT_MAX_PARTS } from '../common/messageAnalysis';
import { waitForDeliveryOption } from './deliveryWait';
import { sendWindowOption } from '../../common/sendWindow';

const show = { resource: ['sms'], operation: ['send'] };

export const DEFAULT_PARALLEL_JOBS = 4;

export const sendFields: INodeProperties[] = [
	senderTypeProperty({ show }, ['sender', 'shortNumber', 'virtualNumber']),
	senderProperty({ show: { ...show, senderType: ['sender'] } }),
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
			// Not named `id`, which n8n would label "By ID".
			{ displayName: 'By Number', name: 'number', type: 'string', placeholder: '33612345678' },
		],
		displayOptions: { show: { ...show, senderType: ['virtualNumber'] } },
	},
	recipientSourceProperty({ show }, ['addressBook', 'csv', 'numbers', 'recipientList'], 'numbers'),
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
	csvColumnProperty(
		{ show: { ...show, recipientSource: ['csv'] } },
		'Header name of the column holding the numbers, or its position (1, 2…). Empty: a column named number, phone, mobile… or the one whose first value is a number.',
	),
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
	recipientListProperty({ show: { ...show, recipientSource: ['recipientList'] } }),
	{
		displayName: 'Address Book Name or ID',
		name: 'phonebook',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPhonebooks', loadOptionsDependsOn: ['serviceName.value'] },
		default: '',
		required: true,
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
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
	messageProperty({ show }),
	...messageCostNotices(show),
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
				description: 'How the phone shows the SMS. Standard suits almost every message.',
				options: [
					{ name: 'Flash', value: 'flash', description: 'Shown on the screen at once and not stored' },
					{ name: 'SIM', value: 'sim', description: 'Stored on the SIM card' },
					{ name: 'Standard', value: 'phoneDisplay', description: 'Stored in the phone’s messages' },
				],
			},
			dryRunOption('Whether to check and estimate everything (numbers, sender, parts, credits) without sending anything'),
			{
				displayName: 'List Receivers up To',
				name: 'listReceiversUpTo',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1000,
				description:
					"Above this many receivers in one item, its output gives counts (validReceiverCount, idCount, the first 100 invalid receivers) instead of every number and SMS ID, which a large send would store with each execution; the IDs stay findable by the output's tags",
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
			nonCommercialOption,
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
				description:
					'The order in which OVHcloud hands this account’s queued SMS to the operators; lower ones may wait behind higher ones when many are queued',
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
			sendWindowOption,
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
			transliterationOption,
			{
				displayName: 'Validity Period (Minutes)',
				name: 'validityPeriod',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 2880,
				description: 'How long OVHcloud keeps trying to deliver an SMS to a phone that is off or out of coverage',
			},
			waitForDeliveryOption,
		],
	},
];
