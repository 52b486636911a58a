/**
 * Wall-clock time in an IANA time zone, with `Intl` only: what a clock in that zone reads at an
 * instant, and the first instant at which it reads a given time, including on the days the
 * clock jumps (a time that never happens) or goes back (a time that happens twice).
 */

/** A date and time as a clock in the zone shows it; `weekday` 0 is Sunday. */
export interface WallClock {
	year: number;
	/** 1 to 12. */
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Whether `Intl` knows this IANA zone name (Europe/Paris, UTC…). */
export function isKnownTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The offset as `Intl` gives it: the zone's wall clock read as if it were UTC, minus the instant. */
function readOffsetMs(epochMs: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const wallAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * Offsets change at whole minutes of UTC in every zone since 1972 (checked against every zone
 * `Intl` knows, 1972 to 2030; Liberia's -00:44:30 ended on 7 January 1972), so one reading serves
 * a whole minute. Reading `Intl` costs about 20 µs; a 10,000-item send places each item in its
 * window, and its items share the minute of the run.
 */
const OFFSET_STEP_MS = 60_000;
const OFFSETS_KEPT = 10_000;
const offsets = new Map<string, number>();

/** Milliseconds the zone's clock is ahead of UTC at this instant. */
export function offsetMsAt(epochMs: number, timeZone: string): number {
	const key = `${timeZone}\u0000${Math.floor(epochMs / OFFSET_STEP_MS)}`;
	let offset = offsets.get(key);
	if (offset === undefined) {
		offset = readOffsetMs(epochMs, timeZone);
		if (offsets.size >= OFFSETS_KEPT) offsets.clear();
		offsets.set(key, offset);
	}
	return offset;
}

export function wallClockOf(epochMs: number, timeZone: string): WallClock {
	const wall = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMsAt(epochMs, timeZone));
	return {
		year: wall.getUTCFullYear(),
		month: wall.getUTCMonth() + 1,
		day: wall.getUTCDate(),
		hour: wall.getUTCHours(),
		minute: wall.getUTCMinutes(),
		second: wall.getUTCSeconds(),
		weekday: wall.getUTCDay(),
	};
}

const DAY_MS = 86_400_000;

/**
 * The first instant at which the zone's clock reads this date and time or later. A time that
 * happens twice (the clock goes back) gives its first occurrence; a time that never happens (the
 * clock jumps over it) gives the instant of the jump, when the clock first reads a later time.
 * `minuteOfDay` may be 1440 (24:00, the next day's midnight).
 */
export function firstInstantAtOrAfter(date: { year: number; month: number; day: number }, minuteOfDay: number, timeZone: string): number {
	const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * 60_000;
	// Offset changes are at least days apart: the offsets a day before and after are the two in play.
	const before = offsetMsAt(wallAsUtc - DAY_MS, timeZone);
	const after = offsetMsAt(wallAsUtc + DAY_MS, timeZone);
	const reads = (instant: number) => instant + offsetMsAt(instant, timeZone) === wallAsUtc;
	const candidates = [wallAsUtc - before, wallAsUtc - after].filter(reads).sort((a, b) => a - b);
	if (candidates.length) return candidates[0];
	// In the gap: the jump lies between the two readings; find its minute.
	let early = Math.min(wallAsUtc - before, wallAsUtc - after);
	let late = Math.max(wallAsUtc - before, wallAsUtc - after);
	while (late - early > 60_000) {
		const middle = early + Math.floor((late - early) / 120_000) * 60_000;
		if (middle + offsetMsAt(middle, timeZone) >= wallAsUtc) late = middle;
		else early = middle;
	}
	return late;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `2026-12-07T08:00:00+01:00`: the instant as the zone's clock reads it, with the zone's offset. */
export function formatInZone(epochMs: number, timeZone: string): string {
	const wall = wallClockOf(epochMs, timeZone);
	const offsetMinutes = Math.round(offsetMsAt(epochMs, timeZone) / 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const absolute = Math.abs(offsetMinutes);
	return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}
