/**
 * What every action node of the pack does around its operations: find the chosen one, run it
 * for each input item, pair each output item with its input, and with "Continue On Fail" turn
 * an item's failure into an error item while the other items go on.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { RunMemo } from '../../lib/memo';
import { SmsApi, type OvhClient } from '../../lib/ovh';
import { errorItem, toNodeError } from './errors';
import { createOvhClient } from './transport';

/** What lives for one execution of an action node: the signed client and the run's memo. */
export interface RunContext {
	client: OvhClient;
	/**
	 * What an operation read once and reuses for the next items (an upsert of 500 CRM records
	 * reads the address book once, not 500 times): `memo.once(key, read)`. Cleared when an item
	 * fails in the per-item loop, since a failed write may leave it stale.
	 */
	memo: RunMemo;
}

/** What an operation gets for one input item; every action node's operations take this one type. */
export interface PerItemContext extends RunContext {
	serviceName: string;
	/** The SMS routes of `serviceName`, typed (lib/ovh's SmsApi). */
	api: SmsApi;
	itemIndex: number;
}

/** A new execution: the client signed with the node's credentials, and an empty memo. */
export async function startRun(ctx: IExecuteFunctions): Promise<RunContext> {
	return { client: await createOvhClient(ctx), memo: new RunMemo() };
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
	run: RunContext,
	execute: (context: PerItemContext) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const { client, memo } = run;
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
