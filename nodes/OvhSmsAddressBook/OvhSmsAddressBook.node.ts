import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { accountAfterOperation, authenticationProperty, credentialsDescription } from '../shared/descriptions';
import { searchRecipientLists, searchServices } from '../shared/listSearch';
import * as addressBook from './actions/addressBook';
import * as contact from './actions/contact';
import * as recipientList from './actions/recipientList';
import { route } from './actions/router';
import { searchAddressBooks } from './methods/listSearch';

export class OvhSmsAddressBook implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OVHcloud SMS Address Book',
		name: 'ovhSmsAddressBook',
		icon: { light: 'file:../../icons/ovhSmsAddressBook.svg', dark: 'file:../../icons/ovhSmsAddressBook.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage who receives your OVHcloud SMS: address books, contacts, imports and recipient lists',
		defaults: { name: 'OVHcloud SMS Address Book' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Address Book', value: 'addressBook' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Recipient List', value: 'recipientList' },
				],
				default: 'contact',
			},
			...accountAfterOperation(addressBook.description, contact.description, recipientList.description),
		],
	};

	methods = { listSearch: { searchServices, searchAddressBooks, searchRecipientLists } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
