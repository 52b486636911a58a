import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../types';
import * as clean from './clean.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: Record<string, Operation> = { clean, create, delete: del, download, get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recipientList'] } },
		options: [
			{
				name: 'Clean',
				value: 'clean',
				description: 'Remove dead numbers (quote the price first, spend only when asked)',
				action: 'Clean a recipient list',
			},
			{ name: 'Create', value: 'create', description: 'Create a recipient list from a CSV file', action: 'Create a recipient list' },
			{ name: 'Delete', value: 'delete', description: 'Delete a recipient list', action: 'Delete a recipient list' },
			{ name: 'Download', value: 'download', description: 'Download a recipient list as CSV', action: 'Download a recipient list' },
			{ name: 'Get', value: 'get', description: 'Get a recipient list', action: 'Get a recipient list' },
			{ name: 'Get Many', value: 'getMany', description: 'List the recipient lists', action: 'Get many recipient lists' },
		],
		default: 'getMany',
	},
	...clean.description,
	...create.description,
	...del.description,
	...download.description,
	...get.description,
	...getMany.description,
];
