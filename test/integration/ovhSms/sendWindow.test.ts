// Issue 19 §1: the Send Window on Send and Campaign › Create, through n8n's engine against the
// sandbox, with the machine's clock set to the moment under test (timers stay real).
import type { IDataObject } from 'n8n-workflow';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy';
import { runNode, type RunResult } from '../../support/n8nEngine';
import { campaignParameters, jsonOf, sendParameters, useNodeHarness } from './helpers';

const harness = useNodeHarness();
const paris = { workflowSettings: { timezone: 'Europe/Paris' } };

function clockAt(iso: string): void {
	jest.useFakeTimers({
		now: Date.parse(iso),
		advanceTimers: true,
		doNotFake: [
			'setTimeout',
			'clearTimeout',
			'setInterval',
			'clearInterval',
			'setImmediate',
			'clearImmediate',
			'nextTick',
			'queueMicrotask',
			'hrtime',
			'performance',
		],
	});
}
afterEach(() => jest.useRealTimers());

const frenchHours = (window: IDataObject = {}) => ({ sendWindow: { window: { rule: 'frenchCommercial', ...window } } });
const commercialSend = (options: IDataObject = {}, overrides: IDataObject = {}) =>
	sendParameters({ message: 'MyShop: -20% on everything this week', options: { ...frenchHours(), ...options }, ...overrides });

