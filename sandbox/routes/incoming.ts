/** `/sms/{serviceName}/incoming` (and the virtual number's): received replies. */
import { parseIsoDatetime } from '../clock';
import { notFound } from '../http';
import { inScope, longParam, virtualNumberParam, VLN_PATH } from '../params';
import { normaliseReceiver } from '../phone';
import { api, type Route, type RouteContext } from '../router';
import { requireAccount } from '../runtime';
import type { AccountState, IncomingState } from '../types';
import { datetimeQuery } from '../validation';
import { incomingView } from '../views';

function listIncoming(ctx: RouteContext, virtualNumber?: string): number[] {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const from = datetimeQuery(ctx.query, 'creationDatetime.from');
	const to = datetimeQuery(ctx.query, 'creationDatetime.to');
	const rawSender = ctx.query.get('sender') || undefined;
	const sender = rawSender && (normaliseReceiver(rawSender) ?? rawSender);
	const tag = ctx.query.get('tag') || undefined;
	return Object.values(account.incoming)
		.filter((sms) => {
			if (!inScope(ctx, sms, virtualNumber)) return false;
			const created = parseIsoDatetime(sms.creationDatetime)!;
			return (
				(from === undefined || created >= from) &&
				(to === undefined || created <= to) &&
				(sender === undefined || sms.sender === sender) &&
				(tag === undefined || sms.tag === tag)
			);
		})
		.map((sms) => sms.id);
}

function findIncoming(ctx: RouteContext, virtualNumber?: string): { account: AccountState; sms: IncomingState } {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const id = longParam(ctx.params.id);
	const sms = account.incoming[id];
	if (!sms || !inScope(ctx, sms, virtualNumber)) throw notFound(id);
	return { account, sms };
}

function deleteIncoming(ctx: RouteContext, virtualNumber?: string) {
	const { account, sms } = findIncoming(ctx, virtualNumber);
	delete account.incoming[sms.id];
	ctx.runtime.changed();
	return null;
}

export const incomingRoutes: Route[] = [
	api('GET', '/sms/{serviceName}/incoming', (ctx) => listIncoming(ctx)),
	api('GET', '/sms/{serviceName}/incoming/{id}', (ctx) => incomingView(findIncoming(ctx).sms)),
	api('DELETE', '/sms/{serviceName}/incoming/{id}', (ctx) => deleteIncoming(ctx)),
	api('GET', `${VLN_PATH}/incoming`, (ctx) => listIncoming(ctx, virtualNumberParam(ctx))),
	api('GET', `${VLN_PATH}/incoming/{id}`, (ctx) => incomingView(findIncoming(ctx, virtualNumberParam(ctx)).sms)),
	api('DELETE', `${VLN_PATH}/incoming/{id}`, (ctx) => deleteIncoming(ctx, virtualNumberParam(ctx))),
];
