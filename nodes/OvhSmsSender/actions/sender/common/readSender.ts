/** A sender as the Sender node outputs it: OVHcloud's object with its status in plain words, read once or until moderation is over. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import type { SmsApi } from '../../../../../lib/ovh';
import { describeSenderStatus, waitForSenderDecision, type OvhSender } from '../../../../../lib/senders';

/** The sender as OVHcloud returns it, plus its status in plain words. */
export function senderJson(sender: OvhSender, extra: IDataObject = {}): IDataObject {
	return { ...(sender as unknown as IDataObject), ...(describeSenderStatus(sender) as unknown as IDataObject), ...extra };
}

export interface WaitSettings {
	waitForValidation?: boolean;
	timeLimitSeconds?: number;
	pollIntervalSeconds?: number;
}

/** Reads the sender, and with "Wait for Validation" keeps reading it until moderation is over. */
export async function readSenderMaybeWaiting(
	this: IExecuteFunctions,
	api: SmsApi,
	sender: string,
	settings: WaitSettings,
): Promise<IDataObject> {
	if (!settings.waitForValidation) return senderJson(await api.getSender(sender));
	const outcome = await waitForSenderDecision({
		readSender: async () => await api.getSender(sender),
		sleep,
		nowMs: () => Date.now(),
		timeLimitMs: (settings.timeLimitSeconds ?? 300) * 1000,
		pollIntervalMs: (settings.pollIntervalSeconds ?? 30) * 1000,
	});
	return senderJson(outcome.sender, {
		waitTimedOut: outcome.timedOut,
		waitedSeconds: Math.round(outcome.waitedMs / 100) / 10,
	});
}
