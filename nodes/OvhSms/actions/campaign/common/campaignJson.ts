import type { IDataObject } from 'n8n-workflow';
import type { Batch } from '../../../../../lib/campaigns';

/** A campaign as output: OVHcloud's fields, plus its progress in percent and how many receivers were refused. */
export function campaignJson(batch: Batch): IDataObject {
	const progressPercent = batch.totalRecords > 0 ? Math.round((batch.processedRecords / batch.totalRecords) * 1000) / 10 : 0;
	return { ...(batch as unknown as IDataObject), progressPercent, errorCount: batch.errors?.length ?? 0 };
}
