/**
 * Campaigns (`/batches`): receivers read once at creation (a list, or a receivers slot whose
 * other columns fill the message's `#column#` placeholders), credits reserved at creation, then
 * a timeline run by the scheduler: INSERTING → INSERTED → (the deferred time) → PENDING while
 * the receivers are handed to the operator a chunk at a time → COMPLETED once every SMS has its
 * final delivery report. The SMS are ordinary outgoing SMS carrying the batch's `batchID`, so
 * they walk through the same delivery progression as any other and the statistics move with it.
 */
import { randomUUID } from 'node:crypto';
import { countParts, MAX_PARTS, STOP_CLAUSE } from './part-count';
import { formatOvhDate, parseIsoDatetime } from './clock';
import { newOutgoing, scheduleOutgoing } from './delivery';
import { badRequest, conflict, forbidden } from './http';
import { normaliseReceiver } from './phone';
import { readSlotRows } from './receiver-slots';
import { nextId, serverNowMs, type SandboxRuntime } from './runtime';
import { stopClauseApplies } from './sending';
import type { AccountState, BatchRecordState, BatchState, SenderType, SmsRecordBase } from './types';

/** Receivers handed to the operator per step (`deliveryDelayMs` apart), so progress is visible. */
export const BATCH_RECORDS_PER_STEP = 2000;

export const BATCH_CLASSES = { FLASH: 'flash', PHONE: 'phoneDisplay', SIM: 'sim' } as const;

export interface BatchOrder {
	name: string;
	message: string;
	from: string | null;
	sender: string;
	senderType: SenderType;
	virtualNumber: string | null;
	shortcode: string | null;
	to: string[] | null;
	slotID: string | null;
	/** ISO 8601, already checked; null (or a past time) starts as soon as the receivers are inserted. */
	deferred: string | null;
	noStop: boolean;
	tag: string | null;
	class: string;
}

export interface BatchStatistics {
	id: string;
	credits: number;
	estimatedCredits: number;
	delivered: number;
	failed: number;
	pending: number;
	sent: number;
	stoplisted: number;
}

/** Campaigns of a state file written before campaigns existed are simply none. */
export function batchesOf(account: AccountState): Record<string, BatchState> {
	return (account.batches ??= {});
}

const PLACEHOLDER = /#([^#\s]+)#/g;

/** `#column#` replaced by the row's value; a name that is not a column stays as written. */
export function substitutePlaceholders(message: string, columns: Record<string, string>): string {
	return message.replace(PLACEHOLDER, (whole, name: string) =>
		Object.prototype.hasOwnProperty.call(columns, name) ? columns[name] : whole,
	);
}

const hasLink = (text: string) => /https?:\/\/|www\./i.test(text);

interface ReceiverRow {
	given: string;
	columns: Record<string, string> | null;
}

function receiverRows(account: AccountState, order: BatchOrder): ReceiverRow[] {
	if (order.to) return order.to.map((given) => ({ given, columns: null }));
	return readSlotRows(account, order.slotID!, 'slotID').map((row) => ({ given: row.number, columns: row.columns }));
}

