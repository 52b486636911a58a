import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../types';
import * as cancel from './cancel.operation';
import * as estimate from './estimate.operation';
import * as getMany from './getMany.operation';
import * as getStatus from './getStatus.operation';
import * as send from './send.operation';

export const operations: Record<string, Operation> = { cancel, estimate, getMany, getStatus, send };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['sms'] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			description: 'Cancel a deferred SMS that has not gone out yet',
			action: 'Cancel a deferred SMS',
		},
		{
			name: 'Estimate',
			value: 'estimate',
			description: 'Count the characters and SMS parts of a message and its cost for a number of recipients',
			action: 'Estimate an SMS',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'Get sent SMS from the history, with their delivery state',
			action: 'Get many sent SMS',
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			description: 'Get a sent SMS and whether it was delivered',
			action: 'Get the status of an SMS',
		},
		{
			name: 'Send',
			value: 'send',
			description: 'Send an SMS to one or many recipients',
			action: 'Send an SMS',
		},
	],
	default: 'send',
};

export const fields: INodeProperties[] = [
	...send.description,
	...estimate.description,
	...getStatus.description,
	...getMany.description,
	...cancel.description,
];
