import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../types';
import * as getMany from './getMany.operation';
import * as upload from './upload.operation';

export const operations: Record<string, Operation> = { getMany, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['supportingDocument'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the documents attached to a sender request',
				action: 'Get many supporting documents',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Attach a document (e.g. a trademark certificate) to a sender request',
				action: 'Upload a supporting document',
			},
		],
		default: 'upload',
	},
	...getMany.description,
	...upload.description,
];
