/** `/sms`, `/sms/{serviceName}`, `/sms/estimate`, `/sms/ptts`. */
import type { SmsJobEstimate } from '../../lib/ovh/models';
import { countParts } from '../part-count';
import { badRequest, notFound } from '../http';
import { PTT } from '../ptts';
import { api, type Route, type RouteContext } from '../router';
import { requireAccount } from '../runtime';
import { stopClauseApplies } from '../sending';
import type { SmsResponseState, TemplatesState } from '../types';
import {
	booleanField,
	enumField,
	enumValue,
	httpUrlField,
	longQuery,
	numberField,
	objectBody,
	rejectUndescribed,
	requiredString,
	stringField,
	type Body,
} from '../validation';
import { accountView } from '../views';

const SENDER_TYPES = ['alpha', 'numeric', 'shortcode', 'virtual'] as const;
const RECREDIT_AMOUNTS = [100, 200, 250, 500, 1000, 5000, 10000];
const READ_ONLY = ['name', 'status', 'creditsLeft', 'creditsHoldByQuota', 'userQuantityWithQuota', 'channel', 'smpp', 'iam'];
const WRITABLE = [
	'description',
	'callBack',
	'stopCallBack',
	'smsResponse',
	'automaticRecreditAmount',
	'creditThresholdForAutomaticRecredit',
	'templates',
];

function nestedObject(body: Body, field: string): Body | undefined {
	if (body[field] === undefined || body[field] === null) return undefined;
	const value = body[field];
	if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`[${field}] Given data is not an object`);
	return value as Body;
}

function mergeSmsResponse(current: SmsResponseState, input: Body): SmsResponseState {
	rejectUndescribed(input, ['responseType', 'cgiUrl', 'text', 'trackingDefaultSmsSender', 'trackingOptions'], 'update');
	const next: SmsResponseState = { ...current };
	const responseType = enumField(input, 'responseType', ['cgi', 'none', 'text'] as const, 'sms.ResponseTypeEnum');
	if (responseType) next.responseType = responseType;
	const cgiUrl = httpUrlField(input, 'cgiUrl');
	if (cgiUrl !== undefined) next.cgiUrl = cgiUrl;
	if ('text' in input) next.text = stringField(input, 'text') ?? null;
	if ('trackingDefaultSmsSender' in input) {
		next.trackingDefaultSmsSender = stringField(input, 'trackingDefaultSmsSender') ?? null;
	}
	if (input.trackingOptions !== undefined) {
		if (!Array.isArray(input.trackingOptions)) throw badRequest('[trackingOptions] Given data is not an array');
		next.trackingOptions = input.trackingOptions.map((option: unknown, index) => {
			const item = objectBody(option);
			const field = `trackingOptions[${index}]`;
			return {
				media: enumValue(item.media, `${field}.media`, ['email', 'sms', 'voice'] as const, 'sms.ResponseTrackingMediaEnum'),
				sender: stringField(item, 'sender') ?? '',
				target: stringField(item, 'target') ?? '',
			};
		});
	}
	if (next.responseType === 'cgi' && !next.cgiUrl) throw badRequest('[cgiUrl] A URL is required when responseType is cgi');
	if (next.responseType === 'text' && !next.text) throw badRequest('[text] A text is required when responseType is text');
	return next;
}

function mergeTemplates(current: TemplatesState, input: Body): TemplatesState {
	const fields = ['customizedEmailMode', 'customizedSmsMode', 'emailBody', 'emailFrom', 'emailSubject', 'smsBody'];
	rejectUndescribed(input, fields, 'update');
	const next: TemplatesState = { ...current };
	for (const mode of ['customizedEmailMode', 'customizedSmsMode'] as const) {
		const value = booleanField(input, mode);
		if (value !== undefined) next[mode] = value;
	}
	for (const text of ['emailBody', 'emailFrom', 'emailSubject', 'smsBody'] as const) {
		if (text in input) next[text] = stringField(input, text) ?? null;
	}
	return next;
}

