import { deferredStart, startInstant, waitForCampaign, type Batch, type BatchStatus } from '../../../lib/campaigns';

function fakeCampaign(statuses: BatchStatus[]) {
	let now = 0;
	const pauses: number[] = [];
	let reads = 0;
	return {
		pauses,
		wait: {
			readBatch: async () => ({ id: 'b', status: statuses[Math.min(reads++, statuses.length - 1)] }) as Batch,
			sleep: async (ms: number) => {
				pauses.push(ms);
				now += ms;
			},
			nowMs: () => now,
		},
	};
}

describe('waitForCampaign', () => {
	test('reads until the campaign is completed, pausing longer each time up to the maximum', async () => {
		const campaign = fakeCampaign(['INSERTING', 'PENDING', 'PENDING', 'PENDING', 'PENDING', 'COMPLETED']);
		const outcome = await waitForCampaign({ ...campaign.wait, timeLimitMs: 600_000, firstIntervalMs: 1000, maxIntervalMs: 3000 });
		expect(outcome).toMatchObject({ finished: true, reads: 6, waitedMs: 1000 + 1500 + 2250 + 3000 + 3000 });
		expect(outcome.batch.status).toBe('COMPLETED');
		expect(campaign.pauses).toEqual([1000, 1500, 2250, 3000, 3000]);
	});

	test('stops at FAILED and CANCELED too', async () => {
		for (const status of ['FAILED', 'CANCELED'] as const) {
			const outcome = await waitForCampaign({ ...fakeCampaign(['PENDING', status]).wait, timeLimitMs: 60_000, firstIntervalMs: 10 });
			expect(outcome).toMatchObject({ finished: true, reads: 2 });
		}
	});

	test('gives up at the time limit with the last state read, never sleeping past it', async () => {
		const campaign = fakeCampaign(['PENDING']);
		const outcome = await waitForCampaign({ ...campaign.wait, timeLimitMs: 5000, firstIntervalMs: 2000 });
		expect(outcome).toMatchObject({ finished: false, waitedMs: 5000 });
		expect(campaign.pauses).toEqual([2000, 3000]);
	});
});

describe('startInstant', () => {
	test('reads a wall-clock time in the workflow time zone, summer and winter', () => {
		expect(new Date(startInstant('2026-07-01T09:00:00', 'Europe/Paris')).toISOString()).toBe('2026-07-01T07:00:00.000Z');
		expect(new Date(startInstant('2026-12-01T09:00:00', 'Europe/Paris')).toISOString()).toBe('2026-12-01T08:00:00.000Z');
		expect(new Date(startInstant('2026-12-01 09:00', 'America/New_York')).toISOString()).toBe('2026-12-01T14:00:00.000Z');
	});

	test('keeps an explicit offset as given', () => {
		expect(new Date(startInstant('2026-07-01T09:00:00+02:00', 'America/New_York')).toISOString()).toBe('2026-07-01T07:00:00.000Z');
	});

	test('refuses text that is not a date', () => {
		expect(() => startInstant('next monday', 'Europe/Paris')).toThrow('"next monday" is not a date and time');
	});
});

describe('deferredStart', () => {
	const now = Date.parse('2026-05-04T08:00:00Z');
	test('a future start is sent as an instant, a start just passed means now, an old one is refused', () => {
		expect(deferredStart(now + 3_600_000, now)).toBe('2026-05-04T09:00:00.000Z');
		expect(deferredStart(now - 60_000, now)).toBeUndefined();
		expect(() => deferredStart(now - 86_400_000, now)).toThrow('is in the past');
	});
});
