import {
	firstInstantAtOrAfter,
	formatInZone,
	FRENCH_COMMERCIAL_HOURS,
	placeInWindow,
	timeSend,
	type SendWindow,
} from '../../../lib/sendWindow';

const at = (iso: string) => Date.parse(iso);
const utc = (ms: number) => new Date(ms).toISOString();

describe('placeInWindow with the French commercial hours (Mon–Fri 08:00–20:00 Paris, French holidays)', () => {
	test.each([
		// [due (with its offset), goes at (UTC), why it waits]
		['Sunday 23:40 → Monday 08:00', '2026-12-06T23:40:00+01:00', '2026-12-07T07:00:00.000Z', 'day'],
		['Monday 07:59 → 08:00 the same day', '2026-12-07T07:59:00+01:00', '2026-12-07T07:00:00.000Z', 'hours'],
		['Monday 08:00 is inside', '2026-12-07T08:00:00+01:00', '2026-12-07T07:00:00.000Z', undefined],
		['Monday 19:59 is inside', '2026-12-07T19:59:59+01:00', '2026-12-07T18:59:59.000Z', undefined],
		['Monday 20:00 → Tuesday 08:00', '2026-12-07T20:00:00+01:00', '2026-12-08T07:00:00.000Z', 'hours'],
		['Friday 20:30 → Monday 08:00', '2026-12-11T20:30:00+01:00', '2026-12-14T07:00:00.000Z', 'hours'],
		['Christmas (Friday) → Monday 28th', '2026-12-25T10:00:00+01:00', '2026-12-28T07:00:00.000Z', 'holiday'],
		[
			'Thursday before Easter Monday, 21:00 → Friday (Good Friday is no French holiday)',
			'2026-04-02T21:00:00+02:00',
			'2026-04-03T06:00:00.000Z',
			'hours',
		],
		['Friday before Easter Monday, 21:00 → Tuesday', '2026-04-03T21:00:00+02:00', '2026-04-07T06:00:00.000Z', 'hours'],
		['Wednesday before Ascension, 20:10 → Friday', '2026-05-13T20:10:00+02:00', '2026-05-15T06:00:00.000Z', 'hours'],
		['Whit Monday, 09:00 → Tuesday', '2026-05-25T09:00:00+02:00', '2026-05-26T06:00:00.000Z', 'holiday'],
		['Friday before the spring change, 21:00 CET → Monday 08:00 CEST', '2026-03-27T21:00:00+01:00', '2026-03-30T06:00:00.000Z', 'hours'],
		['Friday before the autumn change, 21:00 CEST → Monday 08:00 CET', '2026-10-23T21:00:00+02:00', '2026-10-26T07:00:00.000Z', 'hours'],
		[
			"New Year's Eve 2026 (Thursday) 20:00 → Saturday and Sunday skipped, 1 January closed → Monday 4th",
			'2026-12-31T20:00:00+01:00',
			'2027-01-04T07:00:00.000Z',
			'hours',
		],
	])('%s', (_name, due, goesAt, why) => {
		const placement = placeInWindow(at(due), FRENCH_COMMERCIAL_HOURS);
		expect(utc(placement.atMs)).toBe(goesAt);
		expect(placement.closedBecause).toBe(why);
	});
});

