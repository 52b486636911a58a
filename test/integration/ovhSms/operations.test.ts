// Everything around the send: estimate, delivery status, history, cancel, received SMS,
// account callbacks, and the editor's lists, through n8n's engine against the sandbox.
import { OvhSms } from '../../../nodes/OvhSms/OvhSms.node';
import { jsonOf, sendParameters, useNodeHarness } from './helpers';
import { callNodeMethod } from '../../support/nodeMethods';

const harness = useNodeHarness({ deliveryDelayMs: 15 });

async function waitFor(condition: () => boolean, what: string): Promise<void> {
	for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
	if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('Estimate', () => {
	test('parts and credits for N recipients, with what is left and whether it fits', async () => {
		harness.sandbox.setCredits(50);
		const result = await harness.run(
			{
				resource: 'sms',
				operation: 'estimate',
				senderType: 'sender',
				sender: { __rl: true, mode: 'name', value: 'MyCompany' },
				message: '={{ $json.text }}',
				recipientCount: '={{ $json.n }}',
			},
			[
				{ text: 'x'.repeat(150), n: 10 },
				{ text: 'Code 1234 🔐', n: 60 },
			],
		);
		const [long, emoji] = jsonOf(result);
		// 150 characters + the 11-character STOP mention: two GSM-7 parts.
		expect(long).toMatchObject({
			message: { encoding: 'GSM-7', characters: 161, parts: 2, stopClause: true },
			creditsNeeded: 20,
			creditsLeft: 50,
			creditsAfter: 30,
			fits: true,
			withinMaxParts: true,
		});
		expect(emoji).toMatchObject({
			message: { encoding: 'UCS-2', parts: 1, charactersForcingUnicode: ['🔐'] },
			creditsNeeded: 60,
			fits: false,
		});
		expect(harness.jobBodies()).toHaveLength(0);
	});

	test('a phone-number sender gets no STOP mention; a part limit is reported', async () => {
		const estimate = (message: string) =>
			harness.run({
				resource: 'sms',
				operation: 'estimate',
				senderType: 'sender',
				sender: { __rl: true, mode: 'name', value: '+33612345678' },
				message,
				recipientCount: 1,
				options: { maxParts: 1 },
			});
		expect(jsonOf(await estimate('x'.repeat(160)))[0]).toMatchObject({ message: { parts: 1, stopClause: false }, withinMaxParts: true });
		expect(jsonOf(await estimate('x'.repeat(161)))[0]).toMatchObject({ message: { parts: 2 }, withinMaxParts: false, maxParts: 1 });
	});
});

describe('Get Status and Get Many', () => {
	test('delivery states in plain words: delivered, failed and why', async () => {
		const sent = await harness.run(sendParameters({ receivers: '+33611111111, +33622220000, +33633330001' }));
		const ids = jsonOf(sent)[0].ids as number[];
		await waitFor(() => ids.every((id) => [1, 2, 16].includes(harness.account().outgoing[id]?.deliveryReceipt)), 'final delivery reports');

		const status = await harness.run(
			{ resource: 'sms', operation: 'getStatus', smsId: '={{ $json.id }}' },
			ids.map((id) => ({ id })),
		);
		expect(jsonOf(status)).toEqual([
			expect.objectContaining({ id: ids[0], receiver: '+33611111111', status: 'delivered', final: true }),
			expect.objectContaining({ id: ids[1], status: 'failed', statusReason: expect.stringMatching(/Invalid, barred/), retryable: false }),
			expect.objectContaining({ id: ids[2], status: 'failed', statusReason: expect.stringMatching(/absent/), retryable: true }),
		]);

		const failed = await harness.run({ resource: 'sms', operation: 'getMany', returnAll: true, filters: { deliveryState: 'failed' } });
		expect(
			jsonOf(failed)
				.map((json) => json.receiver)
				.sort(),
		).toEqual(['+33622220000', '+33633330001']);

		const pending = await harness.run({ resource: 'sms', operation: 'getMany', returnAll: true, filters: { deliveryState: 'pending' } });
		expect(jsonOf(pending)).toEqual([]);
		const unknown = await harness.run({
			resource: 'sms',
			operation: 'getMany',
			returnAll: true,
			filters: { deliveryState: '={{ "sent" }}' },
		});
		expect(unknown.error?.message).toBe('"Delivery State" must be delivered, failed or pending, not "sent" [item 0]');

		const one = await harness.run({ resource: 'sms', operation: 'getMany', returnAll: true, filters: { receiver: '06 11 11 11 11' } });
		expect(jsonOf(one).map((json) => json.id)).toEqual([ids[0]]);
	});

	test('history filters by tag and date, newest first, cut to the limit', async () => {
		await harness.run(sendParameters({ receivers: '+33611111111', options: { tag: 'a' } }));
		await harness.run(sendParameters({ receivers: '+33622222222, +33633333333', options: { tag: 'b' } }));
		const tagged = await harness.run({ resource: 'sms', operation: 'getMany', returnAll: true, filters: { tag: 'b' } });
		expect(jsonOf(tagged).map((json) => json.receiver)).toEqual(['+33633333333', '+33622222222']);

		const limited = await harness.run({ resource: 'sms', operation: 'getMany', returnAll: false, limit: 2 });
		expect(limited.output).toHaveLength(2);
		expect(limited.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);

		const future = new Date(Date.now() + 3600_000).toISOString();
		const none = await harness.run({ resource: 'sms', operation: 'getMany', returnAll: true, filters: { createdAfter: future } });
		expect(none.output).toHaveLength(0);
		// The history is read with batch GETs, not one request per SMS.
		const reads = harness.sandbox.requests.filter((r) => r.method === 'GET' && /\/outgoing\/[\d,]+$/.test(r.path));
		expect(reads.length).toBeLessThanOrEqual(2);
	});

	test('an unknown SMS id says so', async () => {
		const result = await harness.run({ resource: 'sms', operation: 'getStatus', smsId: '424242' });
		expect(result.error?.message).toMatch(/No SMS 424242 on sms-sb00001-1/);
	});
});

describe('Received SMS', () => {
	test('get many with filters, get one, delete it', async () => {
		await harness.sandbox.injectIncoming({ sender: '+33611111111', message: 'Yes please', tag: 'survey' });
		await harness.sandbox.injectIncoming({ sender: '+33622222222', message: 'No thanks', tag: 'other' });
		const all = await harness.run({ resource: 'receivedSms', operation: 'getMany', returnAll: true });
		expect(jsonOf(all).map((json) => json.message)).toEqual(['No thanks', 'Yes please']);

		const fromOne = await harness.run({
			resource: 'receivedSms',
			operation: 'getMany',
			returnAll: true,
			filters: { sender: '0611111111' },
		});
		expect(jsonOf(fromOne)).toEqual([expect.objectContaining({ message: 'Yes please', tag: 'survey' })]);
		const id = jsonOf(fromOne)[0].id as number;

		const one = await harness.run({ resource: 'receivedSms', operation: 'get', receivedSmsId: String(id) });
		expect(jsonOf(one)[0]).toMatchObject({ id, sender: '+33611111111' });
		const deleted = await harness.run({ resource: 'receivedSms', operation: 'delete', receivedSmsId: String(id) });
		expect(jsonOf(deleted)[0]).toEqual({ id, deleted: true });
		expect(harness.account().incoming[id]).toBeUndefined();
	});
});

describe('Account', () => {
	test('Get gives the credits left', async () => {
		const result = await harness.run({ resource: 'account', operation: 'get' });
		expect(jsonOf(result)[0]).toMatchObject({ name: harness.sandbox.serviceName, creditsLeft: 100_000 });
	});

	test('Update Callbacks sets the delivery-report, STOP and reply URLs, and an empty one turns it off', async () => {
		const result = await harness.run({
			resource: 'account',
			operation: 'updateCallbacks',
			callbacks: {
				deliveryReportUrl: 'https://example.com/dlr?token=abc',
				stopUrl: 'https://example.com/stop',
				replyUrl: 'https://example.com/reply',
			},
		});
		expect(jsonOf(result)[0]).toMatchObject({
			callBack: 'https://example.com/dlr?token=abc',
			stopCallBack: 'https://example.com/stop',
			smsResponse: { responseType: 'cgi', cgiUrl: 'https://example.com/reply' },
		});
		await harness.run({ resource: 'account', operation: 'updateCallbacks', callbacks: { replyUrl: '' } });
		expect(harness.account().smsResponse.responseType).toBe('none');
		expect(harness.account().callBack).toBe('https://example.com/dlr?token=abc');

		const bad = await harness.run({ resource: 'account', operation: 'updateCallbacks', callbacks: { stopUrl: 'ftp://x' } });
		expect(bad.error?.message).toMatch(/"STOP URL" must be a URL starting with http/);
	});
});

describe('Editor lists', () => {
	const parameters = () => ({ serviceName: { __rl: true, mode: 'id', value: harness.sandbox.serviceName } });

	test('senders: only the enabled ones, virtual numbers apart', async () => {
		const senders = (await callNodeMethod(
			harness.sandbox,
			new OvhSms(),
			'n8n-nodes-ovh-sms.ovhSms',
			'listSearch',
			'searchSenders',
			parameters(),
		)) as {
			results: Array<{ value: string }>;
		};
		expect(senders.results.map((r) => r.value).sort()).toEqual(['33612345678', 'Alerts', 'MyCompany']);
		const numbers = (await callNodeMethod(
			harness.sandbox,
			new OvhSms(),
			'n8n-nodes-ovh-sms.ovhSms',
			'listSearch',
			'searchVirtualNumbers',
			parameters(),
		)) as {
			results: Array<{ value: string }>;
		};
		expect(numbers.results.map((r) => r.value)).toEqual(['33700000001']);
	});

	test('recipient lists and address books', async () => {
		const lists = (await callNodeMethod(
			harness.sandbox,
			new OvhSms(),
			'n8n-nodes-ovh-sms.ovhSms',
			'listSearch',
			'searchRecipientLists',
			parameters(),
		)) as {
			results: Array<{ name: string; value: string }>;
		};
		expect(lists.results).toEqual(
			Object.values(harness.account().receivers).map((slot) => ({
				name: `${slot.slotId}: ${slot.description} (${slot.records} numbers)`,
				value: String(slot.slotId),
			})),
		);
		const books = (await callNodeMethod(
			harness.sandbox,
			new OvhSms(),
			'n8n-nodes-ovh-sms.ovhSms',
			'loadOptions',
			'getPhonebooks',
			parameters(),
		)) as Array<{ value: string }>;
		expect(books.map((b) => b.value)).toEqual(Object.keys(harness.account().phonebooks));
	});
});
