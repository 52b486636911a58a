import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { chosenOperation, forEachItem, startRun } from '../../shared/router';
import * as addressBook from './addressBook';
import * as contact from './contact';
import * as recipientList from './recipientList';
import type { Operation } from './types';

const resources: Record<string, Record<string, Operation>> = {
	addressBook: addressBook.operations,
	contact: contact.operations,
	recipientList: recipientList.operations,
};

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = chosenOperation(this, resources);
	return [await forEachItem(this, await startRun(this), async (context) => await operation.execute.call(this, context))];
}
