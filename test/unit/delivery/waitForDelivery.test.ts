import { waitForDelivery } from '../../../lib/delivery';

/** A history where each SMS becomes final (with its DLR id) at a given time. */
function fakeHistory(finalAt: Record<number, { atMs: number; receipt: number }>) {
	let now = 0;
	const pauses: number[] = [];
	const asked: number[][] = [];
	return {
		pauses,
		asked,
		wait: {
			history: {
				readFinal: async (ids: ReadonlySet<number>) => {
					asked.push([...ids]);
					return new Map(
						Object.entries(finalAt)
							.filter(([id, final]) => ids.has(Number(id)) && final.atMs <= now)
							.map(([id, final]) => [Number(id), final.receipt]),
					);
				},
			},
			sleep: async (ms: number) => {
				pauses.push(ms);
				now += ms;
			},
			nowMs: () => now,
			firstIntervalMs: 1000,
			maxIntervalMs: 3000,
		},
	};
}

describe('waitForDelivery', () => {
	test('reads until every SMS is final, pausing longer each time up to the maximum, asking only for those still pending', async () => {
		const fake = fakeHistory({ 1: { atMs: 500, receipt: 1 }, 2: { atMs: 6000, receipt: 2 } });
		const outcome = await waitForDelivery([1, 2], { ...fake.wait, timeLimitMs: 60_000 });
		expect(outcome).toMatchObject({ finished: true, reads: 4, waitedMs: 1000 + 1500 + 2250 + 3000 });
		expect([...outcome.finalById]).toEqual([
			[1, 1],
			[2, 2],
		]);
		expect(fake.pauses).toEqual([1000, 1500, 2250, 3000]);
		expect(fake.asked).toEqual([[1, 2], [2], [2], [2]]);
	});

	test('stops at the time limit with a last read at the limit itself, never sleeping past it', async () => {
		const fake = fakeHistory({ 1: { atMs: 0, receipt: 1 }, 2: { atMs: 5000, receipt: 16 }, 3: { atMs: 1e9, receipt: 1 } });
		const outcome = await waitForDelivery([1, 2, 3], { ...fake.wait, timeLimitMs: 5000 });
		expect(outcome).toMatchObject({ finished: false, waitedMs: 5000 });
		expect(fake.pauses).toEqual([1000, 1500, 2250, 250]);
		expect([...outcome.finalById.keys()]).toEqual([1, 2]);
	});

	test.each([
		['nothing to wait for', [], 60_000, 0],
		['a time limit of zero still reads once', [1], 0, 1],
	])('%s', async (_name, ids, timeLimitMs, reads) => {
		const outcome = await waitForDelivery(ids, { ...fakeHistory({}).wait, timeLimitMs });
		expect(outcome.reads).toBe(reads);
	});

	test('reads are bounded by the time limit, not by the number of SMS', async () => {
		const ids = Array.from({ length: 100_000 }, (_, i) => i);
		const fake = fakeHistory({});
		const outcome = await waitForDelivery(ids, { ...fake.wait, timeLimitMs: 60 * 60_000, maxIntervalMs: 60_000 });
		expect(outcome.finished).toBe(false);
		// 1 s, ×1.5 up to a minute, for an hour: about 70 reads.
		expect(outcome.reads).toBeLessThan(75);
	});
});
