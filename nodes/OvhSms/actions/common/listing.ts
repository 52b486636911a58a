import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { formatOvhDatetime, type Query } from '../../../../lib/ovh';
import { parseDateTimeParameter } from './datetime';
import { itemError } from './itemError';

/** Ids newest first (OVHcloud's ids grow over time), cut to the limit. */
export function newestIds(ids: number[], limit: number): number[] {
	const sorted = [...new Set(ids)].sort((a, b) => b - a);
	return Number.isFinite(limit) ? sorted.slice(0, limit) : sorted;
}

/** `creationDatetime.from` / `.to` from the "Created After/Before" filters. */
export function dateFilters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	filters: { createdAfter?: unknown; createdBefore?: unknown },
): Query {
	const query: Query = {};
	const timeZone = ctx.getTimezone();
	for (const [field, name, label] of [
		['createdAfter', 'creationDatetime.from', 'Created After'],
		['createdBefore', 'creationDatetime.to', 'Created Before'],
	] as const) {
		const value = filters[field];
		if (value === undefined || value === '' || value === null) continue;
		const ms = parseDateTimeParameter(value, timeZone);
		if (ms === undefined) throw itemError(ctx.getNode(), itemIndex, `"${label}" is not a date and time: ${String(value)}`);
		query[name] = formatOvhDatetime(ms);
	}
	return query;
}

export const dateFilterOptions: INodeProperties[] = [
	{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
	{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
];
