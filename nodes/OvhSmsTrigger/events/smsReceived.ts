/**
 * Replies: the account's `smsResponse` CGI URL when pushed, `/incoming` (of the account or of
 * one virtual number) when polled. The event id is the reply's id.
 */
import type { OvhClient } from '../../../lib/ovh';
import {
	DEFAULT_CURSOR_SETTINGS,
	listingStartMs,
	matchesReplyFilter,
	readCursor,
	readReplyCallback,
	rememberSeen,
	samePhoneNumber,
	smsReceivedEvent,
	startCursor,
	unseenIds,
	type IncomingSms,
} from '../../../lib/replies';
import {
	deleteIncoming,
	findIncoming,
	findRepliedOutgoingId,
	listIncomingIds,
	MAX_IDS_PER_POLL,
	readIncoming,
	serverNowMs,
} from '../ovhSmsApi';
import { stateKey, type TriggerSettings } from '../settings';
import { byCreation, createdMsOf, oldestFirst, readWithinBudget, replyScope, searchNewestFirst } from './shared';
import { ACCEPTED, type EventJson, type FoundEvent, type TriggerEventHandler } from './types';

async function replyEvent(
	client: OvhClient | undefined,
	settings: TriggerSettings,
	sms: IncomingSms,
	source: { source: 'poll' | 'webhook'; verified: boolean; receivingNumber?: string | null },
): Promise<EventJson> {
	const outgoingId =
		client && settings.lookUpOriginalSms ? await findRepliedOutgoingId(client, replyScope(settings), sms) : undefined;
	return smsReceivedEvent(sms, {
		serviceName: settings.serviceName,
		source: source.source,
		verified: source.verified,
		receivingNumber: source.receivingNumber ?? (settings.receivingNumber || null),
		outgoingId,
	});
}

export const smsReceived: TriggerEventHandler = {
	settingName: 'reply URL (smsResponse CGI)',
	nothingYet: 'No received SMS matches this trigger yet',

	currentSetting(account) {
		const response = account.smsResponse ?? {};
		return { url: response.cgiUrl || null, responseType: response.responseType ?? 'none', text: response.text ?? null };
	},
	activeUrl(setting) {
		return setting.responseType === 'cgi' ? setting.url : null;
	},
	takeoverConflict(setting) {
		return setting.responseType === 'text'
			? 'it answers replies automatically with a text, which the webhook would turn off'
			: undefined;
	},
	registerBody(url) {
		return { smsResponse: { responseType: 'cgi', cgiUrl: url } };
	},
	restoreBody(previous) {
		return {
			smsResponse: {
				responseType: previous.responseType || 'none',
				cgiUrl: previous.url ?? '',
				...(previous.text ? { text: previous.text } : {}),
			},
		};
	},

	async poll(client, settings, saved, budget) {
		const key = stateKey(settings);
		const scope = replyScope(settings);
		let cursor = readCursor(saved?.cursor);
		if (!cursor) {
			const nowMs = await serverNowMs(client);
			const existing = await listIncomingIds(client, scope, nowMs - DEFAULT_CURSOR_SETTINGS.overlapMs);
			return { events: [], state: { key, cursor: startCursor(nowMs, existing) } };
		}
		const listed = await listIncomingIds(client, scope, listingStartMs(cursor));
		const fresh = oldestFirst(unseenIds(cursor, listed)).slice(0, MAX_IDS_PER_POLL);
		const replies = (await readWithinBudget(fresh, budget, async (chunk) => await readIncoming(client, scope, chunk)))
			.flatMap((item) => (item.value ? [item.value] : []))
			.sort(byCreation);

		const events: FoundEvent[] = [];
		const handled: IncomingSms[] = [];
		for (const sms of replies) {
			// Looking up the original SMS and deleting cost calls per reply: past the budget, the
			// rest waits (unseen) for the next poll.
			const costsCalls = settings.lookUpOriginalSms || settings.deleteAfterRead;
			if (costsCalls && handled.length > 0 && budget.expired()) break;
			handled.push(sms);
			if (!matchesReplyFilter(sms, settings.replyFilter)) continue;
			const json = await replyEvent(client, settings, sms, { source: 'poll', verified: true });
			if (settings.deleteAfterRead) json.deleted = await deleteIncoming(client, scope, sms.id);
			events.push({ eventId: String(sms.id), json });
		}
		// An id that could not be read stays unseen: it is read again if it is still listed.
		cursor = rememberSeen(cursor, handled.map((sms) => ({ id: sms.id, createdMs: createdMsOf(sms) })));
		return { events, state: { key, cursor } };
	},

	async receive(client, settings, fields) {
		const call = readReplyCallback(fields);
		if (!call) return { status: 400, text: 'Not a reply' };
		if (settings.receivingNumber && !samePhoneNumber(call.receivingNumber, settings.receivingNumber)) return ACCEPTED;
		let sms: IncomingSms | undefined = { id: call.id, message: call.message, sender: call.sender, tag: call.tag ?? null };
		if (client && settings.verifyWithApi) {
			sms = await findIncoming(client, replyScope(settings), call.id);
			if (!sms) return { status: 404, text: 'Unknown reply' };
		}
		if (!matchesReplyFilter(sms, settings.replyFilter)) return ACCEPTED;
		const event = await replyEvent(client, settings, sms, {
			source: 'webhook',
			verified: client !== undefined && settings.verifyWithApi,
			receivingNumber: call.receivingNumber,
		});
		return { ...ACCEPTED, event, eventId: String(sms.id) };
	},

	async latest(client, settings) {
		const scope = replyScope(settings);
		const sms = await searchNewestFirst(
			await listIncomingIds(client, scope),
			async (chunk) => (await readIncoming(client, scope, chunk)).flatMap((item) => (item.value ? [item.value] : [])),
			(values) => values.sort(byCreation).reverse().find((value) => matchesReplyFilter(value, settings.replyFilter)),
		);
		return sms && (await replyEvent(client, settings, sms, { source: 'poll', verified: true }));
	},
};
