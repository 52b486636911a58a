// Send › Wait for Delivery through n8n's engine against the sandbox, whose receivers decide the
// outcome: `…0000` fails (invalid number), `…0001` fails (absent subscriber, retryable),
// `…99999` stays buffered (never final), any other is delivered.
import type { IDataObject } from 'n8n-workflow';
import { jsonOf, sendParameters, useNodeHarness } from './helpers';

const harness = useNodeHarness({ deliveryDelayMs: 100 });

/** The history requests of the wait: listings by delivery state, and batch reads of SMS. */
function historyRequests() {
	const outgoing = harness.sandbox.requests.filter((request) => request.method === 'GET' && /\/outgoing(\/[\d,]+)?$/.test(request.path));
	return {
		listings: outgoing.filter((request) => request.path.endsWith('/outgoing')),
		reads: outgoing.filter((request) => !request.path.endsWith('/outgoing')),
	};
}

describe('Send › Wait for Delivery', () => {
	test('some receivers fail delivery: each receiver’s final state, failures with the operator’s reason', async () => {
		const result = await harness.run(
			sendParameters({ receivers: '+33611111111, +33622220000, +33633330001', options: { waitForDeliveryMinutes: 1 } }),
		);
		expect(result.status).toBe('success');
		const [out] = jsonOf(result);
		expect(out.status).toBe('sent');
		const delivery = out.delivery as IDataObject;
		expect(delivery).toMatchObject({ finished: true, delivered: 1, failed: 2, pending: 0 });
		expect(delivery.summary).toMatch(/^1 delivered, 2 failed, 0 still pending after \d+ s$/);
		expect(delivery.receivers).toEqual([
			expect.objectContaining({ receiver: '+33611111111', status: 'delivered', statusText: 'Delivered', retryable: false }),
			expect.objectContaining({
				receiver: '+33622220000',
				status: 'failed',
				reason: 'Invalid, barred or blacklisted number (do not retry)',
				retryable: false,
			}),
			expect.objectContaining({
				receiver: '+33633330001',
				status: 'failed',
				statusText: 'Failed, not billed',
				reason: expect.stringMatching(/absent/),
				retryable: true,
			}),
		]);
		expect((delivery.receivers as IDataObject[]).map((entry) => entry.id)).toEqual(out.ids);
		expect(result.run.data.resultData.runData['Node Under Test'][0].hints).toEqual([
			expect.objectContaining({ type: 'warning', message: expect.stringMatching(/^Delivery: 2 SMS failed and 0 were still pending/) }),
		]);
	});

	test('an SMS held for later (Send At) is not waited for: the item says it is scheduled, at once', async () => {
		const sendAt = new Date(Date.now() + 2 * 3600_000).toISOString();
		const result = await harness.run(
			sendParameters({ receivers: '+33611111111, +33622222222', options: { sendAt, waitForDeliveryMinutes: 1 } }),
		);
		expect(result.status).toBe('success');
		const delivery = jsonOf(result)[0].delivery as IDataObject;
		expect(delivery).toMatchObject({
			scheduled: true,
			finished: false,
			delivered: 0,
			failed: 0,
			pending: 2,
			waitedSeconds: 0,
			historyReads: 0,
		});
		expect(delivery.summary).toMatch(/^Scheduled for .+: not waited for\. Read its delivery later/);
		expect(historyRequests().listings).toHaveLength(0);
	});

	test('the time limit passes with some receivers still pending: they are listed as pending, the others final', async () => {
		const result = await harness.run(sendParameters({ receivers: '+33611111111, +33644499999', options: { waitForDeliveryMinutes: 0.1 } }));
		expect(result.status).toBe('success');
		const delivery = jsonOf(result)[0].delivery as IDataObject;
		expect(delivery).toMatchObject({ finished: false, delivered: 1, failed: 0, pending: 1 });
		expect(delivery.waitedSeconds).toBeGreaterThanOrEqual(6);
		expect(delivery.waitedSeconds).toBeLessThan(9);
		expect(delivery.receivers).toEqual([
			expect.objectContaining({ receiver: '+33611111111', status: 'delivered' }),
			expect.objectContaining({
				receiver: '+33644499999',
				status: 'pending',
				statusText: 'Not final yet',
				reason: 'No final delivery report within 6 s',
			}),
		]);
	}, 20_000);

	test('requests stay bounded: three listings a read whatever the number of receivers and items', async () => {
		const items = Array.from({ length: 40 }, (_, i) => ({ phone: `+3361000${String(i).padStart(4, '0')}` }));
		harness.sandbox.clearRequests();
		const result = await harness.run(
			sendParameters({ receivers: '={{ $json.phone }}', options: { waitForDeliveryMinutes: 1, maxReceiversPerJob: 10 } }),
			items,
		);
		expect(result.status).toBe('success');
		const outputs = jsonOf(result);
		// +33610000000 fails; the 39 others are delivered.
		expect(outputs.map((out) => (out.delivery as IDataObject).finished)).toEqual(items.map(() => true));
		expect(outputs[0].delivery).toMatchObject({ failed: 1, delivered: 0 });
		const reads = (outputs[0].delivery as IDataObject).historyReads as number;
		expect(reads).toBeLessThanOrEqual(2);
		const { listings, reads: smsReads } = historyRequests();
		// Four jobs, forty items: one read of the history is three listings (delivered, failed, failed not billed).
		expect(listings).toHaveLength(3 * reads);
		expect(listings.map((request) => request.query.deliveryReceipt).slice(0, 3)).toEqual(['1', '2', '16']);
		// The one failure's reason: one batch read once the waiting is over (earlier ones pair the send's report).
		expect(smsReads.filter((request) => request.at > listings[listings.length - 1].at)).toHaveLength(1);
	});

	test('a very large item is summarised: counts and the failed receivers, not every receiver', async () => {
		const result = await harness.run(
			sendParameters({
				receivers: '+33611111111, +33622222222, +33633330000',
				options: { waitForDeliveryMinutes: 1, listReceiversUpTo: 2 },
			}),
		);
		const [out] = jsonOf(result);
		expect(out.summarised).toBe(true);
		const delivery = out.delivery as IDataObject;
		expect(delivery).toMatchObject({ finished: true, delivered: 2, failed: 1, pending: 0 });
		expect(delivery.receivers).toBeUndefined();
		expect(delivery.failedReceivers).toEqual([expect.objectContaining({ receiver: '+33633330000', status: 'failed' })]);
	});

	test('a dry run sends nothing and waits for nothing', async () => {
		const result = await harness.run(sendParameters({ options: { dryRun: true, waitForDeliveryMinutes: 1 } }));
		const [out] = jsonOf(result);
		expect(out.status).toBe('dryRun');
		expect(out.delivery).toBeUndefined();
		expect(historyRequests().listings).toHaveLength(0);
	});

	test.each([[120], [0], ['soon']])('a time limit of %p fails the item before anything is sent, naming the option', async (value) => {
		const result = await harness.run(sendParameters({ options: { waitForDeliveryMinutes: value } }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/"Wait for Delivery \(Minutes\)" must be a number from 0\.1 to 60/);
		expect(harness.allSms()).toHaveLength(0);
	});
});
