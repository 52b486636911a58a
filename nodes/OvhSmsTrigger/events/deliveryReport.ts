/**
 * Delivery reports: the account's `callBack` URL when pushed; when polled, the SMS the account
 * sent are re-read until they reach a final state, and each change is a report. The event id
 * is the SMS id with the state it reports, so one SMS gives one event per state.
 */
import {
	DEFAULT_CURSOR_SETTINGS,
	deliveryReportEvent,
	describeDelivery,
	hasDeliveryNews,
	listingStartMs,
	matchesTag,
	observeSms,
	pruneTracker,
	readCursor,
	readDeliveryCallback,
	readTracker,
	rememberSeen,
	startCursor,
	trackedIds,
	trackSms,
	unseenIds,
	type DeliveryTracker,
	type OutgoingSms,
} from '../../../lib/replies';
import { SmsApi, type OvhClient } from '../../../lib/ovh';
import { findOutgoing, listOutgoingIds, MAX_IDS_PER_POLL, readOutgoing, serverNowMs, type ReplyScope } from '../ovhSmsApi';
import { stateKey, type TriggerSettings } from '../settings';
import { byCreation, createdMsOf, oldestFirst, readWithinBudget, searchNewestFirst, type PollBudget } from './shared';
import { ACCEPTED, urlFieldSetting, type EventJson, type FoundEvent, type TriggerEventHandler } from './types';

function reportMatches(settings: TriggerSettings, sms: OutgoingSms): boolean {
	const status = describeDelivery({ ptt: sms.ptt, dlrCode: sms.deliveryReceipt }).status;
	return settings.statuses.includes(status) && matchesTag(sms.tag, settings.reportTags);
}

function reportEvent(settings: TriggerSettings, sms: OutgoingSms): EventJson {
	return deliveryReportEvent(sms, { serviceName: settings.serviceName, source: 'poll', verified: true });
}

/** One report per SMS and state: a later state of the same SMS is another event. */
export function reportEventId(id: string | number, ptt: number | null | undefined, dlrCode: number | null | undefined): string {
	return `${String(id)}:${ptt ?? ''}:${dlrCode ?? ''}`;
}

/** What one listing (the account's, or one virtual number's) keeps between polls. */
interface SourceState {
	cursor?: unknown;
	tracker?: unknown;
}

interface ReportState extends SourceState {
	lines?: Record<string, SourceState>;
}

async function pollSource(
	client: OvhClient,
	settings: TriggerSettings,
	scope: ReplyScope,
	saved: SourceState | undefined,
	budget: PollBudget,
	serverNow: () => Promise<number>,
): Promise<{ events: FoundEvent[]; state: SourceState }> {
	let cursor = readCursor(saved?.cursor);
	const tracker = readTracker(saved?.tracker);
	if (!cursor || !tracker) {
		// SMS already in flight are followed from their current state: only later changes are news.
		const nowMs = await serverNow();
		const existing = await listOutgoingIds(client, scope, nowMs - DEFAULT_CURSOR_SETTINGS.overlapMs);
		const fresh: DeliveryTracker = { tracked: {} };
		const newest = oldestFirst(existing).slice(-MAX_IDS_PER_POLL);
		for (const item of await readOutgoing(client, scope, newest)) {
			if (!item.value) continue;
			const state = { ptt: item.value.ptt ?? null, dlrCode: item.value.deliveryReceipt ?? null };
			trackSms(fresh, item.id, createdMsOf(item.value) ?? nowMs, state);
		}
		return { events: [], state: { cursor: startCursor(nowMs, existing), tracker: fresh } };
	}

	const listed = await listOutgoingIds(client, scope, listingStartMs(cursor));
	const fresh = oldestFirst(unseenIds(cursor, listed)).slice(0, MAX_IDS_PER_POLL);
	const freshIds = new Set(fresh);
	const toRead = oldestFirst([...new Set([...trackedIds(tracker), ...fresh])]);
	const read = await readWithinBudget(toRead, budget, async (chunk) => await readOutgoing(client, scope, chunk));

	const events: FoundEvent[] = [];
	const seen: Array<{ id: string; createdMs?: number }> = [];
	for (const item of read) {
		if (!item.value) continue;
		const sms = item.value;
		const createdMs = createdMsOf(sms);
		if (freshIds.has(item.id)) seen.push({ id: item.id, createdMs });
		const observation = observeSms(tracker, item.id, {
			ptt: sms.ptt ?? null,
			dlrCode: sms.deliveryReceipt ?? null,
			createdMs: createdMs ?? cursor.newestMs,
		});
		if (observation.changed && reportMatches(settings, sms)) {
			events.push({ eventId: reportEventId(item.id, sms.ptt, sms.deliveryReceipt), json: reportEvent(settings, sms) });
		}
	}
	cursor = rememberSeen(cursor, seen);
	pruneTracker(tracker, cursor.newestMs);
	return { events, state: { cursor, tracker } };
}

