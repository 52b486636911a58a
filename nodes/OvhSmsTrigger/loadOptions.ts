import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { createOvhClient } from '../shared/transport';
import { SmsApi } from '../../lib/ovh';

/** The SMS accounts the credential can use. */
export async function getSmsAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await createOvhClient(this);
	const services = await SmsApi.listServices(client);
	return services.map((name) => ({ name, value: name }));
}

/** "All numbers of the account" plus the account's virtual numbers. */
export async function getReceivingNumbers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const all: INodePropertyOptions = { name: 'All Numbers of the Account', value: '' };
	const serviceName = String(this.getNodeParameter('serviceName', '', { extractValue: true }) ?? '');
	if (!serviceName) return [all];
	const numbers = await new SmsApi(await createOvhClient(this), serviceName).listVirtualNumbers();
	return [all, ...numbers.map((number) => ({ name: `+${number.replace(/^(\+|00)/, '')}`, value: number }))];
}
