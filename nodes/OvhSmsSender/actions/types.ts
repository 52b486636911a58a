import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { PerItemContext } from '../../shared/router';

export type ItemContext = PerItemContext;

/** One input item in, its output items out (the router pairs them with the input). */
export interface Operation {
	execute(this: IExecuteFunctions, context: ItemContext): Promise<INodeExecutionData[]>;
}
