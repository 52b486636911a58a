import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { accountAfterOperation, authenticationProperty, credentialsDescription } from '../shared/descriptions';
import { searchServices } from '../shared/listSearch';
import * as document from './actions/document';
import { route } from './actions/router';
import * as sender from './actions/sender';
import { searchAvailableSenders, searchSenders } from './methods/listSearch';

export class OvhSmsSender implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OVHcloud SMS Sender',
		name: 'ovhSmsSender',
		icon: { light: 'file:../../icons/ovhSmsSender.svg', dark: 'file:../../icons/ovhSmsSender.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Request, validate and manage the names and numbers your OVHcloud SMS are sent from',
		defaults: { name: 'OVHcloud SMS Sender' },
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
					{ name: 'Sender', value: 'sender' },
					{ name: 'Supporting Document', value: 'supportingDocument' },
				],
				default: 'sender',
			},
			...accountAfterOperation(sender.description, document.description),
		],
	};

	methods = { listSearch: { searchServices, searchSenders, searchAvailableSenders } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