/** Reads the receivers, prices each personalised text, reserves the credits and schedules the insertion. */
export function createBatch(runtime: SandboxRuntime, account: AccountState, order: BatchOrder): BatchState {
	if (account.status !== 'enable') throw forbidden('This SMS account is disabled');
	const stopClause = stopClauseApplies(order.senderType, order.noStop);
	const template = countParts(order.message, { stopClause });
	if (template.parts > MAX_PARTS) {
		throw badRequest(`Message too long: ${template.parts} parts, at most ${MAX_PARTS} are allowed`);
	}
	if (order.senderType === 'shortcode' && hasLink(order.message)) {
		throw badRequest('Links are not allowed in SMS sent from a short number (senderForResponse)');
	}

	const rows = receiverRows(account, order);
	const records: BatchRecordState[] = [];
	const errors: BatchState['errors'] = [];
	const seen = new Set<string>();
	let needed = 0;
	for (const row of rows) {
		const receiver = normaliseReceiver(row.given);
		if (!receiver) {
			errors.push({ receiver: row.given, message: 'Invalid receiver: an international number (+ or 00, then 7 to 15 digits) is expected' });
			continue;
		}
		if (seen.has(receiver)) {
			errors.push({ receiver: row.given, message: 'Duplicate receiver: this number is already in the batch' });
			continue;
		}
		seen.add(receiver);
		if (account.blacklists[receiver]) {
			records.push({ receiver, text: null, parts: 0, smsId: null, outcome: 'stoplisted' });
			continue;
		}
		let text: string | null = null;
		let parts = template.parts;
		if (row.columns) {
			const personalised = substitutePlaceholders(order.message, row.columns);
			if (personalised !== order.message) {
				parts = countParts(personalised, { stopClause }).parts;
				text = stopClause ? personalised + STOP_CLAUSE : personalised;
			}
		}
		if (parts > MAX_PARTS) {
			errors.push({ receiver: row.given, message: `Message too long once personalised: ${parts} parts` });
			continue;
		}
		if (text !== null && order.senderType === 'shortcode' && hasLink(text)) {
			errors.push({ receiver: row.given, message: 'Links are not allowed in SMS sent from a short number' });
			continue;
		}
		records.push({ receiver, text, parts, smsId: null, outcome: null });
		needed += parts;
	}
	if (needed > account.creditsLeft) {
		throw forbidden(`Not enough credits to send this batch: ${needed} needed, ${account.creditsLeft} left. Nothing was sent.`);
	}
	account.creditsLeft -= needed;

	const now = runtime.now();
	const created = formatOvhDate(now);
	const batch: BatchState = {
		id: randomUUID(),
		accountID: account.name,
		name: order.name,
		message: order.message,
		from: order.from,
		receivers: order.to,
		slotID: order.slotID,
		status: 'INSERTING',
		totalRecords: rows.length,
		processedRecords: 0,
		estimatedCredits: needed,
		errors,
		createdAt: created,
		updatedAt: created,
		startedAt: null,
		sentAt: null,
		finishedAt: null,
		deferred: order.deferred,
		noStop: order.noStop,
		tag: order.tag,
		sender: order.sender,
		senderType: order.senderType,
		virtualNumber: order.virtualNumber,
		shortcode: order.shortcode,
		class: order.class,
		sentText: stopClause ? order.message + STOP_CLAUSE : order.message,
		records,
		nextStepAt: now,
	};
	batchesOf(account)[batch.id] = batch;
	runtime.changed();
	scheduleBatch(runtime, account.name, batch);
	return batch;
}

/** Only a batch whose sending has not started can be cancelled. */
export function cancelBatch(runtime: SandboxRuntime, account: AccountState, batch: BatchState): BatchState {
	if ((batch.status !== 'INSERTING' && batch.status !== 'INSERTED') || batch.startedAt !== null) {
		throw badRequest(`Only a batch that has not started sending can be cancelled (status: ${batch.status})`);
	}
	batch.status = 'TO_CANCEL';
	touch(runtime, batch);
	batch.nextStepAt = runtime.now();
	runtime.changed();
	scheduleBatch(runtime, account.name, batch);
	return batch;
}

export function renameBatch(runtime: SandboxRuntime, batch: BatchState, name: string): BatchState {
	batch.name = name;
	touch(runtime, batch);
	runtime.changed();
	return batch;
}

const FINISHED = new Set(['COMPLETED', 'FAILED', 'CANCELED']);

export function deleteBatch(runtime: SandboxRuntime, account: AccountState, batch: BatchState): void {
	if (!FINISHED.has(batch.status)) {
		throw conflict(`The batch is ${batch.status}: cancel it, or wait until it is finished, before deleting it`);
	}
	delete batchesOf(account)[batch.id];
	runtime.changed();
}

export function scheduleBatch(runtime: SandboxRuntime, serviceName: string, batch: BatchState): void {
	const dueAt = batch.nextStepAt;
	if (dueAt === null) return;
	runtime.scheduler.at(dueAt, () => {
		const current = runtime.state.accounts[serviceName] && batchesOf(runtime.state.accounts[serviceName])[batch.id];
		// Deleted, reset, or rescheduled since (a cancel): this task is stale.
		if (current !== batch || batch.nextStepAt !== dueAt) return;
		advanceBatch(runtime, serviceName, batch);
	});
}

function touch(runtime: SandboxRuntime, batch: BatchState): void {
	batch.updatedAt = formatOvhDate(runtime.now());
}

function next(runtime: SandboxRuntime, serviceName: string, batch: BatchState, at: number | null): void {
	batch.nextStepAt = at;
	touch(runtime, batch);
	runtime.changed();
	scheduleBatch(runtime, serviceName, batch);
}

