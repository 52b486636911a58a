import { ovhDeliveryHistory } from '../../../lib/delivery';
import type { OvhClient } from '../../../lib/ovh';

/** A history of three SMS (DLR ids 1, 2, 4); `filters` says whether the listing applies `deliveryReceipt`. */
function fakeClient(filters: boolean) {
	const receipts: Record<number, number> = { 11: 1, 12: 2, 13: 4, 99: 1 };
	const calls: string[] = [];
	const client = {
		async get(path: string, query: { deliveryReceipt?: number }) {
			calls.push(`list ${query.deliveryReceipt}`);
			return Object.entries(receipts)
				.filter(([, receipt]) => !filters || receipt === query.deliveryReceipt)
				.map(([id]) => Number(id));
		},
		async getMany(path: string, ids: Array<string | number>) {
			calls.push(`read ${ids.join(',')}`);
			return ids.map((id) => ({ id: String(id), value: { id: Number(id), deliveryReceipt: receipts[Number(id)], ptt: 0 } }));
		},
	};
	return { client: client as unknown as OvhClient, calls };
}

describe('ovhDeliveryHistory', () => {
	test.each([
		['filters by state: three listings, the run’s SMS picked out by id', true, ['list 1', 'list 2', 'list 16']],
		['ignores the state filter: the pending SMS are read themselves', false, ['list 1', 'list 2', 'list 16', 'read 11,12,13']],
	])('an API that %s', async (_case, filters, calls) => {
		const fake = fakeClient(filters);
		const found = await ovhDeliveryHistory(fake.client, 'sms-x', 0).readFinal(new Set([11, 12, 13]));
		expect([...found].sort()).toEqual([
			[11, 1],
			[12, 2],
		]);
		expect(fake.calls).toEqual(calls);
	});
});
