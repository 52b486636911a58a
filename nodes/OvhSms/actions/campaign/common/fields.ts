import type { INodeProperties } from 'n8n-workflow';

type Show = Record<string, Array<string | boolean>>;

export function showFor(operation: string): Show {
	return { resource: ['campaign'], operation: [operation] };
}

export function campaignIdField(show: Show): INodeProperties {
	return {
		displayName: 'Campaign ID',
		name: 'campaignId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3f2b8c1e-5a4d-4e7f-9b1a-2c3d4e5f6a7b',
		description: 'The ID OVHcloud gave the campaign (the ID field of Create or Get Many)',
		displayOptions: { show },
	};
}

/** "Wait for Completion": poll with backoff until the campaign is finished, within a time limit. */
export function waitFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: false,
			description:
				'Whether to wait until the campaign is completed, failed or cancelled, then output its statistics and a one-line summary such as "12,430 delivered, 71 failed"',
			displayOptions: { show },
		},
		{
			displayName: 'Wait Options',
			name: 'waitOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show: { ...show, waitForCompletion: [true] } },
			options: [
				{
					displayName: 'Time Limit (Minutes)',
					name: 'timeLimitMinutes',
					type: 'number',
					// Whole minutes: without a precision the editor shows "60.00".
					typeOptions: { minValue: 0, numberPrecision: 0 },
					default: 60,
					description: 'How long to wait at most; the statistics are output as they are then, with "finished" false',
				},
				{
					displayName: 'First Check After (Seconds)',
					name: 'pollIntervalSeconds',
					type: 'number',
					typeOptions: { minValue: 0.1 },
					default: 10,
					description: 'Pause before reading the campaign again; each next pause is 1.5 times longer, up to 5 minutes',
				},
			],
		},
	];
}

export interface WaitOptions {
	timeLimitMinutes?: number;
	pollIntervalSeconds?: number;
}
