import { startInstant } from '../../../lib/campaigns';
import { parseDateTimeParameter } from '../../../nodes/OvhSms/actions/common/datetime';

// Both read a wall-clock time in the workflow's time zone with lib/sendWindow's zone offset.
describe("a date without an offset is read in the workflow's time zone", () => {
	test.each([
		['2026-12-07 08:00', 'Europe/Paris', '2026-12-07T07:00:00.000Z'],
		['2026-07-07T08:00', 'Europe/Paris', '2026-07-07T06:00:00.000Z'],
		['2026-07-07T08:00:00', 'America/New_York', '2026-07-07T12:00:00.000Z'],
		['2026-07-07T08:00:00', 'Australia/Sydney', '2026-07-06T22:00:00.000Z'],
		['2026-10-25T02:30:00', 'Europe/Paris', '2026-10-25T01:30:00.000Z'],
	])('%s in %s is %s', (wall, zone, instant) => {
		expect(new Date(startInstant(wall, zone)).toISOString()).toBe(instant);
		expect(new Date(parseDateTimeParameter(wall, zone)!).toISOString()).toBe(instant);
	});
});
