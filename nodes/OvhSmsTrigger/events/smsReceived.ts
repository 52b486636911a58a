/**
 * Replies: the account's `smsResponse` CGI URL when pushed, `/incoming` (of the account or of
 * one virtual number) when polled. The event id is the reply's id.
 */
import { SmsApi, type OvhClient } from '../../../lib/ovh';
import {
	DEFAULT_CURSOR_SETTINGS,
	listingStartMs,
	matchesReplyFilter,
	readCursor,
	readReplyCallback,
	rememberSeen,
	resumeCursor,
	samePhoneNumber,
	smsReceivedEvent,
	startCursor,
	unseenIds,
	type IncomingSms,
	type SeenCursor,
} from '../../../lib/replies';
import {
	deleteIncoming,
	findIncoming,
	findRepliedOutgoingId,
	listIncomingIds,
	MAX_IDS_PER_POLL,
	readIncoming,
	serverNowMs,
	type RepliedLine,
	type ReplyScope,
} from '../ovhSmsApi';
import { stateKey, type TriggerSettings } from '../settings';
import { byCreation, createdMsOf, oldestFirst, readWithinBudget, replyScope, searchNewestFirst, type PollBudget } from './shared';
import { ACCEPTED, type EventJson, type FirstPoll, type FoundEvent, type TriggerEventHandler } from './types';

async function replyEvent(
	client: OvhClient | undefined,
	settings: TriggerSettings,
	sms: IncomingSms,
	source: { source: 'poll' | 'webhook'; verified: boolean; receivingNumber?: string | null; line?: RepliedLine },
): Promise<EventJson> {
	const outgoingId =
		client && settings.lookUpOriginalSms
			? await findRepliedOutgoingId(client, replyScope(settings), sms, source.line ?? { number: source.receivingNumber })
			: undefined;
	return smsReceivedEvent(sms, {
		serviceName: settings.serviceName,
		source: source.source,
		verified: source.verified,
		receivingNumber: source.receivingNumber ?? (settings.receivingNumber || null),
		outgoingId,
	});
}

/** What replies keep between polls: the main scope's cursor, and one per virtual number when watching the whole account. */
interface ReplyState {
	cursor?: unknown;
	lines?: Record<string, unknown>;
}

/**
 * Where replies are read: the chosen virtual number, or each virtual number of the account
 * and then the account (OVHcloud lists a virtual number's replies under it; a reply listed in
 * both places is taken from its virtual number, which names the line).
 */
async function replySources(client: OvhClient, settings: TriggerSettings): Promise<{ scopes: ReplyScope[]; virtualNumbers: string[] }> {
	if (settings.receivingNumber) return { scopes: [replyScope(settings)], virtualNumbers: [settings.receivingNumber] };
	const virtualNumbers = await new SmsApi(client, settings.serviceName).listVirtualNumbers();
	const lines = virtualNumbers.map((virtualNumber) => ({ serviceName: settings.serviceName, virtualNumber }));
	return { scopes: [...lines, { serviceName: settings.serviceName }], virtualNumbers };
}

interface SourcePoll {
	client: OvhClient;
	settings: TriggerSettings;
	budget: PollBudget;
	firstPoll: FirstPoll;
	virtualNumbers: string[];
	/** Reply ids already taken by an earlier source of this poll. */
	taken: Set<string>;
	serverNow: () => Promise<number>;
}