/** The SMS a report names: sent by the account, or by one of its virtual numbers. */
async function findSentSms(client: OvhClient, serviceName: string, id: string): Promise<OutgoingSms | undefined> {
	const fromAccount = await findOutgoing(client, { serviceName }, id);
	if (fromAccount) return fromAccount;
	for (const virtualNumber of await new SmsApi(client, serviceName).listVirtualNumbers()) {
		const fromLine = await findOutgoing(client, { serviceName, virtualNumber }, id);
		if (fromLine) return fromLine;
	}
	return undefined;
}

export const deliveryReport: TriggerEventHandler = {
	settingName: 'delivery-report URL (callBack)',
	nothingYet: 'No sent SMS has a delivery report matching this trigger yet',

	...urlFieldSetting('callBack'),

	async poll(client, settings, saved, budget) {
		const key = stateKey(settings);
		const account: ReplyScope = { serviceName: settings.serviceName };
		const lines = (await new SmsApi(client, settings.serviceName).listVirtualNumbers()).map((virtualNumber) => ({
			...account,
			virtualNumber,
		}));
		let nowMs: Promise<number> | undefined;
		const serverNow = () => (nowMs ??= serverNowMs(client));
		const previous = (saved ?? {}) as ReportState;
		const state: ReportState & { key: string } = { key };
		const events = new Map<string, FoundEvent>();
		for (const scope of [account, ...lines]) {
			const before = scope.virtualNumber ? previous.lines?.[scope.virtualNumber] : previous;
			const outcome = await pollSource(client, settings, scope, before, budget, serverNow);
			// An SMS listed both under the account and under its virtual number is one report.
			for (const event of outcome.events) if (!events.has(event.eventId)) events.set(event.eventId, event);
			if (scope.virtualNumber) state.lines = { ...state.lines, [scope.virtualNumber]: outcome.state };
			else Object.assign(state, outcome.state);
		}
		return { events: [...events.values()], state };
	},

	/**
	 * The callback names only the SMS and its codes; the receiver and tag a workflow needs come
	 * from the API. Verified, a final state is accepted only when the API shows that same state
	 * (a forged "failed" cannot start a fallback); a pending report may be older than the API's
	 * state, which has moved on by the time the call arrives.
	 */
	async receive(client, settings, fields) {
		const call = readDeliveryCallback(fields);
		if (!call) return { status: 400, text: 'Not a delivery report' };
		const stored = client ? await findSentSms(client, settings.serviceName, call.id) : undefined;
		const claimed = { ptt: call.ptt ?? null, dlrCode: call.dlrCode ?? null };
		const described = describeDelivery(claimed);
		if (client && settings.verifyWithApi) {
			if (!stored) return { status: 404, text: 'Unknown SMS' };
			const confirmed = stored.ptt === claimed.ptt && stored.deliveryReceipt === claimed.dlrCode;
			if (described.final && !confirmed) return { status: 409, text: 'State not confirmed' };
		}
		if (!settings.statuses.includes(described.status)) return ACCEPTED;
		const sms: OutgoingSms = { ...stored, id: stored?.id ?? call.id, ptt: claimed.ptt, deliveryReceipt: claimed.dlrCode };
		if (!matchesTag(sms.tag, settings.reportTags)) return ACCEPTED;
		return {
			...ACCEPTED,
			eventId: reportEventId(sms.id, claimed.ptt, claimed.dlrCode),
			event: deliveryReportEvent(sms, {
				serviceName: settings.serviceName,
				source: 'webhook',
				verified: client !== undefined && settings.verifyWithApi,
				reportedAt: call.date ?? null,
				ovhStatusText: call.ovhStatusText ?? null,
			}),
		};
	},

	async latest(client, settings) {
		const scope: ReplyScope = { serviceName: settings.serviceName };
		const sms = await searchNewestFirst(
			await listOutgoingIds(client, scope),
			async (chunk) => (await readOutgoing(client, scope, chunk)).flatMap((item) => (item.value ? [item.value] : [])),
			(values) =>
				values
					.sort(byCreation)
					.reverse()
					.find((value) => hasDeliveryNews({ ptt: value.ptt, dlrCode: value.deliveryReceipt }) && reportMatches(settings, value)),
		);
		return sms && reportEvent(settings, sms);
	},
};
