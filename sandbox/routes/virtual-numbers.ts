/** `/sms/{serviceName}/virtualNumbers`: the account's virtual numbers (their jobs, outgoing and incoming live with those areas). */
import { VLN_PATH, virtualNumberParam } from '../params';
import { api, type Route } from '../router';
import { requireAccount } from '../runtime';

export const virtualNumberRoutes: Route[] = [
	api('GET', '/sms/{serviceName}/virtualNumbers', (ctx) => Object.keys(requireAccount(ctx.runtime, ctx.params.serviceName).virtualNumbers)),
	api('GET', VLN_PATH, (ctx) => {
		const account = requireAccount(ctx.runtime, ctx.params.serviceName);
		const { countryCode, number } = account.virtualNumbers[virtualNumberParam(ctx)];
		return { countryCode, number };
	}),
];
