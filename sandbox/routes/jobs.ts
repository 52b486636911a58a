/** `/sms/{serviceName}/jobs` and `/sms/{serviceName}/virtualNumbers/{number}/jobs`: send, list and cancel pending SMS. */
import { badRequest, notFound } from '../http';
import { normaliseNumericSender } from '../phone';
import { resolveReceivers } from '../receiver-sources';
import { inScope, longParam, virtualNumberParam, VLN_PATH } from '../params';
import { api, type Route, type RouteContext } from '../router';
import { requireAccount } from '../runtime';
import { SEED } from '../seed';
import { sendSms, type SendOrder } from '../sending';
import type { AccountState, PendingJobState, SenderType } from '../types';
import {
	booleanField,
	enumField,
	longField,
	objectBody,
	rejectUndescribed,
	requiredString,
	stringArrayField,
	stringField,
	type Body,
} from '../validation';
import { jobView, virtualNumberJobView } from '../views';

const COMMON_FIELDS = [
	'message',
	'receivers',
	'receiversSlotId',
	'receiversDocumentUrl',
	'class',
	'coding',
	'charset',
	'differedPeriod',
	'validityPeriod',
	'priority',
	'tag',
];
const ACCOUNT_ONLY_FIELDS = ['sender', 'senderForResponse', 'noStopClause'];

type CommonOrder = Omit<SendOrder, 'sender' | 'senderType' | 'virtualNumber' | 'shortcode' | 'noStopClause'>;

function readCommonFields(ctx: RouteContext, account: AccountState, body: Body): CommonOrder {
	const message = requiredString(body, 'message');
	const smsClass = enumField(body, 'class', ['flash', 'phoneDisplay', 'sim', 'toolkit'] as const, 'sms.ClassEnum');
	enumField(body, 'coding', ['7bit', '8bit'] as const, 'sms.CodingEnum');
	enumField(body, 'charset', ['UTF-8'] as const, 'sms.CharsetEnum');
	const priority = enumField(body, 'priority', ['high', 'medium', 'low', 'veryLow'] as const, 'sms.PriorityEnum');
	const differedPeriod = longField(body, 'differedPeriod', 0) ?? 0;
	const validityPeriod = longField(body, 'validityPeriod', 0) ?? 2880;
	const tag = stringField(body, 'tag') ?? null;
	const receivers = resolveReceivers(ctx.runtime, account, {
		receivers: stringArrayField(body, 'receivers'),
		receiversSlotId: stringField(body, 'receiversSlotId'),
		receiversDocumentUrl: stringField(body, 'receiversDocumentUrl'),
	});
	return {
		message,
		receivers,
		class: smsClass ?? 'phoneDisplay',
		priority: priority ?? 'high',
		differedPeriod,
		validityPeriod,
		tag,
	};
}

interface ChosenSender {
	sender: string;
	senderType: SenderType;
	virtualNumber: string | null;
	shortcode: string | null;
}

function chooseSender(account: AccountState, body: Body): ChosenSender {
	const senderForResponse = booleanField(body, 'senderForResponse') ?? false;
	const name = stringField(body, 'sender');
	if (senderForResponse && name) throw badRequest('Give either sender or senderForResponse, not both');
	if (senderForResponse) {
		return { sender: SEED.shortNumber, senderType: 'shortcode', virtualNumber: null, shortcode: SEED.shortNumber };
	}
	if (!name) throw badRequest('[sender] Property is mandatory unless senderForResponse is true');
	const sender = account.senders[name] ?? account.senders[normaliseNumericSender(name) ?? ''];
	if (!sender) throw badRequest(`The sender "${name}" does not exist on this account`);
	if (sender.status !== 'enable') {
		throw badRequest(`The sender "${sender.sender}" is not enabled (status: ${sender.status})`);
	}
	return {
		sender: sender.sender,
		senderType: sender.type,
		virtualNumber: sender.type === 'virtual' ? sender.sender : null,
		shortcode: null,
	};
}

function sendFromAccount(ctx: RouteContext) {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, [...COMMON_FIELDS, ...ACCOUNT_ONLY_FIELDS], 'creation');
	const common = readCommonFields(ctx, account, body);
	const noStopClause = booleanField(body, 'noStopClause') ?? false;
	const sender = chooseSender(account, body);
	return sendSms(ctx.runtime, account, { ...common, ...sender, noStopClause });
}

function sendFromVirtualNumber(ctx: RouteContext) {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const number = virtualNumberParam(ctx);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, COMMON_FIELDS, 'creation');
	const common = readCommonFields(ctx, account, body);
	return sendSms(ctx.runtime, account, {
		...common,
		sender: number,
		senderType: 'virtual',
		virtualNumber: number,
		shortcode: null,
		noStopClause: true,
	});
}

function pendingJobs(ctx: RouteContext, virtualNumber?: string): PendingJobState[] {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	return Object.values(account.jobs).filter((job) => inScope(ctx, job, virtualNumber));
}

function findJob(ctx: RouteContext, virtualNumber?: string): { account: AccountState; job: PendingJobState } {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const id = longParam(ctx.params.id);
	const job = account.jobs[id];
	if (!job || !inScope(ctx, job, virtualNumber)) throw notFound(id);
	return { account, job };
}

/** Cancels a pending SMS and gives its credits back. */
function cancelJob(ctx: RouteContext, virtualNumber?: string) {
	const { account, job } = findJob(ctx, virtualNumber);
	delete account.jobs[job.id];
	account.creditsLeft += job.credits;
	ctx.runtime.changed();
	return null;
}

export const jobRoutes: Route[] = [
	api('POST', '/sms/{serviceName}/jobs', sendFromAccount, { cuttable: true }),
	api('GET', '/sms/{serviceName}/jobs', (ctx) => pendingJobs(ctx).map((job) => job.id)),
	api('GET', '/sms/{serviceName}/jobs/{id}', (ctx) => jobView(findJob(ctx).job)),
	api('DELETE', '/sms/{serviceName}/jobs/{id}', (ctx) => cancelJob(ctx)),

	api('POST', `${VLN_PATH}/jobs`, sendFromVirtualNumber, { cuttable: true }),
	api('GET', `${VLN_PATH}/jobs`, (ctx) => pendingJobs(ctx, virtualNumberParam(ctx)).map((job) => job.id)),
	api('GET', `${VLN_PATH}/jobs/{id}`, (ctx) => virtualNumberJobView(findJob(ctx, virtualNumberParam(ctx)).job)),
	api('DELETE', `${VLN_PATH}/jobs/{id}`, (ctx) => cancelJob(ctx, virtualNumberParam(ctx))),
];
