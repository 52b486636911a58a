/**
 * OVHcloud's datetimes: it answers in Paris time with an offset and whole seconds
 * (`2024-05-01T10:00:00+02:00`) and takes ISO 8601 with an offset in filters such as
 * `creationDatetime.from`. Leaves out time zones of the user's wall clock (the nodes' date
 * parameters and a campaign's start do that).
 */

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch milliseconds, or undefined for anything that is not an ISO 8601 datetime. */
export function parseOvhDatetime(value: unknown): number | undefined {
	if (typeof value !== 'string' || !ISO_DATETIME.test(value.trim())) return undefined;
	const ms = Date.parse(value.trim().replace(' ', 'T'));
	return Number.isNaN(ms) ? undefined : ms;
}

/** `2024-05-01T08:00:00+00:00`, the form OVHcloud's datetime filters take: whole seconds (rounded down), explicit offset. */
export function formatOvhDatetime(ms: number): string {
	const whole = Math.floor(ms / 1000) * 1000;
	return new Date(whole).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
