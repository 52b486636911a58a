/**
 * State objects as the API shows them: OVHcloud's fields only, internal ones left out, each
 * typed with OVHcloud's published model (lib/ovh/models.ts) so the compiler refuses an answer
 * the model does not allow (test/integration/sandbox/publishedModels.test.ts checks the JSON at run time).
 */
import { createHash } from 'node:crypto';
import type { SmsAccount, SmsBlacklist, SmsJob, SmsOutgoing, SmsSender, SmsVirtualNumberJob, Wire } from '../lib/ovh/models';
import type { AccountState, BlacklistState, Incoming, IncomingState, OutgoingState, PendingJobState, SenderState } from './types';

/** A stable UUID (version-4 layout) for the account's IAM id, as the real API gives one. */
function iamId(name: string): string {
	const hex = createHash('sha1').update(`sandbox-iam:${name}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A stable positive long for an account (the model's `sms.Batch.accountID`), from its name. */
export function accountNumber(name: string): number {
	return createHash('sha1').update(`sandbox-account:${name}`).digest().readUInt32BE(0) & 0x7fffffff;
}

export function accountView(account: AccountState): Wire<SmsAccount> {
	return {
		name: account.name,
		description: account.description,
		status: account.status,
		creditsLeft: account.creditsLeft,
		creditsHoldByQuota: account.creditsHoldByQuota,
		userQuantityWithQuota: account.userQuantityWithQuota,
		callBack: account.callBack,
		stopCallBack: account.stopCallBack,
		smsResponse: account.smsResponse,
		automaticRecreditAmount: account.automaticRecreditAmount as SmsAccount['automaticRecreditAmount'] | null,
		creditThresholdForAutomaticRecredit: account.creditThresholdForAutomaticRecredit,
		templates: account.templates,
		channel: account.channel,
		smpp: account.smpp,
		iam: {
			id: iamId(account.name),
			urn: `urn:v1:eu:resource:sms:${account.name}`,
			displayName: account.description,
			tags: {},
		},
	};
}

export function jobView(job: PendingJobState): Wire<SmsJob> {
	return {
		id: job.id,
		creationDatetime: job.creationDatetime,
		credits: job.credits,
		message: job.message,
		messageLength: job.messageLength,
		numberOfSms: job.numberOfSms,
		ptt: job.ptt,
		deliveryReceipt: job.deliveryReceipt,
		differedDelivery: job.differedDelivery,
		receiver: job.receiver,
		sender: job.sender,
		sentAt: null,
		deliveredAt: null,
	};
}

/** `sms.VirtualNumberJob`: a job sent by a virtual number (no sender, no dates). */
export function virtualNumberJobView(job: PendingJobState): Wire<SmsVirtualNumberJob> {
	return {
		id: job.id,
		creationDatetime: job.creationDatetime,
		credits: job.credits,
		message: job.message,
		messageLength: job.messageLength,
		numberOfSms: job.numberOfSms,
		ptt: job.ptt,
		deliveryReceipt: job.deliveryReceipt,
		differedDelivery: job.differedDelivery,
		receiver: job.receiver,
	};
}

export function outgoingView(sms: OutgoingState): Wire<SmsOutgoing> {
	return {
		id: sms.id,
		batchID: sms.batchID,
		messageID: sms.messageID,
		creationDatetime: sms.creationDatetime,
		sentAt: sms.sentAt,
		deliveredAt: sms.deliveredAt,
		credits: sms.credits,
		deliveryReceipt: sms.deliveryReceipt,
		differedDelivery: sms.differedDelivery,
		message: sms.message,
		messageLength: sms.messageLength,
		numberOfSms: sms.numberOfSms,
		ptt: sms.ptt,
		receiver: sms.receiver,
		sender: sms.sender,
		// The model says neither can be null: no tag reads as "" (assumed, see docs/sandbox.md).
		tag: sms.tag ?? '',
		tariffCode: sms.tariffCode ?? '',
	};
}

export function incomingView(sms: IncomingState): Incoming {
	return {
		id: sms.id,
		creationDatetime: sms.creationDatetime,
		credits: sms.credits,
		message: sms.message,
		sender: sms.sender,
		tag: sms.tag ?? '',
	};
}

export function senderView(sender: SenderState): Wire<SmsSender> {
	return {
		sender: sender.sender,
		description: sender.description,
		status: sender.status,
		type: sender.type,
		referer: sender.referer,
		comment: sender.comment,
		validationMedia: sender.validationMedia,
	};
}

export function blacklistView(entry: BlacklistState): Wire<SmsBlacklist> {
	return {
		number: entry.number,
		dateCreation: entry.dateCreation,
		batchID: entry.batchID,
		smsOutgoingID: entry.smsOutgoingID,
	};
}
