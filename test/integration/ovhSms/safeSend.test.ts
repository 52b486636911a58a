// Ambiguous failures under the sandbox's fault injection: answers lost after the job was
// committed, 5xx before anything was done, rate limits. Whatever happens, every receiver gets
// exactly one SMS and every item ends with its ids.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runNode } from '../../support/n8nEngine';
import { jsonOf, sendParameters, useNodeHarness } from './helpers';

const harness = useNodeHarness();

const receivers = (count: number, prefix: string) =>
	Array.from({ length: count }, (_, i) => ({ phone: `+33${prefix}${String(i).padStart(8 - prefix.length + 1, '0')}` }));

const smsPerReceiver = () => harness.smsPerReceiver();

describe('Send under faults', () => {
	test('lost answers, 5xx and 429: every receiver gets exactly one SMS, every item its id', async () => {
		// The script makes sure each kind hits a send whatever order the concurrent jobs go in;
		// the shares add more of them anywhere.
		harness.sandbox.setFaults({
			cutAfterAcceptRate: 0.4,
			rate5xx: 0.15,
			rate429: 0.15,
			seed: 7,
			script: [{ fault: 'rate5xx', method: 'POST' }, { fault: 'rate429', method: 'POST' }, { fault: 'cutAfterAccept' }],
		});
		const items = receivers(60, '61');
		const result = await harness.run(sendParameters({ receivers: '={{ $json.phone }}', options: { maxReceiversPerJob: 5 } }), items);
		harness.sandbox.setFaults({});

		const sendFaults = harness.sandbox.requests.filter((r) => r.method === 'POST').map((r) => r.fault);
		expect(sendFaults).toContain('cutAfterAccept');
		expect(sendFaults).toContain('rate5xx');
		expect(sendFaults).toContain('rate429');

		expect(result.status).toBe('success');
		const counts = smsPerReceiver();
		expect(counts.size).toBe(60);
		expect([...counts.values()].every((n) => n === 1)).toBe(true);

		const out = jsonOf(result);
		const smsById = harness.account().outgoing;
		out.forEach((json, i) => {
			expect(json.status).toBe('sent');
			const [id] = json.ids as number[];
			expect(smsById[id].receiver).toBe(items[i].phone);
		});
		expect(out.some((json) => json.recoveredLostAnswer === true)).toBe(true);
		const credits = out.reduce((sum, json) => sum + (json.creditsRemoved as number), 0);
		expect(credits).toBe(60);
		expect(harness.account().creditsLeft).toBe(100_000 - 60);
	});

	test('with the user’s own tag, a lost answer is still found and not sent again', async () => {
		// Two earlier SMS with the same tag and text to other numbers must not be taken for this send.
		await harness.run(sendParameters({ receivers: '+33699999991, +33699999992', options: { tag: 'newsletter' } }));
		harness.sandbox.setFaults({ cutAfterAcceptRate: 1, seed: 1 });
		const result = await harness.run(sendParameters({ receivers: '+33611111111, +33622222222', options: { tag: 'newsletter' } }));
		harness.sandbox.setFaults({});
		expect(result.status).toBe('success');
		expect(jsonOf(result)[0]).toMatchObject({
			validReceivers: ['+33611111111', '+33622222222'],
			recoveredLostAnswer: true,
			tags: ['newsletter'],
		});
		expect(harness.jobBodies()).toHaveLength(2);
		expect([...smsPerReceiver().values()]).toEqual([1, 1, 1, 1]);
	});

	test('a deferred send whose answer was lost is found among the pending jobs', async () => {
		harness.sandbox.setFaults({ cutAfterAcceptRate: 1, seed: 2 });
		const sendAt = new Date(Date.now() + 3600_000).toISOString();
		const result = await harness.run(sendParameters({ receivers: '+33611111111', options: { sendAt } }));
		harness.sandbox.setFaults({});
		expect(jsonOf(result)[0]).toMatchObject({ status: 'scheduled', recoveredLostAnswer: true });
		const [id] = jsonOf(result)[0].ids as number[];
		expect(Object.keys(harness.account().jobs)).toEqual([String(id)]);
		expect(harness.jobBodies()).toHaveLength(1);
	});

	test('an API whose sends never get a clear answer: the item is unconfirmed with what to check, nothing is sent', async () => {
		// A proxy in front of the sandbox answers 503 to every send and lets the rest through.
		const proxy = http.createServer((req, res) => {
			if (req.method === 'POST' && req.url?.endsWith('/jobs')) {
				req.resume();
				res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"class":"Server::ServiceUnavailable","message":"Try later"}');
				return;
			}
			const target = new URL(harness.sandbox.url);
			const forward = http.request(
				{ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			req.pipe(forward);
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = proxy.address() as AddressInfo;
			const result = await runNode({
				type: 'ovhSms',
				credentials: {
					ovhCloudApi: { endpoint: 'custom', customEndpoint: `http://127.0.0.1:${port}/1.0`, ...harness.sandbox.credentials },
				},
				parameters: { serviceName: { __rl: true, mode: 'id', value: harness.sandbox.serviceName }, ...sendParameters() },
				continueOnFail: true,
			});
			const [out] = jsonOf(result);
			// A 503 may come after the work was done: the receiver is unconfirmed, never "not sent".
			expect(out).toMatchObject({ status: 'unconfirmed', unconfirmed: ['+33611111111'], ids: [] });
			expect(out).not.toHaveProperty('notSent');
			expect(String(out.error)).toMatch(/^Sending failed: OVHcloud API 503/);
			expect(String(out.errorDescription)).toMatch(/look in the outgoing history for tag n8n-[0-9a-f]{16} before sending again/i);
			expect(harness.allSms()).toHaveLength(0);
		} finally {
			await new Promise((resolve) => proxy.close(resolve));
		}
	});
});
