import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { buildPath, type OvhClient } from '../../../lib/ovh';
import { describeSenderStatus, waitForSenderDecision, type OvhSender } from '../../../lib/senders';

export function senderPath(serviceName: string, sender?: string, ...rest: string[]): string {
	return buildPath(['sms', serviceName, 'senders', ...(sender === undefined ? [] : [sender]), ...rest]);
}

export async function readSender(client: OvhClient, serviceName: string, sender: string): Promise<OvhSender> {
	return await client.get<OvhSender>(senderPath(serviceName, sender));
}

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
	client: OvhClient,
	serviceName: string,
	sender: string,
	settings: WaitSettings,
): Promise<IDataObject> {
	if (!settings.waitForValidation) return senderJson(await readSender(client, serviceName, sender));
	const outcome = await waitForSenderDecision({
		readSender: async () => await readSender(client, serviceName, sender),
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
