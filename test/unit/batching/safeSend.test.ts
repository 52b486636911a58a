import { JobSendError, sendJobSafely, type JobGateway, type SendingReport, type SentSms } from '../../../lib/batching';

class Ambiguous extends Error {}

/**
 * An API that keeps what it accepted: `plan` says, per POST, whether it answers, commits then
 * loses the answer ('cut'), fails before doing anything ('lost'), or refuses ('refuse').
 */
class FakeApi implements JobGateway {
	readonly delivered: SentSms[] = [];
	posts: Array<string[] | undefined> = [];
	lookups = 0;
	private nextId = 1;
	constructor(
		private readonly plan: Array<'ok' | 'cut' | 'lost' | 'refuse'>,
		private readonly blacklist = new Set<string>(),
	) {}

	async send(receivers: string[] | undefined): Promise<SendingReport> {
		this.posts.push(receivers);
		const step = this.plan.shift() ?? 'ok';
		if (step === 'lost') throw new Ambiguous('socket hang up');
		if (step === 'refuse') throw new Error('400 The sender "X" does not exist');
		const list = receivers ?? ['+slot1', '+slot2'];
		const valid = list.filter((r) => !this.blacklist.has(r));
		const ids = valid.map((receiver) => {
			const sms = { id: this.nextId++, receiver, credits: 2 };
			this.delivered.push(sms);
			return sms.id;
		});
		if (step === 'cut') throw new Ambiguous('socket hang up after accept');
		return {
			ids,
			validReceivers: valid,
			invalidReceivers: list.filter((r) => this.blacklist.has(r)),
			totalCreditsRemoved: valid.length * 2,
		};
	}

	async findSent(receivers: string[] | undefined): Promise<SentSms[]> {
		this.lookups++;
		return this.delivered.filter((sms) => !receivers || receivers.includes(sms.receiver));
	}
}

const options = { isAmbiguous: (e: unknown) => e instanceof Ambiguous, sleep: async () => undefined };
const receivedBy = (api: FakeApi) => api.delivered.map((sms) => sms.receiver).sort();

describe('sendJobSafely', () => {
	test('a plain success pairs ids with receivers and shares out the credits', async () => {
		const api = new FakeApi(['ok'], new Set(['+3']));
		const delivery = await sendJobSafely(api, ['+1', '+2', '+3'], options);
		expect(delivery).toEqual({
			sent: [
				{ id: 1, receiver: '+1', credits: 2 },
				{ id: 2, receiver: '+2', credits: 2 },
			],
			alreadySent: [],
			invalidReceivers: ['+3'],
			creditsRemoved: 4,
			recoveredAttempts: 0,
		});
		expect(api.lookups).toBe(0);
	});

	test('an answer lost after the job was accepted: found in the history, never sent again', async () => {
		const api = new FakeApi(['cut']);
		const delivery = await sendJobSafely(api, ['+1', '+2'], options);
		expect(api.posts).toHaveLength(1);
		expect(receivedBy(api)).toEqual(['+1', '+2']);
		expect(delivery.sent.map((s) => s.id)).toEqual([1, 2]);
		expect(delivery.creditsRemoved).toBe(4);
		expect(delivery.recoveredAttempts).toBe(1);
	});

	test('a request lost before anything was done: looked up twice, then sent again once', async () => {
		const api = new FakeApi(['lost', 'ok']);
		const delivery = await sendJobSafely(api, ['+1', '+2'], options);
		expect(api.lookups).toBe(2);
		expect(api.posts).toEqual([
			['+1', '+2'],
			['+1', '+2'],
		]);
		expect(receivedBy(api)).toEqual(['+1', '+2']);
		expect(delivery.sent).toHaveLength(2);
	});

	test('only the receivers the history does not hold are sent again', async () => {
		const api = new FakeApi(['cut', 'ok']);
		// The history holds +1 only (as if +2 had been dropped half-way).
		const realFind = api.findSent.bind(api);
		api.findSent = async (receivers) => (await realFind(receivers)).filter((s) => s.receiver === '+1');
		await sendJobSafely(api, ['+1', '+2'], options);
		expect(api.posts).toEqual([['+1', '+2'], ['+2']]);
	});

	test('a recipient list stored on the account is all or nothing', async () => {
		const api = new FakeApi(['cut']);
		const delivery = await sendJobSafely(api, undefined, options);
		expect(api.posts).toEqual([undefined]);
		expect(delivery.sent.map((s) => s.receiver)).toEqual(['+slot1', '+slot2']);
	});

	test('a clear refusal is not retried and says what was already sent', async () => {
		const api = new FakeApi(['cut', 'refuse']);
		const realFind = api.findSent.bind(api);
		api.findSent = async (receivers) => (await realFind(receivers)).filter((s) => s.receiver === '+1');
		const error = (await sendJobSafely(api, ['+1', '+2'], options).catch((e: unknown) => e)) as JobSendError;
		expect(error).toBeInstanceOf(JobSendError);
		expect(error.message).toContain('does not exist');
		expect(error.sent.map((s) => s.receiver)).toEqual(['+1']);
		expect(error.unsent).toEqual(['+2']);
		expect(error.unconfirmed).toBe(false);
	});

	test('an API that never answers clearly: gives up after the limit, unconfirmed, with what is known', async () => {
		const api = new FakeApi(['lost', 'lost', 'lost']);
		const error = (await sendJobSafely(api, ['+1'], { ...options, maxAmbiguousAttempts: 3 }).catch((e: unknown) => e)) as JobSendError;
		expect(error.unconfirmed).toBe(true);
		expect(error.unsent).toEqual(['+1']);
		expect(api.posts).toHaveLength(3);
		expect(api.delivered).toEqual([]);
	});
});

