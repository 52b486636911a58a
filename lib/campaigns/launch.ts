/**
 * Creating a campaign from whichever recipients the user has: plain numbers go in `to`, an
 * existing recipient list by its slot, and personalised rows through a temporary list that is
 * removed once OVHcloud has copied the receivers into the campaign (status past INSERTING).
 */
import { OvhApiError, SmsApi, type OvhClient } from '../ovh';
import { writeRecipientListCsv } from './recipientListCsv';
import { settle } from './settle';
import { createTemporaryList, removeTemporaryList, type TemporaryList, type TemporaryListUpload } from './temporaryList';
import type { Batch, BatchParams, RecipientRow } from './types';

// The uploaded file outlives the campaign's creation by a day at most, even if removing it fails.
const LIST_FILE_LIFETIME_MS = 24 * 3600 * 1000;

export type CampaignRecipients =
	| { kind: 'numbers'; numbers: string[] }
	| { kind: 'recipientList'; slotId: string }
	| { kind: 'rows'; rows: RecipientRow[]; columns: string[] };

export interface CampaignLaunch {
	serviceName: string;
	params: Omit<BatchParams, 'to' | 'slotID'>;
	recipients: CampaignRecipients;
	/** How to upload a temporary list (rows only). */
	upload: TemporaryListUpload;
	/** n8n-workflow's `sleep` in a node (cloud rules forbid timers). */
	sleep: (ms: number) => Promise<void>;
	nowMs: () => number;
	/** How long to wait for OVHcloud to copy a temporary list before leaving it in place. */
	insertTimeLimitMs?: number;
}

export interface CampaignLaunchResult {
	batch: Batch;
	temporaryList?: TemporaryList & { removed: boolean; reason?: string };
}

async function waitUntilInserted(client: OvhClient, launch: CampaignLaunch, batch: Batch): Promise<Batch> {
	const deadline = launch.nowMs() + (launch.insertTimeLimitMs ?? 60_000);
	let interval = 200;
	let current = batch;
	while (current.status === 'INSERTING' && launch.nowMs() < deadline) {
		await launch.sleep(interval);
		interval = Math.min(5000, interval * 2);
		current = await new SmsApi(client, launch.serviceName).getBatch(batch.id);
	}
	return current;
}

export async function launchCampaign(client: OvhClient, launch: CampaignLaunch): Promise<CampaignLaunchResult> {
	const { recipients, serviceName } = launch;
	const api = new SmsApi(client, serviceName);
	if (recipients.kind === 'numbers') {
		return { batch: await api.createBatch({ ...launch.params, to: recipients.numbers }) };
	}
	if (recipients.kind === 'recipientList') {
		return { batch: await api.createBatch({ ...launch.params, slotID: recipients.slotId }) };
	}

	const csv = writeRecipientListCsv(recipients.rows, recipients.columns);
	const list = await createTemporaryList(client, serviceName, csv, launch.upload, new Date(launch.nowMs() + LIST_FILE_LIFETIME_MS));
	const created = await settle(api.createBatch({ ...launch.params, slotID: String(list.slotId) }));
	if ('error' in created) {
		// A campaign that may exist could still need its list: only a clear refusal frees it.
		const mayExist = created.error instanceof OvhApiError && created.error.requestMayHaveBeenProcessed;
		if (!mayExist) await removeTemporaryList(client, serviceName, list);
		throw created.error;
	}
	const inserted = await waitUntilInserted(client, launch, created.value);
	if (inserted.status === 'INSERTING') {
		return {
			batch: inserted,
			temporaryList: {
				...list,
				removed: false,
				reason: 'the campaign was still copying its receivers; delete the list once it has started',
			},
		};
	}
	return { batch: inserted, temporaryList: { ...list, ...(await removeTemporaryList(client, serviceName, list)) } };
}
