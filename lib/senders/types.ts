import type { ModelFields, SmsSender, SmsSenderStatus, SmsSenderType } from '../ovh/models';

/** `sms.StatusSenderEnum`: only `enable` senders can send. */
export type SenderStatus = SmsSenderStatus;

/** `sms.TypeSenderEnum`. */
export type SenderType = SmsSenderType;

/**
 * The `sms.Sender` object of `GET /sms/{serviceName}/senders/{sender}`, read leniently: a value
 * the model does not list yet reads as "not usable" rather than breaking the node. The
 * compiler checks it stays a loosening of the model (below).
 */
export interface OvhSender {
	sender: string;
	description?: string | null;
	status: SenderStatus | string;
	type?: SenderType | string | null;
	referer?: string | null;
	/** The moderator's words, set when a request was refused. */
	comment?: string | null;
	validationMedia?: string | null;
}

/** Fails to compile if a field read here is not in OVHcloud's model. */
export type OvhSenderFieldsAreModelFields = ModelFields<keyof OvhSender extends keyof SmsSender ? true : false>;
