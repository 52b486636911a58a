import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [];

/**
 * The `token` of a callback URL is the secret that lets a caller start the OVHcloud SMS
 * Trigger's workflow: it must not end up in execution data, which every editor can read.
 */
function withoutToken(value: unknown): unknown {
	if (typeof value !== 'string' || !value.includes('token=')) return value;
	return value.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

export async function execute(this: IExecuteFunctions, { api }: PerItemContext): Promise<IDataObject> {
	const account = await api.getAccount();
	const out: IDataObject = { ...account };
	for (const key of ['callBack', 'stopCallBack']) if (key in out) out[key] = withoutToken(out[key]) as IDataObject[string];
	const smsResponse = out.smsResponse;
	if (smsResponse && typeof smsResponse === 'object' && !Array.isArray(smsResponse) && 'cgiUrl' in smsResponse) {
		out.smsResponse = { ...smsResponse, cgiUrl: withoutToken(smsResponse.cgiUrl) as IDataObject[string] };
	}
	return out;
}
