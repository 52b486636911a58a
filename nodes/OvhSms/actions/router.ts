import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { createOvhClient } from '../../shared/transport';
import { errorItemJson, toNodeError } from '../../shared/errors';
import * as account from './account';
import * as campaign from './campaign';
import * as receivedSms from './receivedSms';
import * as sms from './sms';
import type { Operation } from './types';

const resources: Record<string, Record<string, Operation>> = {
	account: account.operations,
	campaign: campaign.operations,
	receivedSms: receivedSms.operations,
	sms: sms.operations,
};

/** Runs the chosen operation, pairing each output item with the input it came from. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) throw toNodeError(this.getNode(), new Error(`Operation "${operationName}" of "${resource}" is not supported`), 0);

	const client = await createOvhClient(this);
	if ('executeAll' in operation) return [await operation.executeAll.call(this, client)];

	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const serviceName = this.getNodeParameter('serviceName', i, '', { extractValue: true }) as string;
			const result = await operation.execute.call(this, { client, serviceName, itemIndex: i });
			for (const json of Array.isArray(result) ? result : [result]) out.push({ json, pairedItem: { item: i } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, i);
			if (!this.continueOnFail()) throw nodeError;
			out.push({ json: errorItemJson(nodeError), pairedItem: { item: i } });
		}
	}
	return [out];
}
