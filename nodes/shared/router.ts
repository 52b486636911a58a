/**
 * What every action node of the pack does around its operations: find the chosen one, run it
 * for each input item, pair each output item with its input, and with "Continue On Fail" turn
 * an item's failure into an error item while the other items go on.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { SmsApi, type OvhClient } from '../../lib/ovh';
import { errorItem, toNodeError } from './errors';

/** What an operation gets for one input item; every action node's operations take this one type. */
export interface PerItemContext {
	client: OvhClient;
	serviceName: string;
	/** The SMS routes of `serviceName`, typed (lib/ovh's SmsApi). */
	api: SmsApi;
	itemIndex: number;
	/**
	 * Lives for one execution: what an operation read once and reuses for the next items (an
	 * upsert of 500 CRM records reads the address book once, not 500 times). Cleared when an
	 * item fails, since a failed write may leave it stale.
	 */
	memo: Map<string, unknown>;
}

/** The operation the node's Resource and Operation parameters name. */
export function chosenOperation<T>(ctx: IExecuteFunctions, resources: Record<string, Record<string, T>>): T {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operationName = ctx.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) throw toNodeError(ctx.getNode(), new Error(`Operation "${operationName}" of "${resource}" is not supported`), 0);
	return operation;
}

export async function forEachItem(
	ctx: IExecuteFunctions,
	client: OvhClient,
	execute: (context: PerItemContext) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const memo = new Map<string, unknown>();
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const serviceName = ctx.getNodeParameter('serviceName', i, '', { extractValue: true }) as string;
			const results = await execute({ client, serviceName, api: new SmsApi(client, serviceName), itemIndex: i, memo });
			for (const result of results) out.push({ ...result, pairedItem: { item: i } });
		} catch (error) {
			memo.clear();
			const nodeError = toNodeError(ctx.getNode(), error, i);
			if (!ctx.continueOnFail()) throw nodeError;
			out.push(errorItem(ctx.getNode(), nodeError, { item: i }));
		}
	}
	return out;
}
