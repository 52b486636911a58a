import fc from 'fast-check';
import {
	DEFAULT_CURSOR_SETTINGS,
	listingStartMs,
	readCursor,
	rememberSeen,
	RESUME_LOOK_BACK_MS,
	resumeCursor,
	startCursor,
	unseenIds,
	type CursorSettings,
	type SeenCursor,
} from '../../../lib/replies';

const T0 = Date.parse('2024-05-01T08:00:00Z');

describe('seen cursor', () => {
	test('a first activation counts what exists as seen', () => {
		const cursor = startCursor(T0, [1, 2, 3]);
		expect(unseenIds(cursor, [1, 2, 3, 4])).toEqual(['4']);
		expect(listingStartMs(cursor)).toBe(T0 - DEFAULT_CURSOR_SETTINGS.overlapMs);
	});

	test('a poll resuming without saved state lists the look-back window, nothing before it, with nothing seen', () => {
		const cursor = resumeCursor(T0);
		expect(listingStartMs(cursor)).toBe(T0 - RESUME_LOOK_BACK_MS);
		expect(unseenIds(cursor, [1, 2])).toEqual(['1', '2']);
		// Replies read during the window move the mark; the floor keeps older ones out for good.
		const after = rememberSeen(cursor, [{ id: 1, createdMs: T0 - RESUME_LOOK_BACK_MS + 1000 }]);
		expect(listingStartMs(after)).toBe(T0 - RESUME_LOOK_BACK_MS);
		const later = rememberSeen(after, [{ id: 2, createdMs: T0 + 3 * DEFAULT_CURSOR_SETTINGS.overlapMs }]);
		expect(listingStartMs(later)).toBe(T0 + 2 * DEFAULT_CURSOR_SETTINGS.overlapMs);
	});

	test('each listing starts an overlap before the newest creation time', () => {
		let cursor = startCursor(T0, []);
		cursor = rememberSeen(cursor, [{ id: 10, createdMs: T0 + 60_000 }]);
		expect(cursor.newestMs).toBe(T0 + 60_000);
		expect(listingStartMs(cursor)).toBe(T0 + 60_000 - DEFAULT_CURSOR_SETTINGS.overlapMs);
	});

	test('ids that can no longer be listed are forgotten', () => {
		const settings: CursorSettings = { overlapMs: 60_000, maxSeen: 1000 };
		let cursor = startCursor(T0, [1], settings);
		cursor = rememberSeen(cursor, [{ id: 2, createdMs: T0 + 30_000 }], settings);
		expect(Object.keys(cursor.seen).sort()).toEqual(['1', '2']);
		cursor = rememberSeen(cursor, [{ id: 3, createdMs: T0 + 120_000 }], settings);
		expect(Object.keys(cursor.seen)).toEqual(['3']);
	});

	test('an overflowing seen set raises the floor instead of forgetting ids that can still be listed', () => {
		const settings: CursorSettings = { overlapMs: 600_000, maxSeen: 3 };
		let cursor = startCursor(T0, [], settings);
		cursor = rememberSeen(
			cursor,
			[1, 2, 3, 4, 5].map((i) => ({ id: i, createdMs: T0 + i * 1000 })),
			settings,
		);
		expect(Object.keys(cursor.seen).sort()).toEqual(['3', '4', '5']);
		expect(listingStartMs(cursor, settings)).toBe(T0 + 3000);
	});

	test('ids stamped in the same second are all kept, whatever the bound', () => {
		const settings: CursorSettings = { overlapMs: 600_000, maxSeen: 2 };
		const cursor = rememberSeen(
			startCursor(T0, [], settings),
			[1, 2, 3, 4].map((id) => ({ id, createdMs: T0 + 5000 })),
			settings,
		);
		expect(Object.keys(cursor.seen)).toHaveLength(4);
	});

	test('a cursor survives a trip through static data; anything else is no cursor', () => {
		const cursor = rememberSeen(startCursor(T0, [1]), [{ id: 2, createdMs: T0 + 1000 }]);
		expect(readCursor(JSON.parse(JSON.stringify(cursor)))).toEqual(cursor);
		expect(readCursor(undefined)).toBeUndefined();
		expect(readCursor({ newestMs: 'x', floorMs: 0, seen: {} })).toBeUndefined();
		expect(readCursor({ newestMs: 1, floorMs: 0, seen: [] })).toBeUndefined();
	});
});

