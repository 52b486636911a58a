/** One line a workflow can post to a chat channel: "12,430 delivered, 71 failed". */
import type { BatchStatistics } from './types';

export function formatCount(count: number): string {
	return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function summariseStatistics(statistics: Pick<BatchStatistics, 'delivered' | 'failed' | 'pending' | 'stoplisted'>): string {
	const parts = [`${formatCount(statistics.delivered)} delivered`, `${formatCount(statistics.failed)} failed`];
	if (statistics.stoplisted > 0) parts.push(`${formatCount(statistics.stoplisted)} stop-listed`);
	if (statistics.pending > 0) parts.push(`${formatCount(statistics.pending)} pending`);
	return parts.join(', ');
}
