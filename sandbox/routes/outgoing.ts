/** `/sms/{serviceName}/outgoing` (and the virtual number's): sent SMS history, delivery state, HLR. */
import { parseIsoDatetime } from '../clock';
import { notFound } from '../http';
import { hlrOperatorView } from '../operators';
import { normaliseReceiver } from '../phone';
import { inScope, longParam, virtualNumberParam, VLN_PATH } from '../params';
import { api, type Route, type RouteContext } from '../router';
import { requireAccount } from '../runtime';
import type { AccountState, OutgoingState } from '../types';
import { datetimeQuery, longQuery } from '../validation';
import { outgoingView } from '../views';

function listOutgoing(ctx: RouteContext, virtualNumber?: string): number[] {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const { query } = ctx;
	const from = datetimeQuery(query, 'creationDatetime.from');
	const to = datetimeQuery(query, 'creationDatetime.to');
	const ptt = longQuery(query, 'ptt');
	const deliveryReceipt = longQuery(query, 'deliveryReceipt');
	const differedDelivery = longQuery(query, 'differedDelivery');
	const rawReceiver = query.get('receiver');
	const receiver = rawReceiver ? (normaliseReceiver(rawReceiver) ?? rawReceiver) : undefined;
	const text = (name: string) => query.get(name) || undefined;
	const sender = text('sender');
	const tag = text('tag');
	const batchID = text('batchID');
	const messageID = text('messageID');
	return Object.values(account.outgoing)
		.filter((sms) => {
			if (!inScope(ctx, sms, virtualNumber)) return false;
			const created = parseIsoDatetime(sms.creationDatetime)!;
			return (
				(from === undefined || created >= from) &&
				(to === undefined || created <= to) &&
				(ptt === undefined || sms.ptt === ptt) &&
				(deliveryReceipt === undefined || sms.deliveryReceipt === deliveryReceipt) &&
				(differedDelivery === undefined || sms.differedDelivery === differedDelivery) &&
				(receiver === undefined || sms.receiver === receiver) &&
				(sender === undefined || sms.sender === sender) &&
				(tag === undefined || sms.tag === tag) &&
				(batchID === undefined || sms.batchID === batchID) &&
				(messageID === undefined || sms.messageID === messageID)
			);
		})
		.map((sms) => sms.id);
}

function findOutgoing(ctx: RouteContext, virtualNumber?: string): { account: AccountState; sms: OutgoingState } {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const id = longParam(ctx.params.id);
	const sms = account.outgoing[id];
	if (!sms || !inScope(ctx, sms, virtualNumber)) throw notFound(id);
	return { account, sms };
}

function deleteOutgoing(ctx: RouteContext, virtualNumber?: string) {
	const { account, sms } = findOutgoing(ctx, virtualNumber);
	delete account.outgoing[sms.id];
	ctx.runtime.changed();
	return null;
}

/** A plausible operator lookup from the country code; the sandbox knows no real network. */
function hlr(ctx: RouteContext) {
	return hlrOperatorView(findOutgoing(ctx).sms.receiver);
}

export const outgoingRoutes: Route[] = [
	api('GET', '/sms/{serviceName}/outgoing', (ctx) => listOutgoing(ctx)),
	api('GET', '/sms/{serviceName}/outgoing/{id}', (ctx) => outgoingView(findOutgoing(ctx).sms)),
	api('DELETE', '/sms/{serviceName}/outgoing/{id}', (ctx) => deleteOutgoing(ctx)),
	api('GET', '/sms/{serviceName}/outgoing/{id}/hlr', hlr),
	api('GET', `${VLN_PATH}/outgoing`, (ctx) => listOutgoing(ctx, virtualNumberParam(ctx))),
	api('GET', `${VLN_PATH}/outgoing/{id}`, (ctx) => outgoingView(findOutgoing(ctx, virtualNumberParam(ctx)).sms)),
	api('DELETE', `${VLN_PATH}/outgoing/{id}`, (ctx) => deleteOutgoing(ctx, virtualNumberParam(ctx))),
];
