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
	constructor(private readonly plan: Array<'ok' | 'cut' | 'lost' | 'refuse'>, private readonly blacklist = new Set<string>()) {}

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
		expect(api.posts).toEqual([['+1', '+2'], ['+1', '+2']]);
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
