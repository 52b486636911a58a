/**
 * Send windows (quiet hours) for commercial SMS: allowed days and hours in an IANA time zone,
 * public holidays of a country skipped, and the next opening computed exactly across
 * daylight-saving changes, with `Intl` only. Leaves out which sends a window applies to and what
 * happens outside it (the node: defer through OVHcloud's own scheduling, or fail the item), and
 * regional holidays (see holidays.ts). No n8n import.
 */
export { FRENCH_COMMERCIAL_HOURS } from './presets';
export { HOLIDAY_COUNTRIES, easterSunday, isPublicHoliday, publicHolidays } from './holidays';
export type { HolidayCountry, IsoDate } from './holidays';
export { timeSend } from './policy';
export type { SendTiming, SendWindowPolicy } from './policy';
export { checkSendWindow, placeInWindow } from './window';
export type { ClosedReason, SendWindow, WindowPlacement } from './window';
export { firstInstantAtOrAfter, formatInZone, isKnownTimeZone, offsetMsAt, wallClockOf } from './zonedTime';
export type { WallClock } from './zonedTime';
