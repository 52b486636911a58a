import type { INodeProperties } from 'n8n-workflow';
import { defaultCountryProperty } from '../../../../shared/descriptions';
import { dryRunOption } from '../../common/messageFields';

const show = { resource: ['phoneNumber'], operation: ['lookUp'] };

/** Numbers asked per request: OVHcloud documents no limit; the send's default job size is used. */
export const LOOKUPS_PER_REQUEST = 500;
export const DEFAULT_MAX_LOOKUPS = 1_000;
export const MAX_LOOKUPS = 100_000;
export const DEFAULT_WAIT_MINUTES = 2;
export const WAIT_MINUTES = { min: 0.1, max: 30 };

export const lookUpFields: INodeProperties[] = [
	{
		displayName:
			'Billed: OVHcloud debits SMS credits for every valid number looked up, whatever the answer. Its price per lookup is not in its API; the output gives the credits removed and left. Turn on Dry Run to check the numbers and the credits left first.',
		name: 'lookUpBillingNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+33612345678, 06 12 34 56 78',
		description:
			'One or more mobile numbers, separated by commas or new lines, or an expression that returns a list. A number given by several items is looked up (and billed) once.',
		displayOptions: { show },
	},
	defaultCountryProperty({ show }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			dryRunOption('Whether to check the numbers and the credits left without looking anything up (nothing is billed)'),
			{
				displayName: 'Include Operator Name',
				name: 'operatorName',
				type: 'boolean',
				default: false,
				description:
					'Whether to also read the operator’s name, country and network of each valid number (one more request per number). Without it the output has the operator code (MCC and MNC).',
			},
			{
				displayName: 'Maximum Lookups',
				name: 'maxLookups',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_LOOKUPS, numberPrecision: 0 },
				default: DEFAULT_MAX_LOOKUPS,
				description: 'A run that would look up more distinct numbers than this fails before anything is billed',
			},
			{
				displayName: 'Wait for Result (Minutes)',
				name: 'waitMinutes',
				type: 'number',
				typeOptions: { minValue: WAIT_MINUTES.min, maxValue: WAIT_MINUTES.max, numberPrecision: 1 },
				default: DEFAULT_WAIT_MINUTES,
				description:
					'How long to wait at most for OVHcloud’s answers (usually seconds); the lookups are read again after 2 seconds, then less often. A number still without an answer is output with status "pending" and its lookupId.',
			},
		],
	},
];
