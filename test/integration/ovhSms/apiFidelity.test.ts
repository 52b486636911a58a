// What the OVHcloud SMS node relies on that OVHcloud's published API does not promise (issue 16
// §2): each case runs against the sandbox as the API is published, then as we feared it behaves.
import { jsonOf, useNodeHarness } from './helpers';

const harness = useNodeHarness({ deliveryDelayMs: 15 });
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
