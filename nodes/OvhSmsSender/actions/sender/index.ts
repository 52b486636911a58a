import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as validate from './validate.operation';

export const operations: Record<string, Operation> = { create, delete: del, get, getMany, update, validate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sender'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Request a new sender', action: 'Create a sender' },
			{ name: 'Delete', value: 'delete', description: 'Delete a sender', action: 'Delete a sender' },
			{ name: 'Get', value: 'get', description: 'Get a sender and its status in plain words', action: 'Get a sender' },
			{ name: 'Get Many', value: 'getMany', description: 'List the account’s senders', action: 'Get many senders' },
			{
				name: 'Update',
				value: 'update',
				description: 'Change the description, or enable or disable a sender',
				action: 'Update a sender',
			},
			{
				name: 'Validate',
				value: 'validate',
				description: 'Validate a sender with the code OVHcloud sent',
				action: 'Validate a sender',
			},
		],
		default: 'getMany',
	},
	...create.description,
	...del.description,
	...get.description,
	...getMany.description,
	...update.description,
	...validate.description,
];
