import { NodeApiError, NodeOperationError, type INode, type INodeExecutionData, type IPairedItemData, type JsonObject } from 'n8n-workflow';
import { OvhApiError } from '../../lib/ovh';

/** What to do about OVHcloud's refusals of the credential itself, which its own words do not say. */
const CREDENTIAL_ADVICE: Record<string, string> = {
	INVALID_CREDENTIAL:
		'The consumer key (or the service account token) is unknown, expired or revoked: create a new consumer key (https://eu.api.ovh.com/createToken/) and put it in the credential.',
	INVALID_KEY: "The application key is unknown to this endpoint: check the credential's application key and endpoint.",
	INVALID_SIGNATURE: "The request signature was refused: check the credential's application secret and consumer key.",
	NOT_GRANTED_CALL: 'The consumer key does not grant this call: create one with the rights listed in the credential.',
};

/** An n8n error that shows OVHcloud's own words (n8n's generic "Bad request" hides them). */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof OvhApiError) {
		const advice = CREDENTIAL_ADVICE[error.errorCode ?? ''];
		return new NodeApiError(node, error.toJSON() as JsonObject, {
			itemIndex,
			message: error.message,
			description:
				(advice ? `${advice} ` : '') +
				(error.queryId
					? `OVHcloud answered: ${error.ovhMessage}. Quote query id ${error.queryId} to OVHcloud support if it persists.`
					: `OVHcloud: ${error.ovhMessage}`),
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

/**
 * A continue-on-fail item. With "On Error › Continue (using error output)" it also carries the
 * error itself: n8n sends an item to the error output only then (or when its json holds nothing
 * but `error`). Only then, because n8n rewrites such an item's json to `{ error }`: on the
 * regular output the item keeps its description (what to do) and HTTP code.
 */
export function errorItem(
	node: INode,
	error: NodeApiError | NodeOperationError,
	pairedItem: IPairedItemData | IPairedItemData[],
	json: JsonObject = errorItemJson(error),
): INodeExecutionData {
	return { json, pairedItem, ...(node.onError === 'continueErrorOutput' ? { error } : {}) };
}