describe('daylight-saving edges', () => {
	const everyDay = [0, 1, 2, 3, 4, 5, 6];
	test.each<[string, SendWindow, string, string]>([
		// Europe/Paris jumps from 02:00 to 03:00 on 29 March 2026: 02:30 never happens; the window opens at the jump.
		[
			'Paris, an opening at 02:30 on the spring-forward night opens at 03:00 CEST',
			{ timeZone: 'Europe/Paris', days: everyDay, opensAt: 150, closesAt: 300 },
			'2026-03-29T00:10:00Z',
			'2026-03-29T01:00:00.000Z',
		],
		[
			'Paris, the day after, 02:30 CEST again',
			{ timeZone: 'Europe/Paris', days: everyDay, opensAt: 150, closesAt: 300 },
			'2026-03-29T04:00:00Z',
			'2026-03-30T00:30:00.000Z',
		],
		// Europe/Paris goes back from 03:00 to 02:00 on 25 October 2026: 02:30 happens twice; the first one counts.
		[
			'Paris, an opening at 02:30 on the fall-back night opens at the first 02:30 (CEST)',
			{ timeZone: 'Europe/Paris', days: everyDay, opensAt: 150, closesAt: 300 },
			'2026-10-24T23:00:00Z',
			'2026-10-25T00:30:00.000Z',
		],
		[
			'Paris, a window closing at 02:30 on the fall-back night closes at the first 02:30',
			{ timeZone: 'Europe/Paris', days: [0], opensAt: 0, closesAt: 150 },
			'2026-10-25T00:45:00Z',
			'2026-10-31T23:00:00.000Z',
		], // Sunday 1 November, 00:00 CET,
		// Australia/Sydney jumps from 02:00 to 03:00 on 4 October 2026 and goes back from 03:00 to 02:00 on 5 April 2026.
		[
			'Sydney, an opening at 02:15 on the spring-forward night opens at 03:00 AEDT',
			{ timeZone: 'Australia/Sydney', days: everyDay, opensAt: 135, closesAt: 600 },
			'2026-10-03T14:00:00Z',
			'2026-10-03T16:00:00.000Z',
		],
		[
			'Sydney, an opening at 02:15 on the fall-back night opens at the first 02:15 (AEDT)',
			{ timeZone: 'Australia/Sydney', days: everyDay, opensAt: 135, closesAt: 600 },
			'2026-04-04T14:00:00Z',
			'2026-04-04T15:15:00.000Z',
		],
		[
			'Sydney, 08:00 on a winter Monday is UTC+10',
			{ timeZone: 'Australia/Sydney', days: [1], opensAt: 480, closesAt: 1200 },
			'2026-07-04T00:00:00Z',
			'2026-07-05T22:00:00.000Z',
		],
	])('%s', (_name, window, due, goesAt) => {
		expect(utc(placeInWindow(at(due), window).atMs)).toBe(goesAt);
	});

	test('a time in the skipped hour reads as the instant of the jump; a repeated one as its first occurrence', () => {
		expect(utc(firstInstantAtOrAfter({ year: 2026, month: 3, day: 29 }, 2 * 60 + 30, 'Europe/Paris'))).toBe('2026-03-29T01:00:00.000Z');
		expect(utc(firstInstantAtOrAfter({ year: 2026, month: 10, day: 25 }, 2 * 60 + 30, 'Europe/Paris'))).toBe('2026-10-25T00:30:00.000Z');
		expect(utc(firstInstantAtOrAfter({ year: 2026, month: 12, day: 6 }, 1440, 'Europe/Paris'))).toBe('2026-12-06T23:00:00.000Z');
	});
});

describe('formatInZone', () => {
	test.each([
		['2026-12-07T07:00:00Z', 'Europe/Paris', '2026-12-07T08:00:00+01:00'],
		['2026-07-07T06:00:00Z', 'Europe/Paris', '2026-07-07T08:00:00+02:00'],
		['2026-07-07T06:00:00Z', 'America/New_York', '2026-07-07T02:00:00-04:00'],
		['2026-07-07T06:00:00Z', 'Asia/Kolkata', '2026-07-07T11:30:00+05:30'],
		['2026-07-07T06:00:00Z', 'UTC', '2026-07-07T06:00:00+00:00'],
	])('%s in %s is %s', (instant, zone, expected) => {
		expect(formatInZone(at(instant), zone)).toBe(expected);
	});
});

describe('a window that cannot be used is refused', () => {
	test.each<[string, Partial<SendWindow>, RegExp]>([
		['no day', { days: [] }, /no day/],
		['closing before opening', { opensAt: 600, closesAt: 480 }, /open before it closes/],
		['an unknown time zone', { timeZone: 'Europe/Pariss' }, /time zone/i],
	])('%s', (_name, change, message) => {
		expect(() => placeInWindow(0, { ...FRENCH_COMMERCIAL_HOURS, ...change })).toThrow(message);
	});
});

describe('timeSend: which sends the window holds', () => {
	const sunday2340 = at('2026-12-06T23:40:00+01:00');
	const monday0800 = '2026-12-07T07:00:00.000Z';
	const policy = (outside: 'defer' | 'fail', nonCommercialToo = false) => ({ window: FRENCH_COMMERCIAL_HOURS, outside, nonCommercialToo });
	test.each([
		[
			'a commercial send is deferred to the opening',
			true,
			policy('defer'),
			{ kind: 'deferred', atMs: at(monday0800), closedBecause: 'day' },
		],
		[
			'a commercial send is refused, with the opening',
			true,
			policy('fail'),
			{ kind: 'refused', nextOpeningMs: at(monday0800), closedBecause: 'day' },
		],
		['a non-commercial send goes when due', false, policy('fail'), { kind: 'notApplied', atMs: sunday2340 }],
		[
			'a non-commercial send is held when asked',
			false,
			policy('defer', true),
			{ kind: 'deferred', atMs: at(monday0800), closedBecause: 'day' },
		],
	] as const)('%s', (_name, commercial, chosen, expected) => {
		expect(timeSend(sunday2340, commercial, chosen)).toEqual(expected);
	});

	test('a commercial send due inside the window goes when due', () => {
		const tuesday10 = at('2026-12-08T10:00:00+01:00');
		expect(timeSend(tuesday10, true, policy('fail'))).toEqual({ kind: 'inWindow', atMs: tuesday10 });
	});
});
