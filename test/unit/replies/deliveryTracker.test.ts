import { observeSms, pruneTracker, readTracker, trackedIds, trackSms, type DeliveryTracker } from '../../../lib/replies';

const T0 = Date.parse('2024-05-01T08:00:00Z');
const created = { ptt: 0, dlrCode: 0 };
const accepted = { ptt: 3, dlrCode: 4 };
const delivered = { ptt: 4, dlrCode: 1 };

describe('delivery tracker', () => {
	test('each state change is news once, and a final state ends the follow-up', () => {
		const tracker: DeliveryTracker = { tracked: {} };
		trackSms(tracker, 1, T0);
		expect(observeSms(tracker, 1, created)).toEqual({ changed: false, final: false });
		expect(observeSms(tracker, 1, accepted)).toEqual({ changed: true, final: false });
		expect(observeSms(tracker, 1, accepted)).toEqual({ changed: false, final: false });
		expect(observeSms(tracker, 1, delivered)).toEqual({ changed: true, final: true });
		expect(trackedIds(tracker)).toEqual([]);
	});

	test('an SMS already in flight at activation reports only later changes', () => {
		const tracker: DeliveryTracker = { tracked: {} };
		trackSms(tracker, 7, T0, accepted);
		expect(observeSms(tracker, 7, accepted).changed).toBe(false);
		expect(observeSms(tracker, 7, { ptt: 23, dlrCode: 2 })).toEqual({ changed: true, final: true });
	});

	test('an SMS already final at activation is not followed', () => {
		const tracker: DeliveryTracker = { tracked: {} };
		trackSms(tracker, 8, T0, delivered);
		expect(trackedIds(tracker)).toEqual([]);
	});

	test('followed SMS are bounded by age and by count, oldest dropped first', () => {
		const tracker: DeliveryTracker = { tracked: {} };
		for (let i = 0; i < 5; i++) trackSms(tracker, i, T0 + i * 1000);
		trackSms(tracker, 99, T0 - 4 * 24 * 3600_000);
		pruneTracker(tracker, T0 + 10_000, { maxTracked: 3, maxAgeMs: 72 * 3600_000 });
		expect(trackedIds(tracker).sort()).toEqual(['2', '3', '4']);
	});

	test('the tracker survives a trip through static data', () => {
		const tracker: DeliveryTracker = { tracked: {} };
		trackSms(tracker, 1, T0, accepted);
		expect(readTracker(JSON.parse(JSON.stringify(tracker)))).toEqual(tracker);
		expect(readTracker({ tracked: [] })).toBeUndefined();
	});
});