/** Read-only fields are ignored, as a client that PUTs back what it read expects. */
function updateAccount({ runtime, params, body: rawBody }: RouteContext) {
	const account = requireAccount(runtime, params.serviceName);
	const body = objectBody(rawBody);
	rejectUndescribed(body, [...WRITABLE, ...READ_ONLY], 'update');
	// Everything is checked before anything is changed: a refused PUT changes nothing.
	const description = stringField(body, 'description');
	const callBack = httpUrlField(body, 'callBack');
	const stopCallBack = httpUrlField(body, 'stopCallBack');
	const smsResponseInput = nestedObject(body, 'smsResponse');
	const smsResponse = smsResponseInput && mergeSmsResponse(account.smsResponse, smsResponseInput);
	const templatesInput = nestedObject(body, 'templates');
	const templates = templatesInput && mergeTemplates(account.templates, templatesInput);
	let recredit: number | null | undefined;
	if ('automaticRecreditAmount' in body) {
		const value = body.automaticRecreditAmount;
		if (value !== null && !RECREDIT_AMOUNTS.includes(value as number)) {
			throw badRequest(
				`[automaticRecreditAmount] Given data (${String(value)}) does not belong to the sms.PackQuantityAutomaticRecreditEnum enumeration`,
			);
		}
		recredit = value as number | null;
	}
	const threshold = numberField(body, 'creditThresholdForAutomaticRecredit');

	if (description !== undefined) account.description = description;
	// Clearing with "" is assumed; the fault emptyCallbacks: 'kept' ignores it, as feared.
	const keepOnEmpty = (given: unknown) => given === '' && runtime.faults.current.emptyCallbacks === 'kept';
	if (callBack !== undefined && !keepOnEmpty(body.callBack)) account.callBack = callBack;
	if (stopCallBack !== undefined && !keepOnEmpty(body.stopCallBack)) account.stopCallBack = stopCallBack;
	if (smsResponse) account.smsResponse = smsResponse;
	if (templates) account.templates = templates;
	if (recredit !== undefined) account.automaticRecreditAmount = recredit;
	if (threshold !== undefined) account.creditThresholdForAutomaticRecredit = threshold;
	runtime.changed();
	return null;
}

function estimate({ body: rawBody }: RouteContext) {
	const body = objectBody(rawBody);
	rejectUndescribed(body, ['message', 'noStopClause', 'senderType'], 'creation');
	const message = requiredString(body, 'message');
	const noStopClause = booleanField(body, 'noStopClause');
	if (noStopClause === undefined) throw badRequest('[noStopClause] Property is mandatory');
	const senderType = enumField(body, 'senderType', SENDER_TYPES, 'sms.TypeSenderEnum');
	if (!senderType) throw badRequest('[senderType] Property is mandatory');
	const analysis = countParts(message, { stopClause: stopClauseApplies(senderType, noStopClause) });
	const answer: SmsJobEstimate = {
		characters: analysis.units,
		charactersClass: analysis.encoding === 'GSM-7' ? '7bits' : 'unicode',
		maxCharactersPerPart: analysis.perPart,
		parts: analysis.parts,
	};
	return answer;
}

function describePtt({ query }: RouteContext) {
	const ptt = longQuery(query, 'ptt');
	if (ptt === undefined) throw badRequest('[ptt] Property is mandatory');
	const description = PTT[ptt];
	if (!description) throw notFound(ptt);
	return description;
}

export const accountRoutes: Route[] = [
	api('GET', '/sms', ({ runtime }) => Object.keys(runtime.state.accounts)),
	api('POST', '/sms/estimate', estimate),
	api('GET', '/sms/ptts', describePtt),
	api('GET', '/sms/{serviceName}', ({ runtime, params }) => accountView(requireAccount(runtime, params.serviceName))),
	api('PUT', '/sms/{serviceName}', updateAccount),
];
