import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { chosenOperation, forEachItem, startRun } from '../../shared/router';
import * as document from './document';
import * as sender from './sender';
import type { Operation } from './types';

const resources: Record<string, Record<string, Operation>> = {
	sender: sender.operations,
	supportingDocument: document.operations,
};

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = chosenOperation(this, resources);
	return [await forEachItem(this, await startRun(this), async (context) => await operation.execute.call(this, context))];
}
