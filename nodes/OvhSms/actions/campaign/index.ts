import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../types';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getStatistics from './getStatistics.operation';
import * as rename from './rename.operation';

export const operations: Record<string, Operation> = { create, get, getMany, getStatistics, cancel, delete: del, rename };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['campaign'] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			description: 'Cancel a scheduled campaign that has not started; its credits come back',
			action: 'Cancel a campaign',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Send one campaign to many receivers, now or at a date, with personalised text',
			action: 'Create a campaign',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a finished campaign (its SMS stay in the history)',
			action: 'Delete a campaign',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a campaign: status, progress, receivers refused',
			action: 'Get a campaign',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the campaigns of the SMS account, newest first',
			action: 'Get many campaigns',
		},
		{
			name: 'Get Statistics',
			value: 'getStatistics',
			description: 'Delivered, failed, pending and stop-listed counts of a campaign',
			action: 'Get campaign statistics',
		},
		{
			name: 'Rename',
			value: 'rename',
			description: 'Change the name of a campaign',
			action: 'Rename a campaign',
		},
	],
	default: 'create',
};

/** Every parameter of every operation (shown per operation). */
export const fields: INodeProperties[] = [
	...create.description,
	...get.description,
	...getMany.description,
	...getStatistics.description,
	...cancel.description,
	...del.description,
	...rename.description,
];

export const description: INodeProperties[] = [operationProperty, ...fields];
