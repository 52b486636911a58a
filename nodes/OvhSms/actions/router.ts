import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { chosenOperation, forEachItem, startRun } from '../../shared/router';
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
	const run = await startRun(this);
	if ('executeAll' in operation) return [await operation.executeAll.call(this, run)];
	return [
		await forEachItem(this, run, async (context) => {
			const result = await operation.execute.call(this, context);
			return (Array.isArray(result) ? result : [result]).map((json) => ({ json }));
		}),
	];
}
