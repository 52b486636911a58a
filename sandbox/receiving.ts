/**
 * A reply arriving from a handset: stored as `sms.Incoming` (and billed), pushed to the
 * account's `cgiUrl` when replies are configured so, answered automatically for `text`, and a
 * STOP reply puts the number on the blacklist and calls `stopCallBack`.
 */
import { countParts } from './part-count';
import { formatOvhDate } from './clock';
import { badRequest, notFound } from './http';
import { normaliseNumericSender, normaliseReceiver } from './phone';
import { nextId, requireAccount, serverNowMs, type SandboxRuntime } from './runtime';
import { SEED } from './seed';
import { sendSms } from './sending';
import type { AccountState, Incoming, IncomingInput, IncomingState, OutgoingState } from './types';
import { incomingView } from './views';

/** The most recent SMS sent to `number` from the number that received the reply. */
function repliedTo(account: AccountState, number: string, virtualNumber: string | null): OutgoingState | undefined {
	let latest: OutgoingState | undefined;
	for (const sms of Object.values(account.outgoing)) {
		if (sms.receiver !== number) continue;
		const sameLine = virtualNumber ? sms.virtualNumber === virtualNumber : sms.shortcode !== null;
		if (sameLine && (!latest || sms.id > latest.id)) latest = sms;
	}
	return latest;
}

export function isStopReply(message: string): boolean {
	return /^\s*stop(?![\p{L}\p{N}])/iu.test(message);
}

export async function receiveIncoming(runtime: SandboxRuntime, input: IncomingInput): Promise<Incoming> {
	const serviceName = input.serviceName ?? SEED.serviceName;
	const account = requireAccount(runtime, serviceName);
	if (typeof input.sender !== 'string' || !normaliseReceiver(input.sender)) {
		throw badRequest('sender must be a phone number: + or 00 followed by 7 to 15 digits');
	}
	if (typeof input.message !== 'string' || input.message === '') throw badRequest('message is required');
	if (input.tag !== undefined && input.tag !== null && typeof input.tag !== 'string') {
		throw badRequest('tag must be a string');
	}
	const sender = normaliseReceiver(input.sender)!;
	let virtualNumber: string | null = null;
	if (input.virtualNumber !== undefined && input.virtualNumber !== null) {
		const number = normaliseNumericSender(String(input.virtualNumber));
		if (!number || !account.virtualNumbers[number]) throw notFound(String(input.virtualNumber));
		virtualNumber = number;
	}
	const shortcode = virtualNumber ? null : SEED.shortNumber;
	const original = repliedTo(account, sender, virtualNumber);
	// Receiving is billed like sending one SMS of the same length.
	const credits = countParts(input.message).parts;
	account.creditsLeft = Math.max(0, account.creditsLeft - credits);

	const now = serverNowMs(runtime);
	const incoming: IncomingState = {
		id: nextId(runtime),
		creationDatetime: formatOvhDate(now),
		credits,
		message: input.message,
		sender,
		tag: input.tag ?? original?.tag ?? null,
		virtualNumber,
		shortcode,
	};
	account.incoming[incoming.id] = incoming;

	const calls: Array<Promise<unknown>> = [];
	if (isStopReply(input.message)) {
		account.blacklists[sender] = {
			number: sender,
			dateCreation: formatOvhDate(now),
			batchID: original?.batchID ?? null,
			smsOutgoingID: original?.id ?? null,
		};
		if (account.stopCallBack) {
			calls.push(
				runtime.callbacks.call({
					kind: 'stop',
					method: 'GET',
					url: account.stopCallBack,
					params: { number: sender, id: String(incoming.id) },
				}),
			);
		}
	}

	const response = account.smsResponse;
	if (response.responseType === 'cgi' && response.cgiUrl) {
		calls.push(
			runtime.callbacks.call({
				kind: 'incomingCgi',
				method: 'POST',
				url: response.cgiUrl,
				params: {
					id: String(incoming.id),
					message: incoming.message,
					senderid: sender,
					shortcode: virtualNumber ?? shortcode ?? '',
					tag: incoming.tag ?? '',
					keyword: incoming.message.trim().split(/\s+/)[0] ?? '',
				},
			}),
		);
	} else if (response.responseType === 'text' && response.text) {
		sendAutomaticAnswer(runtime, account, sender, response.text, virtualNumber, shortcode);
	}
	runtime.changed();
	await Promise.all(calls);
	return incomingView(incoming);
}

function sendAutomaticAnswer(
	runtime: SandboxRuntime,
	account: AccountState,
	receiver: string,
	text: string,
	virtualNumber: string | null,
	shortcode: string | null,
): void {
	try {
		sendSms(runtime, account, {
			message: text,
			receivers: [receiver],
			sender: virtualNumber ?? shortcode ?? SEED.shortNumber,
			senderType: virtualNumber ? 'virtual' : 'shortcode',
			virtualNumber,
			shortcode,
			noStopClause: true,
			class: 'phoneDisplay',
			priority: 'high',
			validityPeriod: 2880,
			differedPeriod: 0,
			tag: null,
		});
	} catch {
		// No credits left (or a blacklisted number): the automatic answer is simply not sent.
	}
}