describe('Send with a Send Window (French commercial hours)', () => {
	test('a commercial send at Sunday 23:40 is deferred to Monday 08:00: OVHcloud gets differedPeriod 500', async () => {
		clockAt('2026-12-06T23:40:00+01:00');
		const result = await harness.run(commercialSend(), undefined, paris);
		expect(result.status).toBe('success');
		expect(harness.jobBodies()).toEqual([expect.objectContaining({ differedPeriod: 500 })]);
		expect(jsonOf(result)[0]).toMatchObject({ status: 'scheduled', sendWindow: 'deferred', sendsAt: '2026-12-07T08:00:00+01:00' });
		// Held by OVHcloud: still cancellable.
		const [id] = jsonOf(result)[0].ids as number[];
		expect(Object.keys(harness.account().jobs)).toEqual([String(id)]);
	});

	test('"sendsAt" is given in the workflow\'s time zone', async () => {
		clockAt('2026-12-06T23:40:00+01:00');
		const result = await harness.run(commercialSend(), undefined, { workflowSettings: { timezone: 'America/New_York' } });
		expect(jsonOf(result)[0]).toMatchObject({ sendWindow: 'deferred', sendsAt: '2026-12-07T02:00:00-05:00' });
	});

	test('inside the window it goes at once, and says so', async () => {
		clockAt('2026-12-08T10:00:00+01:00');
		const result = await harness.run(commercialSend(), undefined, paris);
		expect(harness.jobBodies()[0].differedPeriod).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ status: 'sent', sendWindow: 'inWindow', sendsAt: '2026-12-08T10:00:00+01:00' });
	});

	test('on a public holiday (Christmas, a Friday) it waits for Monday 28th, 08:00', async () => {
		clockAt('2026-12-25T10:00:00+01:00');
		const result = await harness.run(commercialSend(), undefined, paris);
		expect(harness.jobBodies()[0].differedPeriod).toBe(3 * 24 * 60 - 120);
		expect(jsonOf(result)[0]).toMatchObject({ sendWindow: 'deferred', sendsAt: '2026-12-28T08:00:00+01:00' });
	});

	test.each([
		// Friday 21:00 → Monday 08:00 is 59 hours on the wall clock: 58 across the spring change, 60 across the autumn one.
		[
			'the weekend the clocks go forward: Friday 21:00 → Monday 08:00 CEST',
			'2026-03-27T21:00:00+01:00',
			{},
			58 * 60,
			'2026-03-30T08:00:00+02:00',
		],
		[
			'the weekend the clocks go back: Friday 21:00 → Monday 08:00 CET',
			'2026-10-23T21:00:00+02:00',
			{},
			60 * 60,
			'2026-10-26T08:00:00+01:00',
		],
		// 02:30 does not exist on 29 March 2026 in Paris: the window opens at the jump, 03:00 CEST.
		[
			'an opening in the skipped hour opens at the jump',
			'2026-03-29T01:10:00+01:00',
			{ rule: 'custom', opensAt: '02:30', closesAt: '05:00', timeZone: 'Europe/Paris' },
			50,
			'2026-03-29T03:00:00+02:00',
		],
	])('DST: %s', async (_name, now, window, differedPeriod, sendsAt) => {
		clockAt(now);
		const result = await harness.run(commercialSend(frenchHours(window)), undefined, paris);
		expect(harness.jobBodies()[0].differedPeriod).toBe(differedPeriod);
		expect(jsonOf(result)[0]).toMatchObject({ sendWindow: 'deferred', sendsAt });
	});

	test('a "Send At" on a Saturday is deferred the same way, to Monday 08:00', async () => {
		clockAt('2026-12-11T12:00:00+01:00');
		const result = await harness.run(commercialSend({ sendAt: '2026-12-12T10:00:00' }), undefined, paris);
		// Friday 12:00 → Monday 08:00: 2 days and 20 hours.
		expect(harness.jobBodies()[0].differedPeriod).toBe((2 * 24 + 20) * 60);
		expect(jsonOf(result)[0]).toMatchObject({ status: 'scheduled', sendsAt: '2026-12-14T08:00:00+01:00' });
	});

	test('fail mode: the item fails naming the field and the next opening; nothing is sent', async () => {
		clockAt('2026-12-06T23:40:00+01:00');
		const result = await harness.run(commercialSend(frenchHours({ outside: 'fail' })), undefined, paris);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			/^Now \(2026-12-06T23:40:\d\d\+01:00\) is a day the window is closed for "Send Window" \(Monday, Tuesday, Wednesday, Thursday, Friday 08:00–20:00 Europe\/Paris, FR public holidays closed\); nothing was sent \[item 0\]$/,
		);
		expect(result.error?.description).toContain('2026-12-07T08:00:00+01:00');
		expect(harness.jobBodies()).toEqual([]);
	});

	test('fail mode with Continue On Fail: only the commercial item fails, the code goes out', async () => {
		clockAt('2026-12-06T23:40:00+01:00');
		const items = [{ commercial: true }, { commercial: false }];
		const result = await harness.run(
			commercialSend({ ...frenchHours({ outside: 'fail' }), noStopClause: '={{ !$json.commercial }}' }, { receivers: '+33611111111' }),
			items,
			{ ...paris, continueOnFail: true },
		);
		const [first, second] = result.output;
		expect(first.json.error).toMatch(/"Send Window".*\[item 0\]$/);
		expect(first.pairedItem).toEqual({ item: 0 });
		expect(second.json).toMatchObject({ status: 'sent', sendWindow: 'notApplied' });
		expect(harness.jobBodies()).toHaveLength(1);
	});

	test('a non-commercial message (a code) ignores the window', async () => {
		clockAt('2026-12-06T23:40:00+01:00');
		const result = await harness.run(commercialSend({ noStopClause: true }), undefined, paris);
		expect(harness.jobBodies()[0].differedPeriod).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ status: 'sent', sendWindow: 'notApplied' });
	});

	test('…unless "Hold Non-Commercial Messages Too" is on', async () => {
		clockAt('2026-12-06T23:40:00+01:00');
		await harness.run(commercialSend({ noStopClause: true, ...frenchHours({ nonCommercialToo: true }) }), undefined, paris);
		expect(harness.jobBodies()[0].differedPeriod).toBe(500);
	});

	test('a custom window overrides the rule: every day 09:00–18:00 in Europe/London, UK holidays', async () => {
		clockAt('2026-12-06T23:40:00+01:00');
		const window = { rule: 'custom', opensAt: '09:00', closesAt: '18:00', timeZone: 'Europe/London', holidays: 'GB' };
		const result = await harness.run(commercialSend({ sendWindow: { window } }), undefined, paris);
		// Sunday 22:40 in London → Monday 09:00 London = 10:00 Paris: 10 h 20.
		expect(harness.jobBodies()[0].differedPeriod).toBe(620);
		expect(jsonOf(result)[0]).toMatchObject({ sendsAt: '2026-12-07T10:00:00+01:00' });
	});

	test.each([
		[{ opensAt: '8h' }, /"Send Window › Opens At" must be a time of day such as 08:00/],
		[{ opensAt: '20:00', closesAt: '08:00' }, /"Send Window › Opens At" must be before "Closes At"/],
		[{ timeZone: 'Paris' }, /"Send Window › Time Zone" must be an IANA time zone such as Europe\/Paris, not "Paris"/],
		[{ days: ['someday'] }, /"Send Window › Days" must be days among sunday, monday/],
	])('a bad window %j fails its item before anything is sent', async (window, message) => {
		const result = await harness.run(commercialSend(frenchHours(window)), undefined, paris);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(harness.jobBodies()).toEqual([]);
	});
});

