/**
 * `/sms/{serviceName}/receivers`: recipient lists in slots 1 to 9, created from a `/me/document`
 * or a URL, downloadable as CSV, and cleanable (HLR lookups, priced per number, quoted first
 * with `priceOnly`).
 */
import { formatOvhDate } from '../clock';
import { documentText } from '../documents';
import { badRequest, conflict, forbidden, notFound } from '../http';
import { longParam } from '../params';
import { fetchCsvUrl, findSlot, parseSlotCsv, SLOT_IDS, slotsOf, type SlotRow } from '../receiver-slots';
import { api, type Route, type RouteContext } from '../router';
import { requireAccount } from '../runtime';
import { createTask } from '../tasks';
import type { AccountState, ReceiverSlotState } from '../types';
import { booleanField, objectBody, rejectUndescribed, requiredString, stringField, type Body } from '../validation';
import type { SmsReceiver, SmsReceiversCleanReport, Wire } from '../../lib/ovh/models';

/** Credits per number an HLR cleaning costs (the free `freemium` cleaning only checks the syntax). */
export const HLR_CLEANING_CREDITS_PER_NUMBER = 0.1;

/** `sms.Receiver`. */
function receiverView(slot: ReceiverSlotState): Wire<SmsReceiver> {
	return {
		slotId: slot.slotId,
		description: slot.description,
		records: slot.records,
		datetime: slot.datetime,
		autoUpdate: slot.autoUpdate,
		canAutoUpdate: slot.canAutoUpdate,
	};
}

function requiredBoolean(body: Body, field: string): boolean {
	const value = booleanField(body, field);
	if (value === undefined) throw badRequest(`[${field}] Property is mandatory`);
	return value;
}

function requireSlot(ctx: RouteContext): { account: AccountState; slot: ReceiverSlotState } {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const slot = findSlot(account, longParam(ctx.params.slotId, 'slotId'));
	if (!slot) throw notFound(ctx.params.slotId);
	return { account, slot };
}

async function createSlot(ctx: RouteContext) {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['slotId', 'description', 'autoUpdate', 'csvUrl', 'documentId'], 'creation');
	const slotId = body.slotId;
	if (slotId === undefined || slotId === null) throw badRequest('[slotId] Property is mandatory');
	if (typeof slotId !== 'number' || !Number.isInteger(slotId))
		throw badRequest(`[slotId] Given data (${JSON.stringify(slotId)}) is not a long`);
	if (!(SLOT_IDS as readonly number[]).includes(slotId)) {
		throw badRequest(`slotId isn't auto generated and must be in the range 1..9 (got ${slotId})`);
	}
	const description = requiredString(body, 'description');
	const autoUpdate = requiredBoolean(body, 'autoUpdate');
	const csvUrl = stringField(body, 'csvUrl');
	const documentId = stringField(body, 'documentId');
	if (!csvUrl === !documentId) throw badRequest('Give either csvUrl or documentId');
	if (findSlot(account, slotId)) throw conflict(`The receivers slot ${slotId} is already used`);
	const readLater = Boolean(documentId) && ctx.runtime.faults.current.receiversDocument === 'readLater';
	if (documentId) documentText(ctx.runtime, documentId);
	const csv = readLater
		? ''
		: documentId
			? documentText(ctx.runtime, documentId)
			: await fetchCsvUrl(csvUrl!, ctx.runtime.options.allowNonLoopbackCallbacks);
	const rows = readLater ? [] : parseSlotCsv(csv);
	const slot: ReceiverSlotState = {
		slotId,
		description,
		records: rows.length,
		datetime: formatOvhDate(ctx.runtime.now()),
		// Re-reading before each send is only possible from a URL.
		autoUpdate: autoUpdate && Boolean(csvUrl),
		canAutoUpdate: Boolean(csvUrl),
		csvUrl: csvUrl ?? null,
		documentId: documentId ?? null,
		csv: csv.replace(/^\uFEFF/, ''),
	};
	slotsOf(account)[String(slotId)] = slot;
	if (readLater) {
		createTask(
			ctx.runtime,
			account,
			'readReceiversDocument',
			{ kind: 'readSlotDocument', slotId, documentId: documentId! },
			'reading the list',
		);
	}
	ctx.runtime.changed();
	return receiverView(slot);
}

