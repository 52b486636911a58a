import type { RunMemo } from '../memo';
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

type ChoiceOf<K extends SenderChoice['kind']> = Extract<SenderChoice, { kind: K }>;

/**
 * Checks each sender once per run (the run's memo): it must exist and be enabled. A sender of
 * type `virtual` sends through its number's own jobs endpoint, as the control panel does.
 */
export class SenderResolver {
	private readonly checks: { [K in SenderChoice['kind']]: (serviceName: string, choice: ChoiceOf<K>) => Promise<ResolvedSender> } = {
		shortNumber: async (serviceName) => ({
			target: { serviceName },
			fields: { senderForResponse: true },
			type: 'shortcode',
			label: 'short number',
		}),
		virtualNumber: async (serviceName, choice) => await this.checkVirtualNumber(serviceName, virtualNumberKey(choice.number)),
		sender: async (serviceName, choice) => await this.checkSender(serviceName, choice.name),
	};

	constructor(
		private readonly client: OvhClient,
		private readonly memo: RunMemo,
	) {}

	resolve(serviceName: string, choice: SenderChoice): Promise<ResolvedSender> {
		const check = this.checks[choice.kind] as (serviceName: string, choice: SenderChoice) => Promise<ResolvedSender>;
		return this.memo.once(`sender:${JSON.stringify([serviceName, choice])}`, async () => await check(serviceName, choice));
	}

	private async checkSender(serviceName: string, name: string): Promise<ResolvedSender> {
		const sender: OvhSender | undefined = await new SmsApi(this.client, serviceName).findSender(name);
		if (!sender) {
			// The SMS standard caps an alphanumeric sender at 11 characters: say so, or the user looks for a typo.
			const tooLong =
				/\p{L}/u.test(name) && [...name].length > MAX_ALPHANUMERIC_SENDER_LENGTH
					? ` A sender name has at most ${MAX_ALPHANUMERIC_SENDER_LENGTH} characters; "${name}" has ${[...name].length}.`
					: '';
			throw new SenderRefusedError(
				`The sender "${name}" does not exist on ${serviceName}.${tooLong} ${await this.enabledSendersSentence(serviceName)}`,
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
		const list = await this.memo.once(`enabledSenders:${serviceName}`, async () => {
			const api = new SmsApi(this.client, serviceName);
			const read = await api.readSenders(await api.listSenders());
			return read.flatMap(({ value }) => (isOfferedAsSender(value) ? [value.sender] : []));
		});
		return list.length
			? `Enabled senders: ${list.join(', ')}.`
			: 'The account has no enabled sender: request one with the OVHcloud SMS Sender node, or send from the short number.';
	}
}
