/**
 * Date and time parameters: n8n's date picker gives a local time without offset (meant in
 * the workflow's time zone); expressions give ISO strings with an offset, Luxon DateTimes or
 * JavaScript Dates. OVHcloud's filters take ISO 8601 with an offset.
 */

import { offsetMsAt as zoneOffsetMs } from '../../../../lib/sendWindow';

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** Epoch milliseconds of a date/time parameter, or undefined when it is not one. */
export function parseDateTimeParameter(value: unknown, timeZone: string): number | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	const withToMillis = value as { toMillis?: () => number };
	if (typeof withToMillis.toMillis === 'function') return withToMillis.toMillis();
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const local = LOCAL_DATETIME.exec(text);
	if (local) {
		const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = local;
		const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0')));
		let epoch = asUtc - zoneOffsetMs(asUtc, timeZone);
		// Near a daylight-saving change the offset at the guess may differ from the first one.
		epoch = asUtc - zoneOffsetMs(epoch, timeZone);
		return epoch;
	}
	const parsed = Date.parse(text);
	return Number.isNaN(parsed) ? undefined : parsed;
}

// Send still imports OVHcloud's format from here; it lives in lib/ovh.
export { formatOvhDatetime as formatApiDatetime } from '../../../../lib/ovh';
