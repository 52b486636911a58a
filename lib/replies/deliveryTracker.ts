/**
 * Delivery reports for a polling trigger. OVHcloud pushes reports only to a callback URL; a
 * trigger behind a firewall instead re-reads the SMS it has sent until they reach a final
 * state, and reports each change it sees. This keeps the last state seen per SMS still in
 * flight, within bounds (count and age), as plain JSON for the workflow's static data.
 */
import { describeDelivery, hasDeliveryNews } from './delivery';

/** [creation time (epoch ms), ptt, DLR id] of the last state seen; codes null until first read. */
export type TrackedState = [number, number | null, number | null];

export interface DeliveryTracker {
	tracked: Record<string, TrackedState>;
}

export interface TrackerLimits {
	/** SMS followed at once; the oldest are dropped beyond it. */
	maxTracked: number;
	/** An SMS not final after this long is no longer followed (OVHcloud drops undeliverable SMS after 48 h by default). */
	maxAgeMs: number;
}

export const DEFAULT_TRACKER_LIMITS: TrackerLimits = { maxTracked: 2000, maxAgeMs: 72 * 3600_000 };

export interface DeliveryObservation {
	/** The state differs from the last one seen and OVHcloud has something to report. */
	changed: boolean;
	/** The SMS reached a final state and is no longer followed. */
	final: boolean;
}

/** Starts following an SMS. `state` is its state when first read (null when not read yet). */
export function trackSms(
	tracker: DeliveryTracker,
	id: string | number,
	createdMs: number,
	state: { ptt: number | null; dlrCode: number | null } | null = null,
): void {
	if (state && describeDelivery(state).final) return;
	tracker.tracked[String(id)] = [createdMs, state?.ptt ?? null, state?.dlrCode ?? null];
}

/** Records the state just read for a followed SMS and says whether it is news. */
export function observeSms(
	tracker: DeliveryTracker,
	id: string | number,
	state: { ptt: number | null; dlrCode: number | null; createdMs?: number },
): DeliveryObservation {
	const key = String(id);
	const previous = tracker.tracked[key];
	const changed = hasDeliveryNews(state) && (!previous || previous[1] !== state.ptt || previous[2] !== state.dlrCode);
	const final = describeDelivery(state).final;
	if (final) delete tracker.tracked[key];
	else tracker.tracked[key] = [state.createdMs ?? previous?.[0] ?? 0, state.ptt, state.dlrCode];
	return { changed, final };
}

export function forgetSms(tracker: DeliveryTracker, id: string | number): void {
	delete tracker.tracked[String(id)];
}

/** Drops SMS too old to follow, then the oldest beyond the count limit. */
export function pruneTracker(tracker: DeliveryTracker, nowMs: number, limits = DEFAULT_TRACKER_LIMITS): void {
	for (const [id, [createdMs]] of Object.entries(tracker.tracked)) {
		if (createdMs < nowMs - limits.maxAgeMs) delete tracker.tracked[id];
	}
	const ids = Object.keys(tracker.tracked);
	if (ids.length <= limits.maxTracked) return;
	ids.sort((a, b) => tracker.tracked[a][0] - tracker.tracked[b][0]);
	for (const id of ids.slice(0, ids.length - limits.maxTracked)) delete tracker.tracked[id];
}

export function trackedIds(tracker: DeliveryTracker): string[] {
	return Object.keys(tracker.tracked);
}

export function readTracker(value: unknown): DeliveryTracker | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const raw = (value as { tracked?: unknown }).tracked;
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
	const tracked: Record<string, TrackedState> = {};
	const code = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
	for (const [id, state] of Object.entries(raw)) {
		if (Array.isArray(state) && typeof state[0] === 'number') tracked[id] = [state[0], code(state[1]), code(state[2])];
	}
	return { tracked };
}
