import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * A problem with one input item, named with the item and the field so that a user of a
 * 10,000-item run knows which row to fix.
 */
export function itemError(node: INode, itemIndex: number, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(node, `${message} [item ${itemIndex}]`, { itemIndex, description });
}