async function pollSource(poll: SourcePoll, scope: ReplyScope, saved: unknown): Promise<{ events: FoundEvent[]; cursor: SeenCursor }> {
	const { client, settings, budget } = poll;
	let cursor = readCursor(saved);
	if (!cursor && poll.firstPoll === 'lookBack') cursor = resumeCursor(await poll.serverNow());
	if (!cursor) {
		const nowMs = await poll.serverNow();
		const existing = await listIncomingIds(client, scope, nowMs - DEFAULT_CURSOR_SETTINGS.overlapMs);
		for (const id of existing) poll.taken.add(String(id));
		return { events: [], cursor: startCursor(nowMs, existing) };
	}
	const listed = await listIncomingIds(client, scope, listingStartMs(cursor));
	const fresh = oldestFirst(unseenIds(cursor, listed)).slice(0, MAX_IDS_PER_POLL);
	const replies = (await readWithinBudget(fresh, budget, async (chunk) => await readIncoming(client, scope, chunk)))
		.flatMap((item) => (item.value ? [item.value] : []))
		.sort(byCreation);

	const events: FoundEvent[] = [];
	const handled: IncomingSms[] = [];
	const line = { number: scope.virtualNumber ?? null, virtualNumbers: poll.virtualNumbers };
	for (const sms of replies) {
		// Looking up the original SMS and deleting cost calls per reply: past the budget, the
		// rest waits (unseen) for the next poll.
		const costsCalls = settings.lookUpOriginalSms || settings.deleteAfterRead;
		if (costsCalls && handled.length > 0 && budget.expired()) break;
		handled.push(sms);
		if (poll.taken.has(String(sms.id))) continue;
		poll.taken.add(String(sms.id));
		if (!matchesReplyFilter(sms, settings.replyFilter)) continue;
		const json = await replyEvent(client, settings, sms, {
			source: 'poll',
			verified: true,
			receivingNumber: scope.virtualNumber ?? null,
			line,
		});
		if (settings.deleteAfterRead) json.deleted = await deleteIncoming(client, scope, sms.id);
		events.push({ eventId: String(sms.id), json });
	}
	// An id that could not be read stays unseen: it is read again if it is still listed.
	cursor = rememberSeen(
		cursor,
		handled.map((sms) => ({ id: sms.id, createdMs: createdMsOf(sms) })),
	);
	return { events, cursor };
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
		return setting.responseType === 'text' ? 'it answers replies automatically with a text, which the webhook would turn off' : undefined;
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

	async poll(client, settings, saved, budget, firstPoll) {
		const key = stateKey(settings);
		const { scopes, virtualNumbers } = await replySources(client, settings);
		let nowMs: Promise<number> | undefined;
		const poll: SourcePoll = {
			client,
			settings,
			budget,
			firstPoll,
			virtualNumbers,
			taken: new Set(),
			serverNow: () => (nowMs ??= serverNowMs(client)),
		};
		const previous = (saved ?? {}) as ReplyState;
		const state: ReplyState & { key: string } = { key };
		const events: FoundEvent[] = [];
		for (const scope of scopes) {
			const isLine = scope.virtualNumber !== undefined && !settings.receivingNumber;
			const outcome = await pollSource(poll, scope, isLine ? previous.lines?.[scope.virtualNumber!] : previous.cursor);
			events.push(...outcome.events);
			if (isLine) state.lines = { ...state.lines, [scope.virtualNumber!]: outcome.cursor };
			else state.cursor = outcome.cursor;
		}
		events.sort((a, b) => Number(a.eventId) - Number(b.eventId));
		return { events, state };
	},

	async receive(client, settings, fields) {
		const call = readReplyCallback(fields);
		if (!call) return { status: 400, text: 'Not a reply' };
		if (settings.receivingNumber && !samePhoneNumber(call.receivingNumber, settings.receivingNumber)) return ACCEPTED;
		let sms: IncomingSms | undefined = { id: call.id, message: call.message, sender: call.sender, tag: call.tag ?? null };
		if (client && settings.verifyWithApi) {
			sms = await findIncoming(client, replyScope(settings), call.id);
			// A reply to a virtual number may be listed only under it.
			if (!sms && !settings.receivingNumber && call.receivingNumber) {
				const line = { serviceName: settings.serviceName, virtualNumber: call.receivingNumber.replace(/\D/g, '') };
				sms = await findIncoming(client, line, call.id).catch(() => undefined);
			}
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
			(values) =>
				values
					.sort(byCreation)
					.reverse()
					.find((value) => matchesReplyFilter(value, settings.replyFilter)),
		);
		return sms && (await replyEvent(client, settings, sms, { source: 'poll', verified: true }));
	},
};
