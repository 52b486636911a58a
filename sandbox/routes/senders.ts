/** `/sms/{serviceName}/senders`: sender requests, moderation, validation codes and justification documents. */
import { randomUUID } from 'node:crypto';
import { formatOvhDate } from '../clock';
import { badRequest, conflict, notFound } from '../http';
import { scheduleSenderDecision } from '../moderation';
import { normaliseNumericSender } from '../phone';
import { api, type Route, type RouteContext } from '../router';
import { requireAccount } from '../runtime';
import { SEED } from '../seed';
import type { AccountState, SenderState, SenderType } from '../types';
import { createUpload, uploadUrls } from '../uploads';
import { enumField, enumValue, objectBody, rejectUndescribed, requiredString, stringField } from '../validation';
import { senderView } from '../views';
import type { SmsSenderDocument, Wire } from '../../lib/ovh/models';

const ALPHA_SENDER = /^[\w\s\-.,&+]+$/;
const AVAILABLE_REASON = 'sendersAvailableForValidation';

function availableForValidation(account: AccountState) {
	return [
		{ referer: 'domain' as const, sender: SEED.domainSender },
		{ referer: 'nichandle' as const, sender: SEED.nichandleSender },
	].filter((candidate) => !account.senders[candidate.sender]);
}

/** The sender's stored name and type; a phone number is stored as digits (`33612345678`). */
function checkSenderName(raw: string): { name: string; type: SenderType } {
	const number = /^(?:\+|00)?\d+$/.test(raw.trim()) ? normaliseNumericSender(raw) : undefined;
	if (number) return { name: number, type: 'numeric' };
	if (/^\d+$/.test(raw)) throw badRequest(`Invalid sender ${raw}: a phone number has 7 to 15 digits`);
	if (raw.length > 11) throw badRequest(`Invalid sender ${raw}: an alphanumeric sender has at most 11 characters`);
	if (!ALPHA_SENDER.test(raw)) {
		throw badRequest(`Invalid sender ${raw}: only letters, digits, spaces and - . , & + are allowed`);
	}
	return { name: raw, type: 'alpha' };
}

export function findSender(account: AccountState, raw: string): SenderState {
	const sender = account.senders[raw] ?? account.senders[normaliseNumericSender(raw) ?? ''];
	if (!sender) throw notFound(raw);
	return sender;
}

function createSender({ runtime, params, body: rawBody }: RouteContext) {
	const account = requireAccount(runtime, params.serviceName);
	const body = objectBody(rawBody);
	rejectUndescribed(body, ['sender', 'description', 'reason'], 'creation');
	const { name, type } = checkSenderName(requiredString(body, 'sender'));
	const description = stringField(body, 'description') ?? '';
	const reason = stringField(body, 'reason');
	if (!reason) throw badRequest('Please provide a reason');
	if (account.senders[name]) throw conflict(`The sender ${name} already exists`);
	const available = reason === AVAILABLE_REASON && availableForValidation(account).find((c) => c.sender === name);
	const sender: SenderState = {
		sender: name,
		description,
		status: available ? 'enable' : 'waitingValidation',
		type,
		referer: available ? (available.referer === 'domain' ? 'domain' : 'nic') : 'custom',
		comment: null,
		validationMedia: type === 'numeric' ? `+${name}` : null,
		decideAt: available ? null : runtime.now() + runtime.options.senderValidationDelayMs,
		documents: {},
	};
	account.senders[name] = sender;
	scheduleSenderDecision(runtime, account.name, sender);
	runtime.changed();
	return name;
}

function updateSender({ runtime, params, body: rawBody }: RouteContext) {
	const account = requireAccount(runtime, params.serviceName);
	const sender = findSender(account, params.sender);
	const body = objectBody(rawBody);
	rejectUndescribed(body, ['description', 'status', 'sender', 'type', 'referer', 'comment', 'validationMedia'], 'update');
	const description = stringField(body, 'description');
	const status = enumField(body, 'status', ['enable', 'disable', 'refused', 'waitingValidation'] as const, 'sms.StatusSenderEnum');
	if (status !== undefined && status !== sender.status) {
		if (status !== 'enable' && status !== 'disable') throw badRequest('The status can only be set to enable or disable');
		if (sender.status !== 'enable' && sender.status !== 'disable') {
			throw badRequest(`The sender ${sender.sender} is ${sender.status}: its status cannot be changed`);
		}
		sender.status = status;
	}
	if (description !== undefined) sender.description = description;
	runtime.changed();
	return null;
}

