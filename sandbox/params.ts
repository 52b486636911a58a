/** Path parameters shared by several route modules. */
import { badRequest, notFound } from './http';
import { normaliseNumericSender } from './phone';
import type { RouteContext } from './router';
import { requireAccount } from './runtime';
import type { AccountState } from './types';

export function longParam(value: string, name = 'id'): number {
	if (!/^\d+$/.test(value)) throw badRequest(`[${name}] Given data (${value}) is not a long`);
	return Number(value);
}

/** A virtual number of the account, written `33…`, `+33…` or `0033…`, as `33…`. */
export function requireVirtualNumber(account: AccountState, raw: string): string {
	const number = normaliseNumericSender(raw);
	if (!number || !account.virtualNumbers[number]) throw notFound(raw);
	return number;
}

/** Base path of the routes a virtual number has (`{number}` = the VLN). */
export const VLN_PATH = '/sms/{serviceName}/virtualNumbers/{number}';

/** The `{number}` of a `VLN_PATH` route, checked. */
export function virtualNumberParam(ctx: RouteContext): string {
	return requireVirtualNumber(requireAccount(ctx.runtime, ctx.params.serviceName), ctx.params.number);
}

/**
 * Whether an SMS shows under this path: a `VLN_PATH` route shows its number's SMS only; the
 * account's own routes show every SMS, or, with the fault `virtualNumberSms: 'numberOnly'`, only
 * those no virtual number sent or received (OVHcloud does not say which it does).
 */
export function inScope(ctx: RouteContext, sms: { virtualNumber: string | null }, virtualNumber?: string): boolean {
	if (virtualNumber) return sms.virtualNumber === virtualNumber;
	return sms.virtualNumber === null || ctx.runtime.faults.current.virtualNumberSms !== 'numberOnly';
}
