import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { chosenOperation, forEachItem } from '../../shared/router';
import { createOvhClient } from '../../shared/transport';
import * as account from './account';
import * as campaign from './campaign';
import * as phoneNumber from './phoneNumber';
import * as receivedSms from './receivedSms';
import * as sms from './sms';
import type { Operation } from './types';

const resources: Record<string, Record<string, Operation>> = {
	account: account.operations,
	campaign: campaign.operations,
	phoneNumber: phoneNumber.operations,
	receivedSms: receivedSms.operations,
	sms: sms.operations,
};

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = chosenOperation(this, resources);
	const client = await createOvhClient(this);
	if ('executeAll' in operation) return [await operation.executeAll.call(this, client)];
	return [
		await forEachItem(this, client, async (context) => {
			const result = await operation.execute.call(this, context);
			return (Array.isArray(result) ? result : [result]).map((json) => ({ json }));
		}),
	];
}
