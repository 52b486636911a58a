import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { OvhClient } from '../../../lib/ovh';

export interface ItemContext {
	client: OvhClient;
	serviceName: string;
	itemIndex: number;
	/** Reads worth reusing for the next items; see PerItemContext in nodes/shared/router.ts. */
	memo: Map<string, unknown>;
}

/** One input item in, its output items out (the router pairs them with the input). */
export interface Operation {
	execute(this: IExecuteFunctions, context: ItemContext): Promise<INodeExecutionData[]>;
}
