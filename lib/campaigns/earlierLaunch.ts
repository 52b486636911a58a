/**
 * Recognising a campaign an earlier run of the same execution already created (a Retry after a
 * failure later in the workflow, Retry On Fail, a retry after a crash), so that running
 * Campaign › Create again never creates a second campaign. `sms.Batch` carries no tag: a campaign
 * is known by its name, text and sender, created since the run began. Leaves out campaigns of
 * other executions: the same weekly campaign from a new execution is a new one.
 */
import { SmsApi, type OvhClient } from '../ovh';
import { digitsOf } from '../recipients';
import type { Batch, BatchParams } from './types';

/** The API's clock may differ from this machine's: look this much earlier than the run's start. */
const CLOCK_MARGIN_MS = 2 * 60_000;

export async function findEarlierLaunch(
	client: OvhClient,
	serviceName: string,
	params: Pick<BatchParams, 'name' | 'message' | 'from' | 'senderForResponse'>,
	runStartedAtMs: number,
	/** Campaigns this run already created or recognised (two items may create alike campaigns). */
	claimed: ReadonlySet<string>,
): Promise<Batch | undefined> {
	const since = runStartedAtMs - CLOCK_MARGIN_MS;
	const batches = await new SmsApi(client, serviceName).listBatches();
	return batches.find(
		(batch) =>
			!claimed.has(batch.id) &&
			batch.name === (params.name ?? batch.name) &&
			typeof batch.message === 'string' &&
			batch.message.startsWith(params.message) &&
			(params.from === undefined || batch.from === params.from || digitsOf(batch.from) === digitsOf(params.from)) &&
			Date.parse(batch.createdAt) >= since &&
			!['FAILED', 'CANCELED'].includes(batch.status),
	);
}