function advanceBatch(runtime: SandboxRuntime, serviceName: string, batch: BatchState): void {
	const account = runtime.state.accounts[serviceName];
	const now = runtime.now();
	const delay = runtime.options.deliveryDelayMs;
	switch (batch.status) {
		case 'INSERTING': {
			batch.status = 'INSERTED';
			// Rejected receivers are done with as soon as they are inserted.
			batch.processedRecords = batch.errors.length;
			const startAt = batch.deferred ? parseIsoDatetime(batch.deferred) : undefined;
			next(runtime, serviceName, batch, startAt !== undefined && startAt > now ? startAt : now);
			return;
		}
		case 'INSERTED':
			batch.status = 'PENDING';
			batch.startedAt = formatOvhDate(now);
			next(runtime, serviceName, batch, now);
			return;
		case 'PENDING': {
			if (batch.processedRecords < batch.totalRecords) {
				sendChunk(runtime, account, batch, now);
				const done = batch.processedRecords >= batch.totalRecords;
				if (done) batch.sentAt = formatOvhDate(now);
				// The last SMS gets its final report two delivery steps after it is handed over.
				next(runtime, serviceName, batch, done ? now + 2 * delay + 1 : now + delay);
				return;
			}
			const statistics = batchStatistics(account, batch);
			if (statistics.pending > 0) {
				next(runtime, serviceName, batch, now + Math.max(1, delay));
				return;
			}
			batch.status = statistics.sent === 0 ? 'FAILED' : 'COMPLETED';
			batch.finishedAt = formatOvhDate(now);
			next(runtime, serviceName, batch, null);
			return;
		}
		case 'TO_CANCEL':
			batch.status = 'CANCELING';
			next(runtime, serviceName, batch, now);
			return;
		case 'CANCELING': {
			// Nothing was handed to the operator: every reserved credit goes back.
			account.creditsLeft += batch.estimatedCredits;
			batch.status = 'CANCELED';
			batch.finishedAt = formatOvhDate(now);
			next(runtime, serviceName, batch, null);
			return;
		}
		default:
			batch.nextStepAt = null;
	}
}

/** Hands the next receivers to the operator. `processedRecords` counts the rejected receivers
 * (done with at insertion) and then the records in order, so it says where to resume. */
function sendChunk(runtime: SandboxRuntime, account: AccountState, batch: BatchState, now: number): void {
	const start = batch.processedRecords - batch.errors.length;
	const end = Math.min(batch.records.length, start + BATCH_RECORDS_PER_STEP);
	const created = formatOvhDate(serverNowMs(runtime, now));
	for (let i = start; i < end; i++) {
		const record = batch.records[i];
		if (record.outcome === 'stoplisted') continue;
		// A receiver who answered STOP since the batch was created is not written to, and not billed.
		if (account.blacklists[record.receiver]) {
			record.outcome = 'stoplisted';
			account.creditsLeft += record.parts;
			continue;
		}
		const text = record.text ?? batch.sentText;
		const base: SmsRecordBase = {
			id: nextId(runtime),
			creationDatetime: created,
			credits: record.parts,
			message: text,
			messageLength: text.length,
			numberOfSms: record.parts,
			ptt: 0,
			deliveryReceipt: 0,
			differedDelivery: 0,
			receiver: record.receiver,
			sender: batch.sender,
			tag: batch.tag,
			class: batch.class,
			priority: 'high',
			validityPeriod: 2880,
			virtualNumber: batch.virtualNumber,
			shortcode: batch.shortcode,
			batchID: batch.id,
		};
		const outgoing = newOutgoing(runtime, base);
		account.outgoing[outgoing.id] = outgoing;
		scheduleOutgoing(runtime, account.name, outgoing);
		record.smsId = outgoing.id;
	}
	batch.processedRecords += end - start;
}

/**
 * delivered + failed + pending + stoplisted = totalRecords (rejected receivers count as failed);
 * `sent` counts the SMS handed to the operator, whatever became of them.
 */
export function batchStatistics(account: AccountState, batch: BatchState): BatchStatistics {
	let delivered = 0;
	let failed = batch.errors.length;
	let pending = 0;
	let sent = 0;
	let stoplisted = 0;
	let credits = 0;
	for (const record of batch.records) {
		if (record.smsId !== null) {
			sent++;
			credits += record.parts;
			if (record.outcome === null) {
				const sms = account.outgoing[record.smsId];
				// An SMS deleted from the history before its final report never gets one.
				if (!sms) record.outcome = 'failed';
				else if (sms.step === 2) record.outcome = sms.deliveryReceipt === 1 ? 'delivered' : 'failed';
			}
		}
		if (record.outcome === 'delivered') delivered++;
		else if (record.outcome === 'failed') failed++;
		else if (record.outcome === 'stoplisted') stoplisted++;
		else if (batch.status !== 'CANCELED') pending++;
	}
	return {
		id: batch.id,
		credits,
		estimatedCredits: batch.estimatedCredits,
		delivered,
		failed,
		pending,
		sent,
		stoplisted,
	};
}
