// What the OVHcloud SMS node relies on that OVHcloud's published API does not promise (issue 16
// §2): each case runs against the sandbox as the API is published, then as we feared it behaves.
import { ovh } from '../sandbox/ovh-test-client';
import { jsonOf, useNodeHarness } from './helpers';

const harness = useNodeHarness({ deliveryDelayMs: 15 });
async function waitFor(condition: () => boolean): Promise<void> {
	for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
	expect(condition()).toBe(true);
}
const batchCalls = () => harness.sandbox.requests.filter((request) => request.headers['x-ovh-batch']);

describe('Batch GETs (X-Ovh-Batch), whose answer shape the schema does not give', () => {
	test.each([
		['{key, value, error} items (assumed)', undefined, 1],
		['bare objects (feared)', 'values' as const, 1],
		['the header ignored, the list read as one id (feared)', 'ignored' as const, 1],
	])('Received SMS › Get Many reads every reply when batch GETs answer %s', async (_shape, batchGet, expectedBatchCalls) => {
		for (const message of ['one', 'two', 'three']) await harness.sandbox.injectIncoming({ sender: '+33611111111', message });
		harness.sandbox.setFaults(batchGet ? { batchGet } : {});
		harness.sandbox.clearRequests();
		const result = await harness.run({ resource: 'receivedSms', operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		expect(jsonOf(result).map((json) => json.message)).toEqual(['three', 'two', 'one']);
		expect(batchCalls()).toHaveLength(expectedBatchCalls);
	});
});

// §2.4: OVHcloud has /sms/{sn}/incoming|outgoing|jobs and /sms/{sn}/virtualNumbers/{number}/…
// and does not say whether the first holds what a virtual number sent or received. The sandbox
// lists them in both places (assumed) or, with the fault virtualNumberSms: 'numberOnly', only
// under the number (feared).
describe.each([
	['listed at account level too (assumed)', {}],
	['listed only under the virtual number (feared)', { virtualNumberSms: 'numberOnly' as const }],
])('Virtual-number SMS %s', (_where, faults) => {
	const VLN = '33700000001';
	const sendFromVirtualNumber = async (body: Record<string, unknown>) => {
		const answer = await ovh(harness.sandbox, 'POST', `/sms/${harness.sandbox.serviceName}/virtualNumbers/${VLN}/jobs`, { body });
		expect(answer.status).toBe(200);
		return answer.json.ids[0] as number;
	};
	beforeEach(() => harness.sandbox.setFaults(faults));

	test('Received SMS › Get and Delete reach a reply the virtual number received', async () => {
		const reply = await harness.sandbox.injectIncoming({ sender: '+33611111111', message: 'Yes', virtualNumber: VLN });
		const got = await harness.run({ resource: 'receivedSms', operation: 'get', receivedSmsId: String(reply.id) });
		expect(jsonOf(got)[0]).toMatchObject({ id: reply.id, message: 'Yes', sender: '+33611111111' });
		const deleted = await harness.run({ resource: 'receivedSms', operation: 'delete', receivedSmsId: String(reply.id) });
		expect(jsonOf(deleted)[0]).toMatchObject({ id: reply.id, deleted: true });
		expect(harness.account().incoming[reply.id]).toBeUndefined();
	});

	test('SMS › Get Status follows an SMS the virtual number sent, scheduled then delivered', async () => {
		const deferred = await sendFromVirtualNumber({ message: 'Later', receivers: ['+33622222222'], differedPeriod: 60 });
		const scheduled = await harness.run({ resource: 'sms', operation: 'getStatus', smsId: String(deferred) });
		expect(jsonOf(scheduled)[0]).toMatchObject({ id: deferred, status: 'scheduled', receiver: '+33622222222' });
		const now = await sendFromVirtualNumber({ message: 'Now', receivers: ['+33633333333'] });
		await waitFor(() => harness.account().outgoing[now]?.deliveryReceipt === 1);
		const delivered = await harness.run({ resource: 'sms', operation: 'getStatus', smsId: String(now) });
		expect(jsonOf(delivered)[0]).toMatchObject({ id: now, status: 'delivered', final: true, receiver: '+33633333333' });
	});

	test('SMS › Cancel cancels a deferred SMS of the virtual number and gives its credits back', async () => {
		const creditsBefore = harness.account().creditsLeft;
		const deferred = await sendFromVirtualNumber({ message: 'Later', receivers: ['+33644444444'], differedPeriod: 60 });
		const cancelled = await harness.run({ resource: 'sms', operation: 'cancel', smsId: String(deferred) });
		expect(jsonOf(cancelled)[0]).toMatchObject({ id: deferred, cancelled: true, receiver: '+33644444444', creditsReturned: 1 });
		expect(harness.account().jobs[deferred]).toBeUndefined();
		expect(harness.account().creditsLeft).toBe(creditsBefore);
	});

	test('an id no route holds is a clear item error, and nothing is deleted', async () => {
		const result = await harness.run({ resource: 'receivedSms', operation: 'delete', receivedSmsId: '424242' });
		expect(result.error?.message).toMatch(/No received SMS 424242 on sms-sb00001-1, neither for the account nor for its virtual numbers/);
		expect(harness.sandbox.requests.filter((request) => request.method === 'DELETE')).toEqual([]);
	});
});

// §2.6: that PUT /sms/{sn} with callBack: "" turns the call off is a guess.
describe('Account › Update Callbacks turning a call off with an empty URL', () => {
	const setUrls = () =>
		harness.run({
			resource: 'account',
			operation: 'updateCallbacks',
			callbacks: { deliveryReportUrl: 'https://example.com/dlr?token=abc', stopUrl: 'https://example.com/stop' },
		});

	test('as assumed: the URL is gone when read back', async () => {
		await setUrls();
		const cleared = await harness.run({ resource: 'account', operation: 'updateCallbacks', callbacks: { deliveryReportUrl: '' } });
		expect(jsonOf(cleared)[0]).toMatchObject({ callBack: null, stopCallBack: 'https://example.com/stop' });
	});

	test('as feared (OVHcloud keeps it): an error says the call is still on, naming the URL', async () => {
		await setUrls();
		harness.sandbox.setFaults({ emptyCallbacks: 'kept' });
		const result = await harness.run({
			resource: 'account',
			operation: 'updateCallbacks',
			callbacks: { deliveryReportUrl: '', stopUrl: '' },
		});
		expect(result.error?.message).toMatch(
			/OVHcloud kept Delivery Report URL \(https:\/\/example\.com\/dlr\?token=abc\) and STOP URL \(https:\/\/example\.com\/stop\): an empty URL did not turn the call off/,
		);
		expect(harness.account().callBack).toBe('https://example.com/dlr?token=abc');
	});
});
