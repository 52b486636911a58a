/**
 * `/sms/{serviceName}/hlr`: number lookups (HLR). `POST` bills each valid number and answers
 * like a send (`sms.SmsSendingReport`); each lookup is `todo`, then `doing`, then final,
 * `deliveryDelayMs` apart, its result decided by the number's last digits so tests can count
 * on it (see docs/sandbox.md, "Number lookups"). `receiversDocumentUrl` is not emulated.
 */
import { formatOvhDate } from '../clock';
import { badRequest, forbidden, notFound } from '../http';
import { hlrOperatorView, operatorCode } from '../operators';
import { longParam } from '../params';
import { normaliseReceiver } from '../phone';
import { api, type Route, type RouteContext } from '../router';
import { nextId, requireAccount, serverNowMs, type SandboxRuntime } from '../runtime';
import type { AccountState, HlrLookupState } from '../types';
import { objectBody, rejectUndescribed, stringArrayField, stringField } from '../validation';
import type { SmsHlrLookup, SmsHlrStatus, SmsSendingReport, Wire } from '../../lib/ovh/models';
import { HLR_CLEANING_CREDITS_PER_NUMBER } from './receivers';

/** Credits per number looked up: the price of a recipient list's HLR cleaning, which is one lookup per number. */
export const HLR_CREDITS_PER_LOOKUP = HLR_CLEANING_CREDITS_PER_NUMBER;

const lookupsOf = (account: AccountState) => (account.hlr ??= {});

/** What a finished lookup says about a number, by its last four digits. */
function resultOf(msisdn: string) {
	const ends = (digits: string) => msisdn.endsWith(digits);
	const valid = !ends('0000');
	const ported = valid && ends('0007');
	return {
		status: (ends('9999') ? 'doing' : ends('0003') ? 'error' : 'done') as SmsHlrStatus,
		valid,
		reachable: valid && !ends('0001'),
		ported,
		roaming: valid && ends('0008'),
		operatorCode: valid ? operatorCode(msisdn, ported) : '',
	};
}

/** `sms.HlrLookupNumber` as it stands now. */
function lookupView(runtime: SandboxRuntime, lookup: HlrLookupState): Wire<SmsHlrLookup> {
	const elapsed = runtime.now() - lookup.createdAt;
	const step = runtime.options.deliveryDelayMs;
	const result = resultOf(lookup.msisdn);
	const status: SmsHlrStatus = elapsed < step ? 'todo' : elapsed < 2 * step ? 'doing' : result.status;
	const known = status === 'done';
	return {
		id: lookup.id,
		msisdn: lookup.msisdn,
		datetime: lookup.datetime,
		status,
		valid: known && result.valid,
		reachable: known && result.reachable,
		ported: known && result.ported,
		roaming: known && result.roaming,
		operatorCode: known ? result.operatorCode : '',
	};
}

function requireLookup(ctx: RouteContext): HlrLookupState {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const id = longParam(ctx.params.id);
	const lookup = lookupsOf(account)[String(id)];
	if (!lookup) throw notFound(id);
	return lookup;
}

function createLookups(ctx: RouteContext): Wire<SmsSendingReport> {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['receivers', 'receiversDocumentUrl'], 'creation');
	if (stringField(body, 'receiversDocumentUrl') !== undefined)
		throw badRequest('[receiversDocumentUrl] is not emulated by the sandbox; give receivers');
	const receivers = stringArrayField(body, 'receivers');
	if (!receivers?.length) throw badRequest('[receivers] Give at least one number to look up');
	const valid: string[] = [];
	const invalid: string[] = [];
	for (const raw of receivers) {
		const number = normaliseReceiver(raw);
		if (!number) invalid.push(raw);
		else if (!valid.includes(number)) valid.push(number);
	}
	const price = Math.round(valid.length * HLR_CREDITS_PER_LOOKUP * 100) / 100;
	if (price > account.creditsLeft) {
		throw forbidden(`Not enough credits to look these numbers up: ${price} needed, ${account.creditsLeft} left. Nothing was looked up.`);
	}
	account.creditsLeft = Math.round((account.creditsLeft - price) * 100) / 100;
	const now = ctx.runtime.now();
	const ids = valid.map((msisdn) => {
		const lookup: HlrLookupState = {
			id: nextId(ctx.runtime),
			msisdn,
			createdAt: now,
			datetime: formatOvhDate(serverNowMs(ctx.runtime, now)),
			credits: HLR_CREDITS_PER_LOOKUP,
		};
		lookupsOf(account)[String(lookup.id)] = lookup;
		return lookup.id;
	});
	ctx.runtime.changed();
	return { ids, validReceivers: valid, invalidReceivers: invalid, totalCreditsRemoved: price };
}

const HLR = '/sms/{serviceName}/hlr';

export const hlrRoutes: Route[] = [
	api('GET', HLR, (ctx) =>
		Object.values(lookupsOf(requireAccount(ctx.runtime, ctx.params.serviceName)))
			.map((lookup) => lookup.id)
			.sort((a, b) => a - b),
	),
	api('POST', HLR, createLookups, { cuttable: true }),
	api('GET', `${HLR}/{id}`, (ctx) => lookupView(ctx.runtime, requireLookup(ctx))),
	api('GET', `${HLR}/{id}/operator`, (ctx) => {
		const lookup = requireLookup(ctx);
		return hlrOperatorView(lookup.msisdn, resultOf(lookup.msisdn).ported);
	}),
];
