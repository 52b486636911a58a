/** `sms.SenderStatusEnum`: only `enable` senders can send. */
export type SenderStatus = 'enable' | 'disable' | 'refused' | 'waitingValidation';

/** `sms.SenderTypeEnum`. */
export type SenderType = 'alpha' | 'numeric' | 'shortcode' | 'virtual';

/** The `sms.Sender` object of `GET /sms/{serviceName}/senders/{sender}`. */
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
