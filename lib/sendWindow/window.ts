/**
 * A send window: the days and hours, in a time zone, when an SMS may go out, public holidays of a
 * country excepted. Finds whether an instant is inside and, when not, the window's next opening,
 * exactly across daylight-saving changes. Leaves out windows that span midnight (two windows
 * would be needed) and what a caller does outside it (defer or refuse: the node decides).
 */
import { isPublicHoliday, type HolidayCountry } from './holidays';
import { firstInstantAtOrAfter, wallClockOf } from './zonedTime';

export interface SendWindow {
	/** IANA zone the days and hours are read in. */
	timeZone: string;
	/** Allowed weekdays, 0 = Sunday … 6 = Saturday. */
	days: readonly number[];
	/** Minutes after midnight: the window opens at `opensAt` and closes at `closesAt` (up to 1440 = 24:00). */
	opensAt: number;
	closesAt: number;
	/** Public holidays of this country are closed all day. */
	holidays?: HolidayCountry;
}

/** Why an instant is outside the window. */
export type ClosedReason = 'day' | 'holiday' | 'hours';

export interface WindowPlacement {
	/** The instant itself when inside, else the next opening. */
	atMs: number;
	/** Undefined when the instant is inside the window. */
	closedBecause?: ClosedReason;
}

/** A window that never opens (no day allowed) is refused before this far ahead is searched. */
const SEARCH_DAYS = 400;

/** Throws when the window cannot be used: no day, hours out of order, unknown zone. */
export function checkSendWindow(window: SendWindow): void {
	if (window.days.length === 0) throw new RangeError('no day is allowed');
	if (!(window.opensAt >= 0 && window.closesAt <= 1440 && window.opensAt < window.closesAt)) {
		throw new RangeError('the window must open before it closes, within one day (00:00 to 24:00)');
	}
	wallClockOf(0, window.timeZone);
}

/** Where an SMS due at `atMs` can go: at once, or at the window's next opening. */
export function placeInWindow(atMs: number, window: SendWindow): WindowPlacement {
	checkSendWindow(window);
	const start = wallClockOf(atMs, window.timeZone);
	let closedBecause: ClosedReason | undefined;
	for (let offset = 0; offset < SEARCH_DAYS; offset++) {
		const noon = new Date(Date.UTC(start.year, start.month - 1, start.day + offset, 12));
		const date = { year: noon.getUTCFullYear(), month: noon.getUTCMonth() + 1, day: noon.getUTCDate() };
		const closed: ClosedReason | undefined = !window.days.includes(noon.getUTCDay())
			? 'day'
			: window.holidays && isPublicHoliday(window.holidays, date)
				? 'holiday'
				: undefined;
		if (closed) {
			if (offset === 0) closedBecause = closed;
			continue;
		}
		const opens = firstInstantAtOrAfter(date, window.opensAt, window.timeZone);
		const closes = firstInstantAtOrAfter(date, window.closesAt, window.timeZone);
		if (atMs < opens) return { atMs: opens, closedBecause: closedBecause ?? 'hours' };
		if (atMs < closes) return { atMs };
		if (offset === 0) closedBecause = 'hours';
	}
	throw new RangeError(`the window does not open in the next ${SEARCH_DAYS} days`);
}
