/**
 * The SMS account a node's Service Name picks, for the editor's lists and searches: its typed
 * routes, or undefined while no account is picked (the list is then empty). Leaves out the
 * execution path, where the router gives each item its own SmsApi.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { SmsApi } from '../../lib/ovh';
import { createOvhClient } from './transport';

export async function chosenAccountApi(ctx: ILoadOptionsFunctions): Promise<SmsApi | undefined> {
	const serviceName = String(ctx.getNodeParameter('serviceName', '', { extractValue: true }) ?? '').trim();
	if (!serviceName) return undefined;
	return new SmsApi(await createOvhClient(ctx), serviceName);
}
