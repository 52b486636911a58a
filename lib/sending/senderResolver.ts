import { SmsApi, type OvhClient } from '../ovh';
import { describeSenderStatus, isOfferedAsSender, virtualNumberKey, type OvhSender } from '../senders';
import type { ResolvedSender, SenderChoice } from './types';

const MAX_ALPHANUMERIC_SENDER_LENGTH = 11;

/** A sender that cannot send, with the account's senders that can. */
export class SenderRefusedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SenderRefusedError';
	}
}

/**
 * Checks each sender once per run: it must exist and be enabled. A sender of type `virtual`
 * sends through its number's own jobs endpoint, as the control panel does.
 */
export class SenderResolver {
	private readonly resolved = new Map<string, Promise<ResolvedSender>>();
	private readonly enabled = new Map<string, Promise<string[]>>();

	constructor(private readonly client: OvhClient) {}

	resolve(serviceName: string, choice: SenderChoice): Promise<ResolvedSender> {
		const key = JSON.stringify([serviceName, choice]);
		let promise = this.resolved.get(key);
		if (!promise) {
			promise = this.check(serviceName, choice);
			// Every caller awaits it; this only keeps an early rejection from being reported as unhandled.
			promise.catch(() => undefined);
			this.resolved.set(key, promise);
		}
		return promise;
	}

	private async check(serviceName: string, choice: SenderChoice): Promise<ResolvedSender> {
		if (choice.kind === 'shortNumber') {
			return { target: { serviceName }, fields: { senderForResponse: true }, type: 'shortcode', label: 'short number' };
		}
		if (choice.kind === 'virtualNumber') return await this.checkVirtualNumber(serviceName, virtualNumberKey(choice.number));

		const sender: OvhSender | undefined = await new SmsApi(this.client, serviceName).findSender(choice.name);
		if (!sender) {
			// The SMS standard caps an alphanumeric sender at 11 characters: say so, or the user looks for a typo.
			const tooLong =
				/\p{L}/u.test(choice.name) && [...choice.name].length > MAX_ALPHANUMERIC_SENDER_LENGTH
					? ` A sender name has at most ${MAX_ALPHANUMERIC_SENDER_LENGTH} characters; "${choice.name}" has ${[...choice.name].length}.`
					: '';
			throw new SenderRefusedError(
				`The sender "${choice.name}" does not exist on ${serviceName}.${tooLong} ${await this.enabledSendersSentence(serviceName)}`,
			);
		}
		const status = describeSenderStatus(sender);
		if (!status.canSend) {
			throw new SenderRefusedError(
				`The sender "${sender.sender}" cannot send: ${status.statusMessage}. ${await this.enabledSendersSentence(serviceName)}`,
			);
		}
		if (sender.type === 'virtual') return await this.checkVirtualNumber(serviceName, virtualNumberKey(sender.sender));
		const type = sender.type === 'numeric' || sender.type === 'shortcode' ? sender.type : 'alpha';
		return { target: { serviceName }, fields: { sender: sender.sender }, type, label: sender.sender };
	}

	private async checkVirtualNumber(serviceName: string, number: string): Promise<ResolvedSender> {
		const api = new SmsApi(this.client, serviceName);
		const found = await api.findVirtualNumber(number);
		if (!found) {
			const numbers = await api.listVirtualNumbers();
			throw new SenderRefusedError(
				`The virtual number ${number} does not belong to ${serviceName}. ${
					numbers.length ? `Its virtual numbers: ${numbers.join(', ')}` : 'The account has no virtual number.'
				}`,
			);
		}
		return { target: { serviceName, virtualNumber: number }, fields: {}, type: 'virtual', label: number };
	}

	private async enabledSendersSentence(serviceName: string): Promise<string> {
		let names = this.enabled.get(serviceName);
		if (!names) {
			const api = new SmsApi(this.client, serviceName);
			names = api
				.listSenders()
				.then((all) => api.readSenders(all))
				.then((read) => read.flatMap(({ value }) => (isOfferedAsSender(value) ? [value.sender] : [])));
			this.enabled.set(serviceName, names);
		}
		const list = await names;
		return list.length
			? `Enabled senders: ${list.join(', ')}.`
			: 'The account has no enabled sender: request one with the OVHcloud SMS Sender node, or send from the short number.';
	}
}
