import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { OvhClient } from '../../../lib/ovh';
import type { PerItemContext } from '../../shared/router';

export type ItemContext = PerItemContext;

/** Most operations: one API exchange per input item. */
export interface PerItemOperation {
	execute(this: IExecuteFunctions, context: ItemContext): Promise<IDataObject | IDataObject[]>;
}

/** Operations that look at all items at once (a send merges items into few jobs); they pair
 * and fail their output items themselves. */
export interface AllItemsOperation {
	executeAll(this: IExecuteFunctions, client: OvhClient): Promise<INodeExecutionData[]>;
}

export type Operation = PerItemOperation | AllItemsOperation;
