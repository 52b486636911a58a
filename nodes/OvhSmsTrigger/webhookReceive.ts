/**
 * Webhook mode, receiving: OVHcloud's call is checked (size, secret token), read in either of
 * its shapes (form POST or GET query), optionally confirmed against the API, filtered, and
 * only then starts the workflow. A refused call gets an error status and starts nothing.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import type { OvhClient } from '../../lib/ovh';
import { callbackFields, sameWebhookEndpoint, tokenMatches, type CallbackFields } from '../../lib/replies';
import { createOvhClient } from '../shared/transport';
import { openLedger, rememberTestEvent, saveLedger } from './emissions';
import { activeUrlOf, TRIGGER_EVENTS, type Verdict } from './events';
import { readAccountCallbacks } from './ovhSmsApi';
import { readTriggerSettings, type TriggerSettings } from './settings';
import { readRegistration } from './webhookSetup';

/** A reply or a report is a few hundred bytes; anything much larger is not OVHcloud. */
export const MAX_CALLBACK_BYTES = 32 * 1024;

/** The parts of n8n's (express) response this node uses, all from node:http's ServerResponse. */
interface PlainResponse {
	headersSent: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body?: string): unknown;
}

interface CallbackRequest {
	headers?: Record<string, string | string[] | undefined>;
	rawBody?: { length: number };
	query?: unknown;
	body?: unknown;
}

function respond(ctx: IWebhookFunctions, verdict: Verdict): IWebhookResponseData {
	const response = ctx.getResponseObject() as unknown as PlainResponse;
	if (!response.headersSent) {
		response.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
		response.end(verdict.text);
	}
	return verdict.event ? { noWebhookResponse: true, workflowData: [[{ json: verdict.event }]] } : { noWebhookResponse: true };
}

function bodySize(request: CallbackRequest): number {
	const declared = Number(request.headers?.['content-length'] ?? 0);
	return Math.max(Number.isFinite(declared) ? declared : 0, request.rawBody?.length ?? 0);
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Whether the call carries the token of the URL registered at OVHcloud. Normally read from
 * the static data `create` wrote. n8n makes the webhook live a moment before it saves that
 * static data (and static data can be lost), so without it the account itself is asked:
 * the URL it calls for this event must be this node's, with this token.
 */
async function isAuthorised(ctx: IWebhookFunctions, settings: TriggerSettings, given: unknown): Promise<boolean> {
	const registration = readRegistration(ctx.getWorkflowStaticData('node'), settings);
	if (registration) return tokenMatches(given, registration.token);
	if (typeof given !== 'string' || !TOKEN_SHAPE.test(given) || !settings.serviceName) return false;
	const account = await readAccountCallbacks(await createOvhClient(ctx, { sharedApiClock: true }), settings.serviceName);
	const url = activeUrlOf(account, settings.event);
	const ours = ctx.getNodeWebhookUrl('default');
	if (!url || !ours || !sameWebhookEndpoint(url, ours)) return false;
	return tokenMatches(given, new URL(url).searchParams.get('token'));
}

export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as unknown as CallbackRequest;
	if (bodySize(request) > MAX_CALLBACK_BYTES) return respond(this, { status: 413, text: 'Too large' });

	const settings = readTriggerSettings(this);
	const query = (this.getQueryData() ?? {}) as IDataObject;
	const fields = callbackFields(query, this.getBodyData());
	let authorised = false;
	let verdict: Verdict;
	try {
		authorised = await isAuthorised(this, settings, query.token);
		if (!authorised) return respond(this, { status: 401, text: 'Unauthorized' });
		verdict = await receiveEvent(await createOvhClient(this, { sharedApiClock: true }), settings, fields);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		this.logger.warn(`OVHcloud SMS Trigger could not check a callback: ${reason}`);
		// The caller proved it holds the token; only the read-back failed. The user chooses
		// between missing an event in an outage and starting on one the API did not confirm.
		verdict =
			authorised && settings.unconfirmedEvents === 'emitUnverified'
				? withReason(await receiveEvent(undefined, settings, fields), reason)
				: { status: 503, text: 'Try again later' };
	}
	return respond(this, once(this, settings, verdict));
}

/**
 * An event already emitted (pushed twice, or found first by the reconciling poll) is answered
 * 200 and starts nothing. A test call's event is kept for the editor's test run.
 */
function once(ctx: IWebhookFunctions, settings: TriggerSettings, verdict: Verdict): Verdict {
	if (!verdict.event || verdict.eventId === undefined) return verdict;
	if (ctx.getMode() === 'manual') {
		rememberTestEvent(ctx, verdict.event, Date.now());
		return verdict;
	}
	const staticData = ctx.getWorkflowStaticData('node');
	const ledger = openLedger(ctx, settings, staticData);
	if (!ledger.claim(verdict.eventId)) return { status: 200, text: 'OK (already received)' };
	// n8n saves the static data a call loaded, whole, after the call. A call that came before
	// the activation's save loaded none of it (no registration): writing would make n8n save
	// that empty copy over the registration. The claim stays in memory; the poll saves it.
	if (readRegistration(staticData, settings)) saveLedger(settings, staticData, ledger);
	return verdict;
}

async function receiveEvent(client: OvhClient | undefined, settings: TriggerSettings, fields: CallbackFields): Promise<Verdict> {
	return await TRIGGER_EVENTS[settings.event].receive(client, settings, fields);
}

function withReason(verdict: Verdict, reason: string): Verdict {
	return verdict.event ? { ...verdict, event: { ...verdict.event, verificationError: reason } } : verdict;
}