/**
 * A reply store like OVHcloud's: ids grow, creation times are whole seconds, a reply may
 * become visible to listings a little after its creation time.
 */
interface StoredReply {
	id: number;
	createdMs: number;
	visibleMs: number;
}

function listIds(store: StoredReply[], atMs: number, fromMs: number): number[] {
	return store.filter((r) => r.visibleMs <= atMs && r.createdMs >= fromMs).map((r) => r.id);
}

/** Polls like the trigger does and returns every id it would emit, in order. */
function pollAll(store: StoredReply[], pollTimes: number[], settings: CursorSettings): number[] {
	const emitted: number[] = [];
	let cursor: SeenCursor = startCursor(T0, listIds(store, T0, T0 - settings.overlapMs), settings);
	for (const atMs of pollTimes) {
		const fresh = unseenIds(cursor, listIds(store, atMs, listingStartMs(cursor, settings)));
		const read = fresh.map((id) => store.find((r) => r.id === Number(id))!);
		emitted.push(...read.map((r) => r.id));
		cursor = rememberSeen(
			cursor,
			read.map((r) => ({ id: r.id, createdMs: r.createdMs })),
			settings,
		);
		cursor = readCursor(JSON.parse(JSON.stringify(cursor)))!;
	}
	return emitted;
}

const replyArrivals = (maxLagMs: number) =>
	fc
		.array(fc.record({ offsetMs: fc.integer({ min: 1, max: 900_000 }), lagMs: fc.integer({ min: 0, max: maxLagMs }) }), {
			minLength: 1,
			maxLength: 150,
			size: 'max',
		})
		.map((arrivals) =>
			arrivals
				.sort((a, b) => a.offsetMs - b.offsetMs)
				.map(({ offsetMs, lagMs }, index) => {
					const actualMs = T0 + offsetMs;
					return { id: 1000 + index, createdMs: Math.floor(actualMs / 1000) * 1000, visibleMs: actualMs + lagMs };
				}),
		);

const pollSchedule = fc
	.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 60, size: 'max' })
	.map((offsets) => [...offsets.sort((a, b) => a - b).map((o) => T0 + o), T0 + 1_100_000]);

describe('seen cursor over many polls', () => {
	test('every reply is emitted exactly once, late-visible ones included, however polls fall', () => {
		fc.assert(
			fc.property(replyArrivals(120_000), pollSchedule, (store, polls) => {
				const emitted = pollAll(store, polls, DEFAULT_CURSOR_SETTINGS);
				expect([...emitted].sort((a, b) => a - b)).toEqual(store.map((r) => r.id));
			}),
			{ numRuns: 300 },
		);
	});

	test('with a tiny seen set, bursts are still emitted exactly once', () => {
		const settings: CursorSettings = { overlapMs: 600_000, maxSeen: 3 };
		fc.assert(
			fc.property(replyArrivals(0), pollSchedule, (store, polls) => {
				const emitted = pollAll(store, polls, settings);
				expect([...emitted].sort((a, b) => a - b)).toEqual(store.map((r) => r.id));
			}),
			{ numRuns: 300 },
		);
	});

	test('replies that existed before the first activation are never emitted', () => {
		const before = [
			{ id: 1, createdMs: T0 - 3_600_000, visibleMs: T0 - 3_600_000 },
			{ id: 2, createdMs: T0 - 1000, visibleMs: T0 - 1000 },
		];
		const after = { id: 3, createdMs: T0 + 5000, visibleMs: T0 + 5000 };
		expect(pollAll([...before, after], [T0 + 1000, T0 + 10_000, T0 + 20_000], DEFAULT_CURSOR_SETTINGS)).toEqual([3]);
	});
});
