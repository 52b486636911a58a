import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { OvhClient } from '../../../lib/ovh';

export interface ItemContext {
	client: OvhClient;
	serviceName: string;
	itemIndex: number;
	/**
	 * Lives for one execution: what an operation read once and reuses for the next items (an
	 * upsert of 500 CRM records reads the address book once, not 500 times).
	 */
	memo: Map<string, unknown>;
}

/** One input item in, its output items out (the router pairs them with the input). */
export interface Operation {
	execute(this: IExecuteFunctions, context: ItemContext): Promise<INodeExecutionData[]>;
}
