import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { PerItemContext, RunContext } from '../../shared/router';

export type { PerItemContext, RunContext };

/** Most operations: one API exchange per input item. */
export interface PerItemOperation {
	execute(this: IExecuteFunctions, context: PerItemContext): Promise<IDataObject | IDataObject[]>;
}

/** Operations that look at all items at once (a send merges items into few jobs); they pair
 * and fail their output items themselves. */
export interface AllItemsOperation {
	executeAll(this: IExecuteFunctions, run: RunContext): Promise<INodeExecutionData[]>;
}

export type Operation = PerItemOperation | AllItemsOperation;
