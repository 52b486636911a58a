import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../types';
import * as lookUp from './lookUp.operation';

export const operations: Record<string, Operation> = { lookUp };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['phoneNumber'] } },
	options: [
		{
			name: 'Look Up',
			value: 'lookUp',
			description: 'Ask the mobile network whether numbers are valid, reachable, ported or roaming, and their operator (billed)',
			action: 'Look up a phone number',
		},
	],
	default: 'lookUp',
};

export const fields: INodeProperties[] = [...lookUp.description];
