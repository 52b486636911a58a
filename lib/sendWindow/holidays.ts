/**
 * Public holidays computed from their rules, without a network call or a library: fixed dates,
 * dates from Easter (Gregorian computus) and the few "nth weekday" and substitute-day rules of the
 * countries below. Leaves out regional holidays (German Länder, Spanish communities, Swiss
 * cantons, Alsace-Moselle's Good Friday and 26 December), one-off days not listed in
 * `ONE_OFF_DAYS`, and dates before 2000 (rules have changed since; nobody schedules an SMS then).
 */

export const HOLIDAY_COUNTRIES = {
	BE: 'Belgium',
	CH: 'Switzerland (days observed in most cantons)',
	DE: 'Germany (nationwide days)',
	ES: 'Spain (nationwide days)',
	FR: 'France (metropolitan)',
	GB: 'United Kingdom (England and Wales)',
	IT: 'Italy',
	NL: 'Netherlands',
	PL: 'Poland',
	PT: 'Portugal',
} as const;

export type HolidayCountry = keyof typeof HOLIDAY_COUNTRIES;

/** A calendar date: `2026-05-25`. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

const iso = (utcMidnightMs: number): IsoDate => new Date(utcMidnightMs).toISOString().slice(0, 10);
const dateOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day);
const weekdayOf = (utcMidnightMs: number) => new Date(utcMidnightMs).getUTCDay();

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm), as UTC midnight. */
export function easterSunday(year: number): number {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return dateOf(year, month, day);
}

/** Days after Easter Sunday. */
const GOOD_FRIDAY = -2;
const EASTER_SUNDAY = 0;
const EASTER_MONDAY = 1;
const ASCENSION = 39;
const WHIT_SUNDAY = 49;
const WHIT_MONDAY = 50;
const CORPUS_CHRISTI = 60;

interface CountryRule {
	/** `MM-DD`, every year. */
	fixed: string[];
	/** Days after Easter Sunday. */
	easter: number[];
	/** Days that depend on the year otherwise. */
	extra?: (year: number) => number[];
}

/** The `n`th (1-based; -1 = last) given weekday of a month, as UTC midnight. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
	if (n > 0) {
		const first = dateOf(year, month, 1);
		return first + (((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7) * DAY_MS;
	}
	const last = dateOf(year, month + 1, 0);
	return last - ((weekdayOf(last) - weekday + 7) % 7) * DAY_MS;
}

/**
 * Days that fall on a weekend move to the next weekday not taken by another (GB's substitute
 * days: Christmas on a Saturday is observed on Monday 27 and Boxing Day on Tuesday 28).
 */
function withSubstitutes(days: number[]): number[] {
	const taken = new Set<number>();
	for (const day of days) {
		let observed = day;
		while (weekdayOf(observed) === 0 || weekdayOf(observed) === 6 || taken.has(observed)) observed += DAY_MS;
		taken.add(observed);
	}
	return [...taken];
}

/** GB days moved or added by proclamation (gov.uk bank holidays). */
const GB_MOVED: Record<number, { remove: IsoDate[]; add: IsoDate[] }> = {
	2002: { remove: ['2002-05-27'], add: ['2002-06-03', '2002-06-04'] },
	2011: { remove: [], add: ['2011-04-29'] },
	2012: { remove: ['2012-05-28'], add: ['2012-06-04', '2012-06-05'] },
	2020: { remove: ['2020-05-04'], add: ['2020-05-08'] },
	2022: { remove: ['2022-05-30'], add: ['2022-06-02', '2022-06-03', '2022-09-19'] },
	2023: { remove: [], add: ['2023-05-08'] },
};

