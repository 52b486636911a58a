import { digitsOf } from '../recipients';

/** OVHcloud's answer to a send (`sms.SmsSendingReport`). */
export interface SendingReport {
	ids: number[];
	validReceivers: string[];
	invalidReceivers: string[];
	totalCreditsRemoved: number;
	tag?: string | null;
}

/** One SMS the API holds: its id, the receiver, and what it cost. */
export interface SentSms {
	id: number;
	receiver: string;
	credits: number;
}

/**
 * How a job reaches the API. `receivers` undefined means the job's receivers are not listed
 * (a recipient list stored on the account): the job is then all or nothing.
 */
export interface JobGateway {
	send(receivers: string[] | undefined): Promise<SendingReport>;
	/**
	 * The SMS of this job the API already holds for these receivers (all of the job's when
	 * undefined), created since the attempt began. Never returns an SMS twice.
	 */
	findSent(receivers: string[] | undefined, attemptStartedAtMs: number): Promise<SentSms[]>;
	/**
	 * Pairs a report's ids with their receivers as the API holds them. OVHcloud's schema does not
	 * promise that `ids[i]` is `validReceivers[i]`'s SMS; without this, `sentFromReport` assumes it.
	 */
	pairReport?(report: SendingReport): Promise<SentSms[]>;
}

export interface SafeSendOptions {
	/** Whether a failed send may nevertheless have been carried out (no answer, a 5xx). */
	isAmbiguous: (error: unknown) => boolean;
	sleep: (ms: number) => Promise<void>;
	nowMs?: () => number;
	/** Pause before looking a second time when the first look finds nothing. Default 1000 ms. */
	settleMs?: number;
	/** Ambiguous attempts before giving up on the job. Default 4. */
	maxAmbiguousAttempts?: number;
	/**
	 * Whether a failed send may still be running on the API (the client stopped waiting for
	 * the answer): such a job is watched, never sent again. Default: never.
	 */
	isInFlight?: (error: unknown) => boolean;
	/** How long a send still in flight is watched in the history before it is left unconfirmed. Default 60 s. */
	inFlightWatchMs?: number;
	/**
	 * When set, the history is read before the first attempt for SMS of this job created since
	 * then (an earlier run of the same send: a Retry, a re-run after a crash): their receivers
	 * are not sent again and come back in `alreadySent`.
	 */
	alreadySentSinceMs?: number;
	/** Whether which id went to which receiver matters (the job serves several items): then checked with `pairReport`. */
	pairingMatters?: boolean;
}

/** First pause between looks at a send still in flight; it doubles up to the cap. */
const IN_FLIGHT_FIRST_LOOK_MS = 2000;
const IN_FLIGHT_LOOK_CAP_MS = 16_000;

export interface JobDelivery {
	sent: SentSms[];
	/** SMS an earlier run of the same send had already sent: not sent again, not billed again. */
	alreadySent: SentSms[];
	/** Receivers OVHcloud refused (not billed). */
	invalidReceivers: string[];
	creditsRemoved: number;
	/** Ambiguous failures that were resolved by reading the history instead of resending. */
	recoveredAttempts: number;
}

/**
 * A job that did not go out in full. `sent` lists what did go out (never hide a sent SMS),
 * `unsent` what did not, and `unconfirmed` says whether the API's state could not be known.
 */
export class JobSendError extends Error {
	readonly cause: unknown;
	readonly sent: SentSms[];
	readonly unsent: string[] | undefined;
	readonly unconfirmed: boolean;

	constructor(message: string, fields: { cause: unknown; sent: SentSms[]; unsent: string[] | undefined; unconfirmed: boolean }) {
		super(message);
		this.name = 'JobSendError';
		this.cause = fields.cause;
		this.sent = fields.sent;
		this.unsent = fields.unsent;
		this.unconfirmed = fields.unconfirmed;
	}
}

/** Pairs the report's ids with its receivers (same positions) and shares the credits out. */
export function sentFromReport(report: SendingReport): SentSms[] {
	const count = Math.min(report.ids.length, report.validReceivers.length);
	const each = report.validReceivers.length > 0 ? report.totalCreditsRemoved / report.validReceivers.length : 0;
	const sent: SentSms[] = [];
	for (let i = 0; i < count; i++) sent.push({ id: report.ids[i], receiver: report.validReceivers[i], credits: each });
	return sent;
}

/**
 * Sends one job so that it is never sent twice and never lost silently. When the answer is
 * ambiguous (the request may have been carried out), the API's history is read before
 * anything is sent again, and only the receivers it does not hold are sent again.
 */
