import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty, credentialsDescription, serviceNameProperty } from '../shared/descriptions';
import { searchServices } from '../shared/listSearch';
import * as account from './actions/account';
import { route } from './actions/router';

export class OvhSms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OVHcloud SMS',
		name: 'ovhSms',
		icon: { light: 'file:../../icons/ovhcloud.svg', dark: 'file:../../icons/ovhcloud.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send SMS with OVHcloud and follow their delivery, replies and credits',
		defaults: { name: 'OVHcloud SMS' },
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
				options: [{ name: 'Account', value: 'account' }],
				default: 'account',
			},
			...account.description,
			serviceNameProperty,
		],
	};

	methods = { listSearch: { searchServices } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
