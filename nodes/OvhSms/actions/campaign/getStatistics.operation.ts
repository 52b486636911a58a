import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { summariseStatistics } from '../../../../lib/campaigns';
import type { PerItemContext } from '../types';
import { campaignIdField, showFor, waitFields, type WaitOptions } from './common/fields';
import { waitAndReport } from './common/waitForCompletion';

const show = showFor('getStatistics');

export const description: INodeProperties[] = [campaignIdField(show), ...waitFields(show)];

/** Delivered, failed, pending, sent, stop-listed and credits, with the one-line summary. */
export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<IDataObject> {
	const id = (this.getNodeParameter('campaignId', itemIndex) as string).trim();
	if (this.getNodeParameter('waitForCompletion', itemIndex, false) as boolean) {
		const options = this.getNodeParameter('waitOptions', itemIndex, {}) as WaitOptions;
		const { batch, report } = await waitAndReport(api, id, options);
		const { statistics, ...rest } = report;
		return { ...(statistics as IDataObject), name: batch.name, ...rest };
	}
	const statistics = await api.getBatchStatistics(id);
	return { ...(statistics as unknown as IDataObject), summary: summariseStatistics(statistics) };
}
