/** Ordering and paging rules every event's poll uses. */
import { parseOvhDatetime } from '../../../lib/replies';
import type { ReplyScope } from '../ovhSmsApi';
import type { TriggerSettings } from '../settings';

/** Ids in the order OVHcloud created them (ids grow with time). */
export function oldestFirst(ids: Array<string | number>): string[] {
	return ids.map(String).sort((a, b) => Number(a) - Number(b));
}

export function createdMsOf(value: { creationDatetime?: string | null }): number | undefined {
	return parseOvhDatetime(value.creationDatetime);
}

export function byCreation<T extends { id: number | string; creationDatetime?: string | null }>(a: T, b: T): number {
	return (createdMsOf(a) ?? 0) - (createdMsOf(b) ?? 0) || Number(a.id) - Number(b.id);
}

export function replyScope(settings: TriggerSettings): ReplyScope {
	return { serviceName: settings.serviceName, virtualNumber: settings.receivingNumber || undefined };
}

/** How far back "Fetch test event" looks for the latest event, in ids read. */
export const TEST_EVENT_SEARCH_LIMIT = 500;
const TEST_EVENT_CHUNK = 50;

/** Reads ids newest first, a chunk at a time, until `pick` finds the event. */
export async function searchNewestFirst<T>(
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

/** When a poll stops starting API calls; what it has not read waits for the next poll. */
export interface PollBudget {
	expired(): boolean;
}

export const UNLIMITED: PollBudget = { expired: () => false };

/**
 * Reads `ids` a chunk at a time until the budget runs out (the first chunk is always read,
 * so every poll makes progress). Ids not reached are left out of the answer.
 */
export async function readWithinBudget<T>(
	ids: string[],
	budget: PollBudget,
	read: (chunk: string[]) => Promise<Array<{ id: string; value?: T }>>,
	chunkSize = 50,
): Promise<Array<{ id: string; value?: T }>> {
	const out: Array<{ id: string; value?: T }> = [];
	for (let start = 0; start < ids.length; start += chunkSize) {
		if (start > 0 && budget.expired()) break;
		out.push(...(await read(ids.slice(start, start + chunkSize))));
	}
	return out;
}