const RULES: Record<HolidayCountry, CountryRule> = {
	// Code du travail L3133-1.
	FR: { fixed: ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'], easter: [EASTER_MONDAY, ASCENSION, WHIT_MONDAY] },
	BE: { fixed: ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25'], easter: [EASTER_MONDAY, ASCENSION, WHIT_MONDAY] },
	DE: { fixed: ['01-01', '05-01', '10-03', '12-25', '12-26'], easter: [GOOD_FRIDAY, EASTER_MONDAY, ASCENSION, WHIT_MONDAY] },
	ES: { fixed: ['01-01', '01-06', '05-01', '08-15', '10-12', '11-01', '12-06', '12-08', '12-25'], easter: [GOOD_FRIDAY] },
	IT: {
		fixed: ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'],
		easter: [EASTER_MONDAY],
		// Saint Francis (4 October) is a national holiday again from 2026 (law 151 of 2025).
		extra: (year) => (year >= 2026 ? [dateOf(year, 10, 4)] : []),
	},
	NL: {
		// Good Friday and Liberation Day are official holidays many employers work on: kept, as the quieter choice.
		fixed: ['01-01', '05-05', '12-25', '12-26'],
		easter: [GOOD_FRIDAY, EASTER_MONDAY, ASCENSION, WHIT_MONDAY],
		// King's Day, 27 April (26 when the 27th is a Sunday); Queen's Day, 30 April, until 2013.
		extra: (year) => {
			if (year < 2014) return [dateOf(year, 4, 30)];
			const kingsDay = dateOf(year, 4, 27);
			return [weekdayOf(kingsDay) === 0 ? kingsDay - DAY_MS : kingsDay];
		},
	},
	PL: {
		fixed: ['01-01', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26'],
		easter: [EASTER_SUNDAY, EASTER_MONDAY, WHIT_SUNDAY, CORPUS_CHRISTI],
		// Epiphany from 2011; Christmas Eve from 2025.
		extra: (year) => [...(year >= 2011 ? [dateOf(year, 1, 6)] : []), ...(year >= 2025 ? [dateOf(year, 12, 24)] : [])],
	},
	PT: {
		fixed: ['01-01', '04-25', '05-01', '06-10', '08-15', '12-08', '12-25'],
		easter: [GOOD_FRIDAY, EASTER_SUNDAY],
		// Corpus Christi, 5 October, 1 November and 1 December were suspended from 2013 to 2015.
		extra: (year) =>
			year >= 2013 && year <= 2015
				? []
				: [easterSunday(year) + CORPUS_CHRISTI * DAY_MS, dateOf(year, 10, 5), dateOf(year, 11, 1), dateOf(year, 12, 1)],
	},
	CH: { fixed: ['01-01', '08-01', '12-25', '12-26'], easter: [GOOD_FRIDAY, EASTER_MONDAY, ASCENSION, WHIT_MONDAY] },
	GB: {
		fixed: [],
		easter: [GOOD_FRIDAY, EASTER_MONDAY],
		extra: (year) => {
			const days = [
				...withSubstitutes([dateOf(year, 1, 1)]),
				nthWeekday(year, 5, 1, 1),
				nthWeekday(year, 5, 1, -1),
				nthWeekday(year, 8, 1, -1),
				...withSubstitutes([dateOf(year, 12, 25), dateOf(year, 12, 26)]),
			];
			const moved = GB_MOVED[year];
			if (!moved) return days;
			return [...days.filter((day) => !moved.remove.includes(iso(day))), ...moved.add.map((day) => Date.parse(`${day}T00:00:00Z`))];
		},
	},
};

const cache = new Map<string, ReadonlySet<IsoDate>>();

/** The public holidays of a country in a year, as `YYYY-MM-DD` dates. */
export function publicHolidays(country: HolidayCountry, year: number): ReadonlySet<IsoDate> {
	const key = `${country}:${year}`;
	let days = cache.get(key);
	if (!days) {
		const rule = RULES[country];
		const easter = easterSunday(year);
		days = new Set(
			[
				...rule.fixed.map((monthDay) => `${year}-${monthDay}`),
				...rule.easter.map((offset) => iso(easter + offset * DAY_MS)),
				...(rule.extra?.(year) ?? []).map(iso),
			].sort(),
		);
		cache.set(key, days);
	}
	return days;
}

export function isPublicHoliday(country: HolidayCountry, date: { year: number; month: number; day: number }): boolean {
	return publicHolidays(country, date.year).has(iso(dateOf(date.year, date.month, date.day)));
}
