import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { OvhApiError } from '../../lib/ovh';

/** An n8n error that shows OVHcloud's own words (n8n's generic "Bad request" hides them). */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof OvhApiError) {
		return new NodeApiError(node, error.toJSON() as JsonObject, {
			itemIndex,
			message: error.message,
			description: error.queryId
				? `OVHcloud answered: ${error.ovhMessage}. Quote query id ${error.queryId} to OVHcloud support if it persists.`
				: `OVHcloud: ${error.ovhMessage}`,
			httpCode: error.httpStatus === undefined ? undefined : String(error.httpStatus),
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}

/** The json of a continue-on-fail item: what failed and where, in words a workflow can branch on. */
export function errorItemJson(error: NodeApiError | NodeOperationError): JsonObject {
	return {
		error: error.message,
		...(error.description ? { errorDescription: error.description } : {}),
		...(error instanceof NodeApiError && error.httpCode ? { httpCode: error.httpCode } : {}),
	};
}
