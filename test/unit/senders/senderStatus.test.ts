import { describeSenderStatus, waitForSenderDecision, type OvhSender } from '../../../lib/senders';

describe('describeSenderStatus', () => {
	test('says each status in words a workflow can branch on', () => {
		expect(describeSenderStatus({ sender: 'A', status: 'enable', type: 'alpha' })).toMatchObject({
			statusText: 'enabled',
			canSend: true,
			decided: true,
			typeText: 'alphanumeric',
		});
		expect(describeSenderStatus({ sender: 'A', status: 'waitingValidation' })).toMatchObject({
			statusText: 'waiting for validation',
			canSend: false,
			decided: false,
		});
		expect(describeSenderStatus({ sender: 'A', status: 'disable', type: 'numeric' })).toMatchObject({
			statusText: 'disabled',
			canSend: false,
			typeText: 'phone number',
		});
	});

	test('carries the moderator’s comment of a refusal', () => {
		const words = describeSenderStatus({ sender: 'Brand', status: 'refused', comment: 'Brand not justified' });
		expect(words).toMatchObject({ statusText: 'refused', refusalComment: 'Brand not justified', canSend: false });
		expect(words.statusMessage).toContain('Brand not justified');
	});
});

describe('waitForSenderDecision', () => {
	function fakeClock() {
		let now = 0;
		return { nowMs: () => now, sleep: async (ms: number) => void (now += ms), slept: () => now };
	}

	test('polls until the sender is enabled', async () => {
		const clock = fakeClock();
		const statuses = ['waitingValidation', 'waitingValidation', 'enable'];
		let reads = 0;
		const outcome = await waitForSenderDecision({
			readSender: async (): Promise<OvhSender> => ({ sender: 'X', status: statuses[reads++] }),
			...clock,
			timeLimitMs: 60_000,
			pollIntervalMs: 1_000,
		});
		expect(outcome).toMatchObject({ timedOut: false, reads: 3, waitedMs: 2_000 });
		expect(outcome.sender.status).toBe('enable');
	});

	test('stops at a refusal', async () => {
		const clock = fakeClock();
		const outcome = await waitForSenderDecision({
			readSender: async () => ({ sender: 'X', status: 'refused', comment: 'No' }),
			...clock,
			timeLimitMs: 60_000,
			pollIntervalMs: 1_000,
		});
		expect(outcome).toMatchObject({ timedOut: false, reads: 1 });
	});

	test('gives up at the time limit without sleeping past it', async () => {
		const clock = fakeClock();
		const outcome = await waitForSenderDecision({
			readSender: async () => ({ sender: 'X', status: 'waitingValidation' }),
			...clock,
			timeLimitMs: 2_500,
			pollIntervalMs: 1_000,
		});
		expect(outcome).toMatchObject({ timedOut: true, reads: 4, waitedMs: 2_500 });
		expect(clock.slept()).toBe(2_500);
	});
});
