import type { INodeProperties } from 'n8n-workflow';
import { senderProperty } from '../../../shared/descriptions';

/** The sender an operation is about: the shared Sender field, worded for senders in any state. */
export function senderLocator(show: Record<string, string[]>): INodeProperties {
	return senderProperty({ show }, { description: 'The sender (an alphanumeric name or a phone number) of the SMS account' });
}

/** "Wait for Validation": poll until the moderator decides, within a time limit. */
export function waitOptions(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Options',
		name: 'waitOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Wait for Validation',
				name: 'waitForValidation',
				type: 'boolean',
				default: false,
				description:
					'Whether to keep reading the sender until it is enabled or refused (or the time limit passes). Moderation of a manual request usually takes one or two working days: for that, rather use a Wait node and the Get operation.',
			},
			{
				displayName: 'Time Limit (Seconds)',
				name: 'timeLimitSeconds',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 300,
				description: 'How long to wait at most; the output then says the sender is still waiting (waitTimedOut)',
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0.01, numberPrecision: 2 },
				default: 30,
				description: 'Time between two reads of the sender',
			},
		],
	};
}
