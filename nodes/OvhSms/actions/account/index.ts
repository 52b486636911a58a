import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../types';
import * as get from './get.operation';

export const operations: Record<string, Operation> = { get };

export const description: INodeProperties[] = [
	{
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
		],
		default: 'get',
	},
	...get.description,
];
