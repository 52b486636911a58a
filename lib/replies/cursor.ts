/**
 * Where a polling trigger stands: the newest creation time seen (the high-water mark) and the
 * ids already emitted around it. OVHcloud has no "unread" flag and stamps messages to the
 * second, so each poll lists from a little before the mark (the overlap catches messages
 * stamped in the same second, or made visible late) and drops the ids it has seen.
 *
 * The state is plain JSON: it lives in the workflow's static data, the only place n8n keeps
 * state between polls in queue mode.
 */

export interface SeenCursor {
	/** Newest creation time seen, epoch ms (server clock). */
	newestMs: number;
	/** Nothing older is listed again; raised only when the seen set overflows. */
	floorMs: number;
	/** Id → creation time (epoch ms) of every id that can still be listed. */
	seen: Record<string, number>;
}

export interface CursorSettings {
	/** How far before the newest creation time each listing starts. */
	overlapMs: number;
	/** Soft bound of the seen set (ids sharing the oldest kept second are all kept). */
	maxSeen: number;
}

export const DEFAULT_CURSOR_SETTINGS: CursorSettings = { overlapMs: 10 * 60_000, maxSeen: 1000 };

export interface SeenItem {
	id: string | number;
	/** Creation time, epoch ms; undefined when unknown (the cursor then uses its newest time). */
	createdMs?: number;
}

/**
 * The cursor of a first activation: everything listed so far counts as seen, so old
 * messages do not flood the workflow; the mark starts at the server's current time.
 */
export function startCursor(serverNowMs: number, existingIds: Array<string | number>, settings = DEFAULT_CURSOR_SETTINGS): SeenCursor {
	return rememberSeen(
		{ newestMs: serverNowMs, floorMs: 0, seen: {} },
		existingIds.map((id) => ({ id })),
		settings,
	);
}

/**
 * How far back a poll with no saved cursor looks when the workflow was already active before
 * (n8n started, or another main took over): what arrived while n8n was down is news, not
 * history. n8n saves the cursor when the workflow is activated and after each poll that emits,
 * so this matters only when that state is missing; the trigger's emission ledger keeps a
 * reply emitted before the restart from being emitted again.
 */
export const RESUME_LOOK_BACK_MS = 60 * 60_000;

/**
 * The cursor of a poll that resumes without saved state: nothing seen, listing from
 * `lookBackMs` before the server's current time (and never further back).
 */
export function resumeCursor(serverNowMs: number, lookBackMs = RESUME_LOOK_BACK_MS): SeenCursor {
	const fromMs = serverNowMs - lookBackMs;
	return { newestMs: fromMs, floorMs: fromMs, seen: {} };
}

/** The `creationDatetime.from` of the next listing, epoch ms. */
export function listingStartMs(cursor: SeenCursor, settings = DEFAULT_CURSOR_SETTINGS): number {
	return Math.max(cursor.newestMs - settings.overlapMs, cursor.floorMs);
}

/** The listed ids not seen yet, in the order listed, without duplicates. */
export function unseenIds(cursor: SeenCursor, ids: Array<string | number>): string[] {
	const out: string[] = [];
	const taken = new Set<string>();
	for (const raw of ids) {
		const id = String(raw);
		if (taken.has(id) || Object.prototype.hasOwnProperty.call(cursor.seen, id)) continue;
		taken.add(id);
		out.push(id);
	}
	return out;
}

/** A new cursor with `items` seen, the mark moved forward and what can no longer be listed forgotten. */
export function rememberSeen(cursor: SeenCursor, items: SeenItem[], settings = DEFAULT_CURSOR_SETTINGS): SeenCursor {
	const seen: Record<string, number> = { ...cursor.seen };
	let newestMs = cursor.newestMs;
	for (const item of items) {
		if (item.createdMs !== undefined && Number.isFinite(item.createdMs)) newestMs = Math.max(newestMs, item.createdMs);
	}
	for (const item of items) {
		const createdMs = item.createdMs !== undefined && Number.isFinite(item.createdMs) ? item.createdMs : newestMs;
		seen[String(item.id)] = createdMs;
	}
	let floorMs = cursor.floorMs;
	let threshold = Math.max(newestMs - settings.overlapMs, floorMs);
	const entries = Object.entries(seen).filter(([, createdMs]) => createdMs >= threshold);
	if (entries.length > settings.maxSeen) {
		// Keep the newest ids and never list below them again: a message older than the
		// oldest kept one can then be neither listed twice nor emitted twice.
		const times = entries.map(([, createdMs]) => createdMs).sort((a, b) => b - a);
		floorMs = times[settings.maxSeen - 1];
		threshold = floorMs;
	}
	const kept: Record<string, number> = {};
	for (const [id, createdMs] of entries) if (createdMs >= threshold) kept[id] = createdMs;
	return { newestMs, floorMs, seen: kept };
}

/** A cursor read back from static data, or undefined when it is missing or not one. */
export function readCursor(value: unknown): SeenCursor | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const candidate = value as Partial<SeenCursor>;
	if (typeof candidate.newestMs !== 'number' || !Number.isFinite(candidate.newestMs)) return undefined;
	if (typeof candidate.floorMs !== 'number' || !Number.isFinite(candidate.floorMs)) return undefined;
	if (!candidate.seen || typeof candidate.seen !== 'object' || Array.isArray(candidate.seen)) return undefined;
	const seen: Record<string, number> = {};
	for (const [id, createdMs] of Object.entries(candidate.seen)) {
		if (typeof createdMs === 'number' && Number.isFinite(createdMs)) seen[id] = createdMs;
	}
	return { newestMs: candidate.newestMs, floorMs: candidate.floorMs, seen };
}
