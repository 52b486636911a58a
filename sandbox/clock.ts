/**
 * OVHcloud renders datetimes in Paris time with an explicit offset and no milliseconds
 * (`2024-05-01T10:00:00+02:00`). The sandbox does the same so that clients meet real offsets,
 * summer time included, rather than a convenient UTC.
 */
const PARIS = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Paris',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
});

const pad = (n: number) => String(n).padStart(2, '0');

// Formatting through Intl is slow and a campaign stamps thousands of SMS in the same second.
let lastSecond = NaN;
let lastText = '';

export function formatOvhDate(ms: number): string {
	const whole = Math.floor(ms / 1000) * 1000;
	if (whole === lastSecond) return lastText;
	lastText = formatSecond(whole);
	lastSecond = whole;
	return lastText;
}

function formatSecond(whole: number): string {
	const parts: Record<string, number> = {};
	for (const part of PARIS.formatToParts(new Date(whole))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const localAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	const offsetMinutes = Math.round((localAsUtc - whole) / 60000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return (
		`${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}` +
		`${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
	);
}

/** Epoch ms of an ISO 8601 datetime, or undefined when it is not one. */
export function parseIsoDatetime(value: string): number | undefined {
	if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)) return undefined;
	const ms = Date.parse(value.replace(' ', 'T'));
	return Number.isNaN(ms) ? undefined : ms;
}
