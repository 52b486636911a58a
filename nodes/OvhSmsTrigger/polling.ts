/**
 * Polling mode: each poll reads what is new since the last one, with the high-water mark and
 * seen ids (replies, sent SMS) or the known blacklist (STOP) kept in the node's static data,
 * the only state n8n carries between polls in queue mode. A first activation records what
 * exists and emits nothing; "Fetch test event" returns the latest event without moving the mark.
 */
import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';
import type { OvhClient } from '../../lib/ovh';
import {
	DEFAULT_CURSOR_SETTINGS,
	deliveryReportEvent,
	describeDelivery,
	hasDeliveryNews,
	listingStartMs,
	matchesReplyFilter,
	matchesTag,
	observeSms,
	parseOvhDatetime,
	pruneTracker,
	readCursor,
	readTracker,
	rememberSeen,
	smsReceivedEvent,
	startCursor,
	stopReceivedEvent,
	trackedIds,
	trackSms,
	unseenIds,
	type BlacklistEntry,
	type DeliveryTracker,
	type IncomingSms,
	type OutgoingSms,
	type SeenCursor,
} from '../../lib/replies';
import { toNodeError } from '../shared/errors';
import { createOvhClient } from '../shared/transport';
import {
	deleteIncoming,
	findRepliedOutgoingId,
	listBlacklist,
	listIncomingIds,
	listOutgoingIds,
	MAX_IDS_PER_POLL,
	readBlacklist,
	readIncoming,
	readOutgoing,
	serverNowMs,
	type ReplyScope,
} from './ovhSmsApi';
import { readTriggerSettings, stateKey, type TriggerSettings } from './settings';

type EventJson = IDataObject;

/** What one event kind keeps between polls (all JSON). */
interface PollState {
	key: string;
	cursor?: SeenCursor;
	tracker?: DeliveryTracker;
	known?: string[];
}

interface PollOutcome {
	events: EventJson[];
	state: PollState;
}

/** Ids in the order OVHcloud created them (ids grow with time). */
function oldestFirst(ids: Array<string | number>): string[] {
	return ids.map(String).sort((a, b) => Number(a) - Number(b));
}

function createdMsOf(value: { creationDatetime?: string | null }): number | undefined {
	return parseOvhDatetime(value.creationDatetime);
}

function byCreation<T extends { id: number | string; creationDatetime?: string | null }>(a: T, b: T): number {
	return (createdMsOf(a) ?? 0) - (createdMsOf(b) ?? 0) || Number(a.id) - Number(b.id);
}

function replyScope(settings: TriggerSettings): ReplyScope {
	return { serviceName: settings.serviceName, virtualNumber: settings.receivingNumber || undefined };
}

async function replyEvent(client: OvhClient, settings: TriggerSettings, sms: IncomingSms): Promise<EventJson> {
	const scope = replyScope(settings);
	const outgoingId = settings.lookUpOriginalSms ? await findRepliedOutgoingId(client, scope, sms) : undefined;
	return smsReceivedEvent(sms, {
		serviceName: settings.serviceName,
		source: 'poll',
		verified: true,
		receivingNumber: settings.receivingNumber || null,
		outgoingId,
	});
}

async function pollReplies(client: OvhClient, settings: TriggerSettings, saved: PollState | undefined): Promise<PollOutcome> {
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
	const replies = (await readIncoming(client, scope, fresh))
		.flatMap((item) => (item.value ? [item.value] : []))
		.sort(byCreation);

	const events: EventJson[] = [];
	for (const sms of replies) {
		if (!matchesReplyFilter(sms, settings.replyFilter)) continue;
		const event = await replyEvent(client, settings, sms);
		if (settings.deleteAfterRead) event.deleted = await deleteIncoming(client, scope, sms.id);
		events.push(event);
	}
	// An id that could not be read stays unseen: it is read again if it is still listed.
	cursor = rememberSeen(cursor, replies.map((sms) => ({ id: sms.id, createdMs: createdMsOf(sms) })));
	return { events, state: { key, cursor } };
}

