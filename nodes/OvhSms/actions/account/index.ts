import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../types';
import * as get from './get.operation';
import * as updateCallbacks from './updateCallbacks.operation';

export const operations: Record<string, Operation> = { get, updateCallbacks };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['account'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get the SMS account: credits left and settings',
			action: 'Get the SMS account',
		},
		{
			name: 'Update Callbacks',
			value: 'updateCallbacks',
			description: 'Set the URLs OVHcloud calls for delivery reports, STOP answers and replies',
			action: 'Update the account callbacks',
		},
	],
	default: 'get',
};

export const fields: INodeProperties[] = [...get.description, ...updateCallbacks.description];
