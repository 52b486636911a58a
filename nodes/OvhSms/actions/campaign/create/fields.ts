import type { INodeProperties } from 'n8n-workflow';
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
import { sendWindowOption } from '../../common/sendWindow';
import { showFor, waitFields } from '../common/fields';

const show = showFor('create');

export const createFields: INodeProperties[] = [
	{
		displayName: 'Campaign Name',
		name: 'campaignName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Monday promotion',
		displayOptions: { show },
	},
	senderTypeProperty({ show }, ['sender', 'shortNumber']),
	senderProperty({ show: { ...show, senderType: ['sender'] } }),
	recipientSourceProperty({ show }, ['csv', 'items', 'recipientList'], 'items'),
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.phone }}',
		description: 'The receiver of each item, in international format (+33…) or national format of the default country',
		displayOptions: { show: { ...show, recipientSource: ['items'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The binary field holding the CSV file (a header line, then one receiver per line; ; , or tab separated)',
		displayOptions: { show: { ...show, recipientSource: ['csv'] } },
	},
	csvColumnProperty(
		{ show: { ...show, recipientSource: ['csv'] } },
		'Header name of the column of the CSV file holding the phone numbers. Empty: the column named number.',
	),
	recipientListProperty({ show: { ...show, recipientSource: ['recipientList'] } }),
	defaultCountryProperty({ show }),
	messageProperty(
		{ show },
		{
			placeholder: 'Hello #firstname#, -20% in our #city# shop this Monday!',
			description:
				"Expressions ({{ }}) are evaluated for each item. With a CSV file or a recipient list, #column# placeholders are replaced by each receiver's value in that column; an unknown column stops the campaign before anything is sent.",
		},
	),
	...messageCostNotices(show),
	{
		displayName: 'Start',
		name: 'startMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Now', value: 'now' },
			{ name: 'At a Date', value: 'scheduled' },
		],
		default: 'now',
		displayOptions: { show },
	},
	{
		displayName: 'Start At',
		name: 'startAt',
		type: 'dateTime',
		default: '',
		required: true,
		description: "When OVHcloud starts sending (in the workflow's time zone unless the date has an offset)",
		displayOptions: { show: { ...show, startMode: ['scheduled'] } },
	},
	...waitFields(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			dryRunOption(
				'Whether to only check the receivers and the message and estimate the cost (parts of the longest personalised text, credits needed, credits left), without creating the campaign (nor waiting for it)',
			),
			nonCommercialOption,
			{
				displayName: 'Fallback for Empty Values',
				name: 'emptyValueFallback',
				type: 'string',
				default: '',
				placeholder: 'customer',
				description:
					'The text a #column# placeholder gets when a row has no value in that column (may be left empty). Without this option such rows are left out and reported with their line, as a message like "Hello , your order is ready" is rarely meant.',
			},
			sendWindowOption,
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				description: 'A label OVHcloud stores with every SMS of the campaign (to filter the history)',
			},
			{
				...transliterationOption,
				description:
					'Replace characters outside the GSM alphabet in the message and in the #column# values. OVHcloud only puts GSM-7 text in placeholders: with None, a value outside it stops the campaign before anything is sent.',
			},
		],
	},
];
