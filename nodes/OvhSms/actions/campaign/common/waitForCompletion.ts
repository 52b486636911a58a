import { sleep, type IDataObject } from 'n8n-workflow';
import { summariseStatistics, waitForCampaign, type Batch } from '../../../../../lib/campaigns';
import type { SmsApi } from '../../../../../lib/ovh';
import type { WaitOptions } from './fields';

const MAX_INTERVAL_MS = 5 * 60 * 1000;

/** Waits for the campaign to finish (or the time limit), then reads its statistics. */
export async function waitAndReport(api: SmsApi, id: string, options: WaitOptions): Promise<{ batch: Batch; report: IDataObject }> {
	const timeLimitMinutes = options.timeLimitMinutes ?? 60;
	const outcome = await waitForCampaign({
		readBatch: async () => await api.getBatch(id),
		sleep,
		nowMs: () => Date.now(),
		timeLimitMs: timeLimitMinutes * 60_000,
		firstIntervalMs: (options.pollIntervalSeconds ?? 10) * 1000,
		maxIntervalMs: MAX_INTERVAL_MS,
	});
	const statistics = await api.getBatchStatistics(id);
	const counts = summariseStatistics(statistics);
	const summary = outcome.finished ? counts : `not finished after ${timeLimitMinutes} min (status ${outcome.batch.status}): ${counts}`;
	return {
		batch: outcome.batch,
		report: {
			finished: outcome.finished,
			status: outcome.batch.status,
			statistics: statistics as unknown as IDataObject,
			summary,
			waitedSeconds: Math.round(outcome.waitedMs / 100) / 10,
		},
	};
}
