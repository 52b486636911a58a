import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as exportBook from './export.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as importContacts from './import.operation';
import * as rename from './rename.operation';

export const operations: Record<string, Operation> = {
	create,
	delete: del,
	export: exportBook,
	get,
	getMany,
	import: importContacts,
	rename,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['addressBook'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an address book', action: 'Create an address book' },
			{ name: 'Delete', value: 'delete', description: 'Delete an address book and its contacts', action: 'Delete an address book' },
			{
				name: 'Export',
				value: 'export',
				description: 'Download the contacts as a ; separated CSV file',
				action: 'Export an address book',
			},
			{ name: 'Get', value: 'get', description: 'Get an address book', action: 'Get an address book' },
			{ name: 'Get Many', value: 'getMany', description: 'List the address books', action: 'Get many address books' },
			{
				name: 'Import',
				value: 'import',
				description: 'Add the contacts of a .csv or .txt file; running it again adds nothing',
				action: 'Import contacts into an address book',
			},
			{ name: 'Rename', value: 'rename', description: 'Rename an address book', action: 'Rename an address book' },
		],
		default: 'getMany',
	},
	...create.description,
	...del.description,
	...exportBook.description,
	...get.description,
	...getMany.description,
	...importContacts.description,
	...rename.description,
];
