import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { errorItemJson, toNodeError } from '../../shared/errors';
import { createOvhClient } from '../../shared/transport';
import * as document from './document';
import * as sender from './sender';
import type { Operation } from './types';

const resources: Record<string, Record<string, Operation>> = {
	sender: sender.operations,
	supportingDocument: document.operations,
};

/** Runs the chosen operation for each input item, pairing each output item with its input. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) throw toNodeError(this.getNode(), new Error(`Operation "${operationName}" of "${resource}" is not supported`), 0);

	const client = await createOvhClient(this);
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const serviceName = this.getNodeParameter('serviceName', i, '', { extractValue: true }) as string;
			const results = await operation.execute.call(this, { client, serviceName, itemIndex: i });
			for (const result of results) out.push({ ...result, pairedItem: { item: i } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, i);
			if (!this.continueOnFail()) throw nodeError;
			out.push({ json: errorItemJson(nodeError), pairedItem: { item: i } });
		}
	}
	return [out];
}