function reportMatches(settings: TriggerSettings, sms: OutgoingSms): boolean {
	const status = describeDelivery({ ptt: sms.ptt, dlrCode: sms.deliveryReceipt }).status;
	return settings.statuses.includes(status) && matchesTag(sms.tag, settings.reportTags);
}

function reportEvent(settings: TriggerSettings, sms: OutgoingSms): EventJson {
	return deliveryReportEvent(sms, { serviceName: settings.serviceName, source: 'poll', verified: true });
}

async function pollDeliveryReports(client: OvhClient, settings: TriggerSettings, saved: PollState | undefined): Promise<PollOutcome> {
	const key = stateKey(settings);
	let cursor = readCursor(saved?.cursor);
	const tracker = readTracker(saved?.tracker);
	if (!cursor || !tracker) {
		// SMS already in flight are followed from their current state: only later changes are news.
		const nowMs = await serverNowMs(client);
		const existing = await listOutgoingIds(client, settings.serviceName, nowMs - DEFAULT_CURSOR_SETTINGS.overlapMs);
		const fresh: DeliveryTracker = { tracked: {} };
		const newest = oldestFirst(existing).slice(-MAX_IDS_PER_POLL);
		for (const item of await readOutgoing(client, settings.serviceName, newest)) {
			if (!item.value) continue;
			const state = { ptt: item.value.ptt ?? null, dlrCode: item.value.deliveryReceipt ?? null };
			trackSms(fresh, item.id, createdMsOf(item.value) ?? nowMs, state);
		}
		return { events: [], state: { key, cursor: startCursor(nowMs, existing), tracker: fresh } };
	}

	const listed = await listOutgoingIds(client, settings.serviceName, listingStartMs(cursor));
	const fresh = oldestFirst(unseenIds(cursor, listed)).slice(0, MAX_IDS_PER_POLL);
	const freshIds = new Set(fresh);
	const toRead = oldestFirst([...new Set([...trackedIds(tracker), ...fresh])]);
	const read = await readOutgoing(client, settings.serviceName, toRead);

	const events: EventJson[] = [];
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
		if (observation.changed && reportMatches(settings, sms)) events.push(reportEvent(settings, sms));
	}
	cursor = rememberSeen(cursor, seen);
	pruneTracker(tracker, cursor.newestMs);
	return { events, state: { key, cursor, tracker } };
}

function byDateCreation(a: BlacklistEntry, b: BlacklistEntry): number {
	return (parseOvhDatetime(a.dateCreation) ?? 0) - (parseOvhDatetime(b.dateCreation) ?? 0);
}

function stopEvent(settings: TriggerSettings, entry: BlacklistEntry): EventJson {
	return stopReceivedEvent(entry, { serviceName: settings.serviceName, source: 'poll', verified: true });
}

/**
 * The blacklist cannot be listed by date, so STOP polling remembers every number on it and
 * reports the numbers that appear (a number removed and added again is reported again).
 */
async function pollStops(client: OvhClient, settings: TriggerSettings, saved: PollState | undefined): Promise<PollOutcome> {
	const key = stateKey(settings);
	const numbers = await listBlacklist(client, settings.serviceName);
	if (!Array.isArray(saved?.known)) return { events: [], state: { key, known: numbers } };
	const known = new Set(saved.known);
	const fresh = numbers.filter((number) => !known.has(number)).slice(0, MAX_IDS_PER_POLL);
	const entries = (await readBlacklist(client, settings.serviceName, fresh))
		.flatMap((item) => (item.value ? [{ listed: item.id, entry: item.value }] : []))
		.sort((a, b) => byDateCreation(a.entry, b.entry));
	const read = new Set(entries.map(({ listed }) => listed));
	return {
		events: entries.map(({ entry }) => stopEvent(settings, entry)),
		state: { key, known: numbers.filter((number) => known.has(number) || read.has(number)) },
	};
}

/** How far back "Fetch test event" looks for the latest event, in ids read. */
const TEST_EVENT_SEARCH_LIMIT = 500;
const TEST_EVENT_CHUNK = 50;

