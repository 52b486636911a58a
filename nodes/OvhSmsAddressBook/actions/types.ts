import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { PerItemContext, RunContext } from '../../shared/router';

export type { PerItemContext, RunContext };

/** One input item in, its output items out (the router pairs them with the input). */
export interface Operation {
	execute(this: IExecuteFunctions, context: PerItemContext): Promise<INodeExecutionData[]>;
}
