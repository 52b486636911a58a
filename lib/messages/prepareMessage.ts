import { analyzeMessage, toGsm, type GsmChange, type MessageAnalysis } from '../encoding';

/** OVHcloud's sender types (`type` of /sms/{serviceName}/senders/{sender}). */
export type MessageSenderType = 'alpha' | 'numeric' | 'shortcode' | 'virtual';

/** The node parameter "Transliteration": none, or one of lib/encoding's levels. */
export type Transliteration = 'none' | 'safe' | 'lossy';

// A phone number (7 to 15 digits, E.164) can be answered directly: OVHcloud adds no STOP mention.
const PHONE_NUMBER = /^(\+|00)?\d{7,15}$/;

/**
 * OVHcloud appends its STOP opt-out mention to messages sent from a sender name or the short
 * number, unless the message is certified non-commercial; a phone number sender (numeric or
 * virtual) can be answered, so it gets none.
 */
export function stopMentionAdded(senderType: MessageSenderType, nonCommercial: boolean): boolean {
	return !nonCommercial && (senderType === 'alpha' || senderType === 'shortcode');
}

/** The sender type a name implies when the API is not asked: a phone number, or a sender name. */
export function senderTypeOfName(name: string): 'alpha' | 'numeric' {
	return PHONE_NUMBER.test(name.replace(/[\s.-]/g, '')) ? 'numeric' : 'alpha';
}

/** The text as it will be sent: unchanged, or transliterated to GSM-7 with every change listed. */
export function prepareText(text: string, transliteration: Transliteration | undefined): { text: string; changes: GsmChange[] } {
	if (transliteration === 'safe' || transliteration === 'lossy') return toGsm(text, transliteration);
	return { text, changes: [] };
}

export interface PreparedMessage {
	text: string;
	changes: GsmChange[];
	stopClause: boolean;
	analysis: MessageAnalysis;
}

/** The text prepared, the STOP rule applied, and what it costs. */
export function prepareMessage(
	text: string,
	options: { transliteration?: Transliteration; senderType: MessageSenderType; nonCommercial?: boolean },
): PreparedMessage {
	const prepared = prepareText(text, options.transliteration);
	const stopClause = stopMentionAdded(options.senderType, options.nonCommercial ?? false);
	return { ...prepared, stopClause, analysis: analyzeMessage(prepared.text, { stopClause }) };
}
