// Five workflow executions sending at once, as five n8n workers would, through one OVHcloud
// account whose API allows RATE_LIMIT requests per second: they share the limit by waiting
// out the 429s, and every SMS goes out once with no failed item. Figures are printed.
import { startSandbox, type Sandbox } from '../../../sandbox';
import { runNode, type RunResult } from '../../support/n8nEngine';
import { sendParameters } from '../ovhSms/helpers';

/**
 * OVHcloud documents no limit; a maintainer wrote that "under 60 req/min per consumer key you
 * should be ok" (ovh/python-ovh issue #81, 2019). 10 per second per consumer key is a limit a
 * real account can plausibly meet, and tight enough here that five executions collide.
 */
const RATE_LIMIT = 10;
const EXECUTIONS = 5;
const RECIPIENTS_PER_EXECUTION = 10_000;
const CREDITS = 100_000;

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ rateLimitPerSecond: RATE_LIMIT, credits: CREDITS, deliveryDelayMs: 60_000 });
});
afterAll(async () => {
	await sandbox?.close();
});

function execution(index: number): Promise<RunResult> {
	const items = Array.from({ length: RECIPIENTS_PER_EXECUTION }, (_, i) => ({
		phone: `+336${index}${String(i).padStart(7, '0')}`,
	}));
	return runNode({
		type: 'ovhSms',
		credentials: { ovhCloudApi: { endpoint: 'custom', customEndpoint: sandbox.apiBaseUrl, ...sandbox.credentials } },
		parameters: {
			serviceName: { __rl: true, mode: 'id', value: sandbox.serviceName },
			...sendParameters({ receivers: '={{ $json.phone }}', message: `Spring sale, store ${index + 1}: -20% today` }),
		},
		items,
		continueOnFail: true,
	});
}

test(`${EXECUTIONS} executions of ${RECIPIENTS_PER_EXECUTION.toLocaleString('en')} recipients at once share a ${RATE_LIMIT}/s limit without failing`, async () => {
	const started = Date.now();
	const results = await Promise.all(Array.from({ length: EXECUTIONS }, (_, index) => execution(index)));
	const wallMs = Date.now() - started;

	const account = sandbox.state.accounts[sandbox.serviceName];
	const held = new Map<string, number>();
	for (const sms of Object.values(account.outgoing)) held.set(sms.receiver, (held.get(sms.receiver) ?? 0) + 1);
	const requests = sandbox.requests;
	const rateLimited = requests.filter((r) => r.status === 429).length;
	const sends = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/jobs'));
	const failedItems = results.flatMap((result) => result.output.filter((item) => item.json.status !== 'sent'));
	process.stderr.write(
		`[load] ${EXECUTIONS} executions × ${RECIPIENTS_PER_EXECUTION} recipients, limit ${RATE_LIMIT}/s: ${requests.length} requests ` +
			`(${sends.length} POST /jobs), ${rateLimited} answered 429, ${held.size} SMS, ${failedItems.length} failed items, ` +
			`wall ${(wallMs / 1000).toFixed(1)} s\n`,
	);

	expect(results.map((r) => r.status)).toEqual(Array(EXECUTIONS).fill('success'));
	expect(failedItems.map((item) => item.json.error)).toEqual([]);
	expect(results.map((r) => r.output.length)).toEqual(Array(EXECUTIONS).fill(RECIPIENTS_PER_EXECUTION));
	expect(held.size).toBe(EXECUTIONS * RECIPIENTS_PER_EXECUTION);
	expect([...held.values()].filter((n) => n > 1)).toEqual([]);
	expect(CREDITS - account.creditsLeft).toBe(EXECUTIONS * RECIPIENTS_PER_EXECUTION);
	// The limit was really met: the test proves sharing, not a quiet API.
	expect(rateLimited).toBeGreaterThan(0);
}, 180_000);