/** Reads ids newest first, a chunk at a time, until `pick` finds the event. */
async function searchNewestFirst<T>(
	ids: Array<string | number>,
	read: (chunk: string[]) => Promise<T[]>,
	pick: (values: T[]) => T | undefined,
): Promise<T | undefined> {
	const newest = oldestFirst(ids).reverse().slice(0, TEST_EVENT_SEARCH_LIMIT);
	for (let start = 0; start < newest.length; start += TEST_EVENT_CHUNK) {
		const found = pick(await read(newest.slice(start, start + TEST_EVENT_CHUNK)));
		if (found) return found;
	}
	return undefined;
}

async function latestEvent(client: OvhClient, settings: TriggerSettings): Promise<EventJson | undefined> {
	const { serviceName } = settings;
	if (settings.event === 'smsReceived') {
		const scope = replyScope(settings);
		const sms = await searchNewestFirst(
			await listIncomingIds(client, scope),
			async (chunk) => (await readIncoming(client, scope, chunk)).flatMap((item) => (item.value ? [item.value] : [])),
			(values) => values.sort(byCreation).reverse().find((value) => matchesReplyFilter(value, settings.replyFilter)),
		);
		return sms && (await replyEvent(client, settings, sms));
	}
	if (settings.event === 'deliveryReport') {
		const sms = await searchNewestFirst(
			await listOutgoingIds(client, serviceName),
			async (chunk) => (await readOutgoing(client, serviceName, chunk)).flatMap((item) => (item.value ? [item.value] : [])),
			(values) =>
				values
					.sort(byCreation)
					.reverse()
					.find((value) => hasDeliveryNews({ ptt: value.ptt, dlrCode: value.deliveryReceipt }) && reportMatches(settings, value)),
		);
		return sms && reportEvent(settings, sms);
	}
	const numbers = (await listBlacklist(client, serviceName)).slice(-TEST_EVENT_SEARCH_LIMIT);
	const entries = (await readBlacklist(client, serviceName, numbers)).flatMap((item) => (item.value ? [item.value] : []));
	const newest = entries.sort(byDateCreation).pop();
	return newest && stopEvent(settings, newest);
}

const NOTHING_YET: Record<TriggerSettings['event'], string> = {
	smsReceived: 'No received SMS matches this trigger yet',
	deliveryReport: 'No sent SMS has a delivery report matching this trigger yet',
	stopReceived: 'No number is on the blacklist of this account yet',
};

export async function pollTrigger(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readTriggerSettings(this);
	// n8n schedules a poll for every node that can poll; in webhook mode OVHcloud calls instead.
	if (settings.mode !== 'poll') return null;
	if (!settings.serviceName) throw new NodeOperationError(this.getNode(), 'Choose the SMS account to watch');

	if (this.getMode() === 'manual') {
		let event: EventJson | undefined;
		try {
			event = await latestEvent(await createOvhClient(this), settings);
		} catch (error) {
			throw toNodeError(this.getNode(), error, 0);
		}
		if (!event) {
			throw new NodeOperationError(this.getNode(), `${NOTHING_YET[settings.event]} on ${settings.serviceName}`, {
				description: 'Send an SMS and reply to it (in the sandbox: POST /admin/incoming), then fetch again.',
			});
		}
		return [this.helpers.returnJsonArray([event])];
	}

	const staticData = this.getWorkflowStaticData('node');
	const saved = staticData.poll as PollState | undefined;
	const current = saved && saved.key === stateKey(settings) ? saved : undefined;
	let outcome: PollOutcome;
	try {
		const client = await createOvhClient(this);
		if (settings.event === 'smsReceived') outcome = await pollReplies(client, settings, current);
		else if (settings.event === 'deliveryReport') outcome = await pollDeliveryReports(client, settings, current);
		else outcome = await pollStops(client, settings, current);
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
	staticData.poll = outcome.state as unknown as IDataObject;
	return outcome.events.length > 0 ? [this.helpers.returnJsonArray(outcome.events)] : null;
}
