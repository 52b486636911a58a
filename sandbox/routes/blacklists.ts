/** `/sms/{serviceName}/blacklists`: numbers that replied STOP. */
import { notFound } from '../http';
import { normaliseReceiver } from '../phone';
import { api, type Route, type RouteContext } from '../router';
import { requireAccount } from '../runtime';
import type { AccountState, BlacklistState } from '../types';
import { longQuery } from '../validation';
import { blacklistView } from '../views';

function findEntry(ctx: RouteContext): { account: AccountState; entry: BlacklistState } {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const raw = ctx.params.number;
	const entry = account.blacklists[normaliseReceiver(raw) ?? raw];
	if (!entry) throw notFound(raw);
	return { account, entry };
}

export const blacklistRoutes: Route[] = [
	api('GET', '/sms/{serviceName}/blacklists', (ctx) => {
		const account = requireAccount(ctx.runtime, ctx.params.serviceName);
		const batchID = ctx.query.get('batchID') || undefined;
		const smsOutgoingID = longQuery(ctx.query, 'smsOutgoingID');
		return Object.values(account.blacklists)
			.filter(
				(entry) =>
					(batchID === undefined || entry.batchID === batchID) && (smsOutgoingID === undefined || entry.smsOutgoingID === smsOutgoingID),
			)
			.map((entry) => entry.number);
	}),
	api('GET', '/sms/{serviceName}/blacklists/{number}', (ctx) => blacklistView(findEntry(ctx).entry)),
	api('DELETE', '/sms/{serviceName}/blacklists/{number}', (ctx) => {
		const { account, entry } = findEntry(ctx);
		delete account.blacklists[entry.number];
		ctx.runtime.changed();
		return null;
	}),
];
