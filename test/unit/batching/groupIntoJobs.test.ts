import { groupIntoJobs, mapWithConcurrency, type SendRequest } from '../../../lib/batching';

const request = (itemIndex: number, key: string, receivers: string[]): SendRequest<string> => ({
	itemIndex,
	key,
	payload: `payload of ${key}`,
	receivers,
});

describe('groupIntoJobs', () => {
	test('items with the same text become one job; a personalised text gets its own', () => {
		const plan = groupIntoJobs([request(0, 'promo', ['+1']), request(1, 'hello Bob', ['+2']), request(2, 'promo', ['+3', '+4'])]);
		expect(plan.jobs).toEqual([
			{ key: 'promo', payload: 'payload of promo', receivers: ['+1', '+3', '+4'], owners: [0, 2, 2] },
			{ key: 'hello Bob', payload: 'payload of hello Bob', receivers: ['+2'], owners: [1] },
		]);
	});

	test('jobs never exceed the receivers limit, and every receiver is in exactly one job', () => {
		const requests = Array.from({ length: 1234 }, (_, i) => request(i, 'same', [`+${1000 + i}`]));
		const plan = groupIntoJobs(requests, 500);
		expect(plan.jobs.map((job) => job.receivers.length)).toEqual([500, 500, 234]);
		expect(plan.jobs.flatMap((job) => job.owners)).toEqual(requests.map((r) => r.itemIndex));
	});

	test('a receiver asked twice for the same text is sent once, the later item told why', () => {
		const plan = groupIntoJobs([request(0, 'a', ['+1', '+2']), request(1, 'a', ['+2', '+3']), request(2, 'b', ['+2'])]);
		expect(plan.jobs.map((job) => job.receivers)).toEqual([['+1', '+2', '+3'], ['+2']]);
		expect(plan.duplicatesByItem).toEqual(new Map([[1, ['+2']]]));
	});

	test('refuses a limit that is not a positive integer', () => {
		expect(() => groupIntoJobs([], 0)).toThrow(RangeError);
	});
});

describe('mapWithConcurrency', () => {
	test('never runs more than the limit at once and keeps results in input order', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0], 2, async (n) => {
			running++;
			peak = Math.max(peak, running);
			for (let i = 0; i < n; i++) await Promise.resolve();
			running--;
			if (n === 2) throw new Error('two');
			return n * 10;
		});
		expect(peak).toBe(2);
		expect(results).toEqual([
			{ status: 'fulfilled', value: 50 },
			{ status: 'fulfilled', value: 10 },
			{ status: 'fulfilled', value: 40 },
			{ status: 'rejected', reason: new Error('two') },
			{ status: 'fulfilled', value: 30 },
			{ status: 'fulfilled', value: 0 },
		]);
	});

	test('stops starting tasks once told to, and says which were skipped', async () => {
		let failed = false;
		const results = await mapWithConcurrency(
			[1, 2, 3, 4],
			1,
			async (n) => {
				if (n === 2) {
					failed = true;
					throw new Error('bad');
				}
				return n;
			},
			{ stopWhen: () => failed },
		);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'skipped', 'skipped']);
	});
});
