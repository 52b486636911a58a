/**
 * Senders: the name rules OVHcloud applies, the status in plain words, and waiting for the
 * moderator's decision. No n8n import.
 */
export { checkSenderName, MAX_ALPHANUMERIC_SENDER_LENGTH } from './senderName';
export type { SenderNameCheck } from './senderName';
export { describeSenderStatus, isOfferedAsSender } from './senderStatus';
export type { SenderStatusInWords, SenderStatusText } from './senderStatus';
export { waitForSenderDecision } from './waitForDecision';
export type { SenderDecisionOutcome, SenderDecisionWait } from './waitForDecision';
export type { OvhSender, SenderStatus, SenderType } from './types';
export { virtualNumberKey } from './virtualNumber';