describe('a Retry of a deferred send, later, sends nothing twice', () => {
	let proxy: FaultProxy;
	beforeEach(async () => {
		proxy = await startFaultProxy(harness.sandbox.apiBaseUrl);
	});
	afterEach(async () => {
		await proxy.close();
	});

	const run = (retryOf?: RunResult) =>
		runNode({
			type: 'ovhSms',
			credentials: { ovhCloudApi: { endpoint: 'custom', customEndpoint: proxy.apiBaseUrl, ...harness.sandbox.credentials } },
			parameters: {
				serviceName: { __rl: true, mode: 'id', value: harness.sandbox.serviceName },
				...commercialSend({ parallelJobs: 1 }, { receivers: '={{ $json.phone }}', message: '={{ $json.text }}' }),
			},
			items: [
				{ phone: '+33611111111', text: 'MyShop: -20% on shoes this week' },
				{ phone: '+33622222222', text: 'MyShop: -20% on bags this week' },
			],
			retryOf,
			workflowSettings: { timezone: 'Europe/Paris' },
		});

	// Seconds off the minute: a deferral measured from "now" differs between the two runs.
	test.each([
		['an hour later, before the opening: the first job is still held', '2026-12-07T00:40:43+01:00', false, 440],
		['after the window opened, once OVHcloud has sent the first job', '2026-12-07T09:00:43+01:00', true, undefined],
		['after the window opened, while OVHcloud still holds the first job', '2026-12-07T08:00:43+01:00', false, undefined],
	])('%s', async (_name, retryAt, released, secondDifferedPeriod) => {
		// Sunday 23:40: the first job is accepted, OVHcloud refuses the second; the execution fails.
		clockAt('2026-12-06T23:40:17+01:00');
		let sends = 0;
		proxy.decide = (r) =>
			r.method === 'POST' && r.path.endsWith('/jobs') && ++sends === 2
				? { kind: 'reply', status: 400, body: '{"message":"Refused for the test"}' }
				: { kind: 'pass' };
		const first = await run();
		expect(first.status).toBe('error');
		expect(harness.jobBodies().map((body) => body.differedPeriod)).toEqual([500]);

		if (released) expect(harness.sandbox.releaseDeferredJobs()).toHaveLength(1);
		jest.useRealTimers();
		clockAt(retryAt);
		proxy.decide = () => ({ kind: 'pass' });
		const retry = await run(first);
		expect(retry.status).toBe('success');
		const [shoes, bags] = jsonOf(retry);
		expect(shoes).toMatchObject({ alreadySent: ['+33611111111'], ids: [] });
		expect(bags).toMatchObject({ validReceivers: ['+33622222222'] });
		expect(harness.jobBodies().map((body) => body.differedPeriod)).toEqual([500, secondDifferedPeriod]);
		expect(harness.smsPerReceiver()).toEqual(
			new Map([
				['+33611111111', 1],
				['+33622222222', 1],
			]),
		);
	});
});

describe('Campaign › Create with a Send Window', () => {
	const campaign = (options: IDataObject, overrides: IDataObject = {}) => campaignParameters({ options, ...overrides });
	const people = [{ phone: '+33611111111' }, { phone: '+33622222222' }];

	test('created at Sunday 23:40, the campaign starts on Monday 08:00 (its deferred start)', async () => {
		clockAt('2026-12-06T23:40:00+01:00');
		const result = await harness.run(campaign(frenchHours()), people, paris);
		expect(result.status).toBe('success');
		const [batch] = Object.values(harness.account().batches) as Array<{ deferred?: string }>;
		expect(Date.parse(batch.deferred!)).toBe(Date.parse('2026-12-07T07:00:00Z'));
		expect(jsonOf(result)[0]).toMatchObject({ sendWindow: 'deferred', sendsAt: '2026-12-07T08:00:00+01:00' });
	});

	test('a "Start At" on Whit Monday fails in fail mode, naming the field; nothing is created', async () => {
		clockAt('2026-05-20T10:00:00+02:00');
		const result = await harness.run(
			campaign(frenchHours({ outside: 'fail' }), { startMode: 'scheduled', startAt: '2026-05-25T10:00:00' }),
			people,
			paris,
		);
		expect(result.error?.message).toMatch(
			/^"Start At" \(2026-05-25T10:00:00\+02:00\) is a public holiday for "Send Window" .*; nothing was created \[item 0\]$/,
		);
		expect(Object.keys(harness.account().batches)).toHaveLength(0);
	});

	test('a non-commercial campaign starts now', async () => {
		clockAt('2026-12-06T23:40:00+01:00');
		const result = await harness.run(campaign({ ...frenchHours(), noStopClause: true }), people, paris);
		const [batch] = Object.values(harness.account().batches) as Array<{ deferred?: string | null }>;
		expect(batch.deferred ?? null).toBeNull();
		expect(jsonOf(result)[0]).toMatchObject({ sendWindow: 'notApplied' });
	});
});
