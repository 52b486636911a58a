// Exactly once when the API cannot tell: answers lost after a commit with every lookup failing,
// a send answered after the client's timeout, an API that accepts connections and never answers.
// On n8n's real engine, through a proxy in front of the sandbox that plays each fault. The
// client's time limits are shrunk (same code, seconds instead of minutes).
import type { IDataObject } from 'n8n-workflow';
import { API_TIME_LIMITS } from '../../../lib/ovh';
import { startFaultProxy, type FaultProxy, type ProxyAction, type ProxiedRequest } from '../../support/faultProxy';
import { runNode } from '../../support/n8nEngine';
import { jsonOf, sendParameters, useNodeHarness } from '../ovhSms/helpers';

const harness = useNodeHarness();
let proxy: FaultProxy;
const realLimits = { ...API_TIME_LIMITS };

beforeEach(async () => {
	proxy = await startFaultProxy(harness.sandbox.apiBaseUrl);
});
afterEach(async () => {
	Object.assign(API_TIME_LIMITS, realLimits);
	await proxy.close();
});

const isSend = (r: ProxiedRequest) => r.method === 'POST' && r.path.endsWith('/jobs');
const isLookup = (r: ProxiedRequest) => r.method === 'GET' && /\/(outgoing|jobs)(\/|$)|\/auth\/time$/.test(r.path);

function runThroughProxy(parameters: IDataObject, items?: IDataObject[], continueOnFail = true) {
	return runNode({
		type: 'ovhSms',
		credentials: { ovhCloudApi: { endpoint: 'custom', customEndpoint: proxy.apiBaseUrl, ...harness.sandbox.credentials } },
		parameters: { serviceName: { __rl: true, mode: 'id', value: harness.sandbox.serviceName }, ...sendParameters(parameters) },
		items,
		continueOnFail,
	});
}

function smsPerReceiver() {
	const counts = new Map<string, number>();
	for (const sms of harness.allSms()) counts.set(sms.receiver, (counts.get(sms.receiver) ?? 0) + 1);
	return counts;
}

describe('exactly once when the API cannot tell', () => {
	test('a cut after accept with every lookup failing: the items say unconfirmed with the tag, never "not sent"', async () => {
		let cut = false;
		proxy.decide = (r): ProxyAction => {
			if (isSend(r) && !cut) {
				cut = true;
				return { kind: 'cutAfterAnswer' };
			}
			if (cut && isLookup(r)) return { kind: 'reply', status: 503 };
			return { kind: 'pass' };
		};
		const items = [{ phone: '+33611111111' }, { phone: '+33622222222' }];
		const result = await runThroughProxy({ receivers: '={{ $json.phone }}' }, items);

		expect(harness.allSms()).toHaveLength(2);
		const out = jsonOf(result);
		for (const [i, json] of out.entries()) {
			expect(json).toMatchObject({ status: 'unconfirmed', unconfirmed: [items[i].phone] });
			expect(json).not.toHaveProperty('notSent');
			expect(String(json.errorDescription)).toMatch(/look in the outgoing history for tag n8n-\w+/i);
		}
		expect(proxy.seen.filter(isSend)).toHaveLength(1);
	});

	test('a send answered after the client gave up is found by looking again, not sent twice', async () => {
		API_TIME_LIMITS.requestTimeoutMs = 1500;
		let first = true;
		proxy.decide = (r): ProxyAction => {
			if (isSend(r) && first) {
				first = false;
				// The API commits (and answers) 2.5 s after the request: after the client's timeout.
				return { kind: 'late', delayMs: 2500 };
			}
			return { kind: 'pass' };
		};
		const receivers = '+33611111111, +33622222222, +33633333333';
		const result = await runThroughProxy({ receivers });

		expect([...smsPerReceiver().values()]).toEqual([1, 1, 1]);
		expect(proxy.seen.filter(isSend)).toHaveLength(1);
		const [json] = jsonOf(result);
		expect(json).toMatchObject({ status: 'sent', recoveredLostAnswer: true });
		expect(json.ids).toHaveLength(3);
	});

	test('an API that accepts connections and never answers fails the execution within the stated bound, saying so', async () => {
		API_TIME_LIMITS.requestTimeoutMs = 300;
		API_TIME_LIMITS.noAnswerLimitMs = 1000;
		proxy.decide = () => ({ kind: 'hang' });
		const started = Date.now();
		const result = await runThroughProxy({}, undefined, false);
		const elapsed = Date.now() - started;

		expect(result.status).toBe('error');
		expect(`${result.error?.message} ${result.error?.description ?? ''}`).toMatch(/answered nothing for \d+ s|did not answer within|no answer within/);
		// The bound: the no-answer limit, plus the last request or backoff wait still running.
		expect(elapsed).toBeLessThan(API_TIME_LIMITS.noAnswerLimitMs + 2000 + 1000);
		expect(harness.allSms()).toHaveLength(0);
	});
});