export async function sendJobSafely(gateway: JobGateway, receivers: string[] | undefined, options: SafeSendOptions): Promise<JobDelivery> {
	const nowMs = options.nowMs ?? (() => Date.now());
	const settleMs = options.settleMs ?? 1000;
	const maxAmbiguous = options.maxAmbiguousAttempts ?? 4;
	const sent: SentSms[] = [];
	const invalidReceivers: string[] = [];
	let creditsRemoved = 0;
	let recoveredAttempts = 0;
	let pending = receivers ? [...receivers] : undefined;
	const alreadySent: SentSms[] = [];
	const delivered = () => ({ sent, alreadySent, invalidReceivers, creditsRemoved, recoveredAttempts });

	if (options.alreadySentSinceMs !== undefined) {
		let lookupError: unknown;
		try {
			alreadySent.push(...(await gateway.findSent(pending, options.alreadySentSinceMs)));
		} catch (error) {
			lookupError = error ?? new Error('lookup failed');
		}
		if (lookupError !== undefined) {
			throw new JobSendError(
				`the history could not be read to check what an earlier run of this send already sent (${messageOf(lookupError)}); nothing was sent`,
				{ cause: lookupError, sent, unsent: pending, unconfirmed: false },
			);
		}
		if (!pending && alreadySent.length > 0) return delivered();
		if (pending) {
			const done = new Set(alreadySent.map((sms) => digitsOf(sms.receiver)));
			pending = pending.filter((receiver) => !done.has(digitsOf(receiver)));
			if (pending.length === 0) return delivered();
		}
	}

	for (let ambiguous = 0; ; ) {
		const startedAt = nowMs();
		let report: SendingReport | undefined;
		let failure: unknown;
		try {
			report = await gateway.send(pending);
		} catch (error) {
			failure = error;
		}
		if (report) {
			const fromReport = options.pairingMatters && gateway.pairReport ? await gateway.pairReport(report) : sentFromReport(report);
			sent.push(...fromReport);
			invalidReceivers.push(...report.invalidReceivers);
			creditsRemoved += report.totalCreditsRemoved;
			return delivered();
		}
		if (!options.isAmbiguous(failure)) {
			throw new JobSendError(messageOf(failure), { cause: failure, sent, unsent: pending, unconfirmed: false });
		}
		ambiguous++;
		const inFlight = options.isInFlight?.(failure) ?? false;
		const found: SentSms[] = [];
		let lookupError: unknown;
		try {
			if (inFlight) await watchInFlight(gateway, pending, startedAt, options, nowMs, found);
			else found.push(...(await lookTwice(gateway, pending, startedAt, options.sleep, settleMs)));
		} catch (error) {
			lookupError = error ?? new Error('lookup failed');
		}
		if (lookupError !== undefined) {
			sent.push(...found);
			throw new JobSendError(
				`${messageOf(failure)}; then the history could not be read to check whether it went out (${messageOf(lookupError)})`,
				{ cause: failure, sent, unsent: pending, unconfirmed: true },
			);
		}
		if (found.length > 0) recoveredAttempts++;
		sent.push(...found);
		creditsRemoved += found.reduce((sum, sms) => sum + sms.credits, 0);
		if (!pending) {
			// A listed-elsewhere job is all or nothing: anything found means it went out.
			if (found.length > 0) return delivered();
		} else {
			const foundDigits = new Set(found.map((sms) => digitsOf(sms.receiver)));
			pending = pending.filter((receiver) => !foundDigits.has(digitsOf(receiver)));
			if (pending.length === 0) return delivered();
		}
		if (inFlight) {
			// OVHcloud publishes no bound on how long an accepted request can take to commit: no wait
			// proves it never will, so a job still in flight is never sent again by this run.
			throw new JobSendError(
				`${messageOf(failure)}; the API did not answer in time and its history did not show ${
					pending ? `${pending.length} receiver(s)` : 'the job'
				} after watching it for ${Math.round((options.inFlightWatchMs ?? 60_000) / 1000)} s: it may still go out`,
				{ cause: failure, sent, unsent: pending, unconfirmed: true },
			);
		}
		if (ambiguous >= maxAmbiguous) {
			throw new JobSendError(
				`${messageOf(failure)}; after ${ambiguous} attempts without a clear answer, ${
					pending ? `${pending.length} receiver(s)` : 'the job'
				} could not be confirmed as sent or not sent`,
				{ cause: failure, sent, unsent: pending, unconfirmed: true },
			);
		}
	}
}

async function lookTwice(
	gateway: JobGateway,
	pending: string[] | undefined,
	startedAt: number,
	sleep: (ms: number) => Promise<void>,
	settleMs: number,
): Promise<SentSms[]> {
	const found = await gateway.findSent(pending, startedAt);
	if (found.length > 0) return found;
	await sleep(settleMs);
	return gateway.findSent(pending, startedAt);
}

/**
 * Looks at a send the API may still be carrying out, with doubling pauses, until all of it
 * shows up or the watch is over. What it finds goes into `found` at once, so a failed later
 * look does not hide an SMS an earlier one found (each look returns only new SMS).
 */
async function watchInFlight(
	gateway: JobGateway,
	pending: string[] | undefined,
	startedAt: number,
	options: SafeSendOptions,
	nowMs: () => number,
	found: SentSms[],
): Promise<void> {
	const watchMs = options.inFlightWatchMs ?? 60_000;
	const watchStart = nowMs();
	const foundDigits = new Set<string>();
	const complete = () => (pending ? pending.every((r) => foundDigits.has(digitsOf(r))) : found.length > 0);
	for (let pause = IN_FLIGHT_FIRST_LOOK_MS; ; pause = Math.min(pause * 2, IN_FLIGHT_LOOK_CAP_MS)) {
		const remaining = pending?.filter((r) => !foundDigits.has(digitsOf(r)));
		for (const sms of await gateway.findSent(remaining, startedAt)) {
			found.push(sms);
			foundDigits.add(digitsOf(sms.receiver));
		}
		if (complete()) return;
		const left = watchMs - (nowMs() - watchStart);
		if (left <= 0) return;
		await options.sleep(Math.min(pause, left));
	}
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
