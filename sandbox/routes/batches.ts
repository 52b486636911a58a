/** `/sms/{serviceName}/batches`: campaigns (create, list, read, rename, cancel, delete, statistics). */
import { BATCH_CLASSES, batchesOf, batchStatistics, cancelBatch, createBatch, deleteBatch, renameBatch, type BatchOrder } from '../batches';
import { parseIsoDatetime } from '../clock';
import { badRequest, notFound } from '../http';
import { normaliseNumericSender } from '../phone';
import { api, type Route, type RouteContext } from '../router';
import { requireAccount } from '../runtime';
import { SEED } from '../seed';
import type { AccountState, BatchState } from '../types';
import type { SmsBatch, Wire } from '../../lib/ovh/models';
import { accountNumber } from '../views';
import {
	booleanField,
	enumField,
	objectBody,
	rejectUndescribed,
	requiredString,
	stringArrayField,
	stringField,
	type Body,
} from '../validation';

const CREATE_FIELDS = ['message', 'name', 'from', 'senderForResponse', 'to', 'slotID', 'deferred', 'noStop', 'tag', 'class'];

/** `sms.Batch`: OVHcloud's fields only; `accountID` is a long in the model. */
export function batchView(batch: BatchState): Wire<SmsBatch> {
	return {
		id: batch.id,
		accountID: accountNumber(batch.accountID),
		name: batch.name,
		message: batch.message,
		from: batch.from,
		receivers: batch.receivers,
		slotID: batch.slotID,
		status: batch.status,
		totalRecords: batch.totalRecords,
		processedRecords: batch.processedRecords,
		estimatedCredits: batch.estimatedCredits,
		errors: batch.errors,
		createdAt: batch.createdAt,
		updatedAt: batch.updatedAt,
		startedAt: batch.startedAt,
		sentAt: batch.sentAt,
		finishedAt: batch.finishedAt,
	};
}

type SendingIdentity = Pick<BatchOrder, 'from' | 'sender' | 'senderType' | 'virtualNumber' | 'shortcode'>;

function sendingIdentity(account: AccountState, body: Body): SendingIdentity {
	const senderForResponse = booleanField(body, 'senderForResponse') ?? false;
	const from = stringField(body, 'from');
	if (senderForResponse && from) throw badRequest('Give either from or senderForResponse, not both');
	if (senderForResponse) {
		return { from: null, sender: SEED.shortNumber, senderType: 'shortcode', virtualNumber: null, shortcode: SEED.shortNumber };
	}
	if (!from) throw badRequest('[from] Property is mandatory unless senderForResponse is true');
	const sender = account.senders[from] ?? account.senders[normaliseNumericSender(from) ?? ''];
	if (!sender) throw badRequest(`The sender "${from}" does not exist on this account`);
	if (sender.status !== 'enable') throw badRequest(`The sender "${sender.sender}" is not enabled (status: ${sender.status})`);
	return {
		from,
		sender: sender.sender,
		senderType: sender.type,
		virtualNumber: sender.type === 'virtual' ? sender.sender : null,
		shortcode: null,
	};
}

function create(ctx: RouteContext) {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, CREATE_FIELDS, 'creation');
	const message = requiredString(body, 'message');
	const to = stringArrayField(body, 'to');
	const slotID = stringField(body, 'slotID');
	if ((to === undefined) === (slotID === undefined)) throw badRequest('Give either to or slotID');
	if (to !== undefined && to.length === 0) throw badRequest('[to] At least one receiver is expected');
	const deferred = stringField(body, 'deferred');
	if (deferred !== undefined && parseIsoDatetime(deferred) === undefined) {
		throw badRequest(`[deferred] Given data (${deferred}) is not a valid datetime`);
	}
	const smsClass = enumField(body, 'class', Object.keys(BATCH_CLASSES) as Array<keyof typeof BATCH_CLASSES>, 'sms.BatchClassEnum');
	const batch = createBatch(ctx.runtime, account, {
		name: stringField(body, 'name') ?? '',
		message,
		...sendingIdentity(account, body),
		to: to ?? null,
		slotID: slotID ?? null,
		deferred: deferred ?? null,
		noStop: booleanField(body, 'noStop') ?? false,
		tag: stringField(body, 'tag') ?? null,
		class: BATCH_CLASSES[smsClass ?? 'PHONE'],
	});
	return batchView(batch);
}

function findBatch(ctx: RouteContext): { account: AccountState; batch: BatchState } {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const batch = batchesOf(account)[ctx.params.id];
	if (!batch) throw notFound(ctx.params.id);
	return { account, batch };
}

function rename(ctx: RouteContext) {
	const { batch } = findBatch(ctx);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['name'], 'update');
	return batchView(renameBatch(ctx.runtime, batch, requiredString(body, 'name')));
}

const BATCHES = '/sms/{serviceName}/batches';
const BATCH = `${BATCHES}/{id}`;

export const batchRoutes: Route[] = [
	api('GET', BATCHES, (ctx) => Object.values(batchesOf(requireAccount(ctx.runtime, ctx.params.serviceName))).map(batchView)),
	api('POST', BATCHES, create, { cuttable: true }),
	api('GET', BATCH, (ctx) => batchView(findBatch(ctx).batch)),
	api('PUT', BATCH, rename),
	api('DELETE', BATCH, (ctx) => {
		const { account, batch } = findBatch(ctx);
		deleteBatch(ctx.runtime, account, batch);
		return null;
	}),
	api('POST', `${BATCH}/cancel`, (ctx) => {
		const { account, batch } = findBatch(ctx);
		return batchView(cancelBatch(ctx.runtime, account, batch));
	}),
	api('GET', `${BATCH}/statistics`, (ctx) => {
		const { account, batch } = findBatch(ctx);
		return batchStatistics(account, batch);
	}),
];