describe('sendJobSafely when the API cannot tell', () => {
	test('an answer lost, then every history lookup failing: unconfirmed with what was pending, never "not sent"', async () => {
		const api = new FakeApi(['cut']);
		api.findSent = async () => {
			throw new Error('OVHcloud API 503 on GET /sms/x/outgoing');
		};
		const error = (await sendJobSafely(api, ['+1', '+2'], options).catch((e: unknown) => e)) as JobSendError;
		expect(error).toBeInstanceOf(JobSendError);
		expect(error.unconfirmed).toBe(true);
		expect(error.unsent).toEqual(['+1', '+2']);
		expect(error.message).toMatch(/history could not be read/);
		expect(api.posts).toHaveLength(1);
	});

	test('a send that timed out and commits late is found by looking again with backoff, never sent twice', async () => {
		const api = new FakeApi(['ok']);
		const timedOut = Object.assign(new Ambiguous('no answer within 60 s'), { timedOut: true });
		let commitAfterLookups = 3;
		const realSend = api.send.bind(api);
		// The API is still working on the POST when the client gives up; it commits during the third look.
		api.send = async (receivers) => {
			api.posts.push(receivers);
			throw timedOut;
		};
		api.findSent = async (receivers) => {
			api.lookups++;
			if (--commitAfterLookups === 0) {
				api.posts.pop();
				await realSend(receivers);
			}
			return api.delivered.filter((sms) => !receivers || receivers.includes(sms.receiver));
		};
		const sleeps: number[] = [];
		const delivery = await sendJobSafely(api, ['+1', '+2', '+3'], {
			...options,
			isInFlight: (e: unknown) => (e as { timedOut?: boolean }).timedOut === true,
			inFlightWatchMs: 60_000,
			sleep: async (ms: number) => void sleeps.push(ms),
		});
		expect(receivedBy(api)).toEqual(['+1', '+2', '+3']);
		expect(api.posts).toHaveLength(1);
		expect(delivery.sent).toHaveLength(3);
		expect(sleeps.length).toBeGreaterThanOrEqual(2);
		expect(sleeps[1]).toBeGreaterThan(sleeps[0]);
	});

	test('a send that timed out and never shows up is left unconfirmed after the bounded watch, not sent again', async () => {
		const api = new FakeApi(['lost', 'ok']);
		let clock = 0;
		const delivery = await sendJobSafely(api, ['+1'], {
			...options,
			nowMs: () => clock,
			isInFlight: () => true,
			inFlightWatchMs: 60_000,
			sleep: async (ms: number) => void (clock += ms),
		}).catch((e: unknown) => e);
		expect(delivery).toBeInstanceOf(JobSendError);
		expect((delivery as JobSendError).unconfirmed).toBe(true);
		expect((delivery as JobSendError).message).toMatch(/did not answer in time/);
		expect(api.posts).toHaveLength(1);
		expect(clock).toBeLessThanOrEqual(60_000 + 30_000);
		expect(clock).toBeGreaterThanOrEqual(60_000);
	});
});

describe('sendJobSafely across runs', () => {
	test('a run again of the same send skips the receivers the history already holds, and sends the rest once', async () => {
		const api = new FakeApi(['ok', 'ok']);
		await sendJobSafely(api, ['+1', '+2'], options);
		const again = await sendJobSafely(api, ['+1', '+2', '+3'], { ...options, alreadySentSinceMs: 0 });
		expect(again.alreadySent.map((s) => [s.id, s.receiver])).toEqual([
			[1, '+1'],
			[2, '+2'],
		]);
		expect(again.sent.map((s) => s.receiver)).toEqual(['+3']);
		expect(api.posts).toEqual([['+1', '+2'], ['+3']]);
		expect(receivedBy(api)).toEqual(['+1', '+2', '+3']);
	});

	test('a run again whose every receiver already holds the SMS sends nothing', async () => {
		const api = new FakeApi(['ok']);
		await sendJobSafely(api, ['+1'], options);
		const again = await sendJobSafely(api, ['+1'], { ...options, alreadySentSinceMs: 0 });
		expect(again).toMatchObject({ sent: [], creditsRemoved: 0 });
		expect(api.posts).toHaveLength(1);
	});

	test('a history that cannot be read before sending: nothing is sent, and it says so (not unconfirmed)', async () => {
		const api = new FakeApi(['ok']);
		api.findSent = async () => {
			throw new Error('503');
		};
		const error = (await sendJobSafely(api, ['+1'], { ...options, alreadySentSinceMs: 0 }).catch((e: unknown) => e)) as JobSendError;
		expect(error.unconfirmed).toBe(false);
		expect(error.message).toMatch(/nothing was sent/);
		expect(api.posts).toHaveLength(0);
	});
});
