import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../types';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: Record<string, Operation> = { delete: deleteOperation, get, getMany };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['receivedSms'] } },
	options: [
		{ name: 'Delete', value: 'delete', description: 'Delete a received SMS', action: 'Delete a received SMS' },
		{ name: 'Get', value: 'get', description: 'Get a received SMS', action: 'Get a received SMS' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'Get the SMS the account received, newest first',
			action: 'Get many received SMS',
		},
	],
	default: 'getMany',
};

export const fields: INodeProperties[] = [...getMany.description, ...get.description, ...deleteOperation.description];