function deleteSender({ runtime, params }: RouteContext) {
	const account = requireAccount(runtime, params.serviceName);
	const sender = findSender(account, params.sender);
	if (sender.type === 'virtual') throw badRequest('A virtual number sender goes with its virtual number and cannot be deleted');
	delete account.senders[sender.sender];
	runtime.changed();
	return null;
}

function validateSender({ runtime, params, body: rawBody }: RouteContext) {
	const account = requireAccount(runtime, params.serviceName);
	const sender = findSender(account, params.sender);
	const body = objectBody(rawBody);
	rejectUndescribed(body, ['code'], 'creation');
	const code = requiredString(body, 'code');
	if (sender.status !== 'waitingValidation') throw badRequest(`The sender ${sender.sender} is not waiting for validation`);
	if (code !== SEED.senderValidationCode) throw badRequest('Invalid validation code');
	sender.status = 'enable';
	sender.decideAt = null;
	runtime.changed();
	return null;
}

function documentView(ctx: RouteContext, sender: SenderState, documentID: string): Wire<SmsSenderDocument> {
	const document = sender.documents[documentID];
	if (!document) throw notFound(documentID);
	const upload = ctx.runtime.state.uploads[document.uploadId];
	// The model's getUrl cannot be null: a document whose upload slot is gone is not served.
	if (!upload) throw notFound(documentID);
	return {
		documentID: document.documentID,
		name: document.name,
		description: document.description,
		createdAt: document.createdAt,
		size: upload.size,
		...uploadUrls(ctx.origin, upload),
	};
}

function addDocument(ctx: RouteContext) {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const sender = findSender(account, ctx.params.sender);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['name', 'description'], 'creation');
	const name = requiredString(body, 'name');
	const description = stringField(body, 'description') ?? null;
	if (Object.keys(sender.documents).length >= 10) throw badRequest('At most 10 documents can be attached to a sender');
	const upload = createUpload(ctx.runtime);
	const documentID = randomUUID();
	sender.documents[documentID] = {
		documentID,
		name,
		description,
		createdAt: formatOvhDate(ctx.runtime.now()),
		uploadId: upload.id,
	};
	ctx.runtime.changed();
	return documentView(ctx, sender, documentID);
}

function updateDocument(ctx: RouteContext) {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const sender = findSender(account, ctx.params.sender);
	const document = sender.documents[ctx.params.documentID];
	if (!document) throw notFound(ctx.params.documentID);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['name', 'description', 'documentID', 'createdAt', 'size', 'getUrl', 'putUrl'], 'update');
	const name = stringField(body, 'name');
	if (name !== undefined) document.name = name;
	if ('description' in body) document.description = stringField(body, 'description') ?? null;
	ctx.runtime.changed();
	return null;
}

const SENDER = '/sms/{serviceName}/senders/{sender}';

export const senderRoutes: Route[] = [
	api('GET', '/sms/{serviceName}/senders', (ctx) => Object.keys(requireAccount(ctx.runtime, ctx.params.serviceName).senders)),
	api('POST', '/sms/{serviceName}/senders', createSender),
	api('GET', SENDER, (ctx) => senderView(findSender(requireAccount(ctx.runtime, ctx.params.serviceName), ctx.params.sender))),
	api('PUT', SENDER, updateSender),
	api('DELETE', SENDER, deleteSender),
	api('POST', `${SENDER}/validate`, validateSender),
	api('GET', `${SENDER}/documents`, (ctx) =>
		Object.keys(findSender(requireAccount(ctx.runtime, ctx.params.serviceName), ctx.params.sender).documents),
	),
	api('POST', `${SENDER}/documents`, addDocument),
	api('GET', `${SENDER}/documents/{documentID}`, (ctx) =>
		documentView(ctx, findSender(requireAccount(ctx.runtime, ctx.params.serviceName), ctx.params.sender), ctx.params.documentID),
	),
	api('PUT', `${SENDER}/documents/{documentID}`, updateDocument),
	api('GET', '/sms/{serviceName}/sendersAvailableForValidation', (ctx) => {
		const account = requireAccount(ctx.runtime, ctx.params.serviceName);
		const raw = ctx.query.get('referer');
		const referer = raw ? enumValue(raw, 'referer', ['domain', 'nichandle'] as const, 'sms.SenderRefererEnum') : undefined;
		return availableForValidation(account).filter((candidate) => !referer || candidate.referer === referer);
	}),
];