function updateSlot(ctx: RouteContext) {
	const { slot } = requireSlot(ctx);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['description', 'autoUpdate', 'slotId', 'records', 'datetime', 'canAutoUpdate'], 'update');
	const description = stringField(body, 'description');
	if (description !== undefined) slot.description = description;
	const autoUpdate = booleanField(body, 'autoUpdate');
	if (autoUpdate !== undefined) {
		if (autoUpdate && !slot.canAutoUpdate) throw badRequest('autoUpdate is only possible for a list created from a csvUrl');
		slot.autoUpdate = autoUpdate;
	}
	ctx.runtime.changed();
	return null;
}

/** Numbers an HLR lookup finds dead: the same rule as delivery (last four digits `0000`). */
const deadNumber = (row: SlotRow) => /0000$/.test(row.number.replace(/\D/g, ''));

function rewriteCsv(header: string[], rows: SlotRow[]): string {
	const field = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
	return (
		[header.map(field).join(';'), ...rows.map((row) => header.map((name) => field(row.columns[name] ?? '')).join(';'))].join('\n') + '\n'
	);
}

function cleanSlot(ctx: RouteContext) {
	const { account, slot } = requireSlot(ctx);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['freemium', 'priceOnly'], 'creation');
	const freemium = requiredBoolean(body, 'freemium');
	const priceOnly = requiredBoolean(body, 'priceOnly');
	const price = freemium ? 0 : Math.round(slot.records * HLR_CLEANING_CREDITS_PER_NUMBER * 100) / 100;
	// The model's taskId cannot be null; what OVHcloud puts there for a quote is unknown (0 assumed).
	if (priceOnly) return { taskId: 0, totalCreditsRemoved: price } satisfies SmsReceiversCleanReport;
	if (price > account.creditsLeft) {
		throw forbidden(`Not enough credits to clean this list: ${price} needed, ${account.creditsLeft} left. Nothing was done.`);
	}
	account.creditsLeft = Math.round((account.creditsLeft - price) * 100) / 100;
	const rows = parseSlotCsv(slot.csv);
	const kept = freemium ? rows : rows.filter((row) => !deadNumber(row));
	const header = Object.keys(rows[0]?.columns ?? { number: '' });
	const task = createTask(
		ctx.runtime,
		account,
		'cleanSmsReceivers',
		{ kind: 'replaceSlot', slotId: slot.slotId, csv: rewriteCsv(header, kept), records: kept.length },
		`${rows.length - kept.length} number(s) removed`,
	);
	return { taskId: task.taskId, totalCreditsRemoved: price };
}

const SLOTS = '/sms/{serviceName}/receivers';
const SLOT = `${SLOTS}/{slotId}`;

export const receiverRoutes: Route[] = [
	api('GET', SLOTS, (ctx) =>
		Object.values(slotsOf(requireAccount(ctx.runtime, ctx.params.serviceName)))
			.map((slot) => slot.slotId)
			.sort((a, b) => a - b),
	),
	api('POST', SLOTS, createSlot),
	api('GET', SLOT, (ctx) => receiverView(requireSlot(ctx).slot)),
	api('PUT', SLOT, updateSlot),
	api('DELETE', SLOT, (ctx) => {
		const { account, slot } = requireSlot(ctx);
		delete slotsOf(account)[String(slot.slotId)];
		ctx.runtime.changed();
		return null;
	}),
	// A JSON string holding the file, as OVHcloud answers it.
	api('GET', `${SLOT}/csv`, (ctx) => requireSlot(ctx).slot.csv),
	api('POST', `${SLOT}/clean`, cleanSlot),
];
