/**
 * What a message becomes before OVHcloud bills it, decided once for Send, Estimate and
 * Campaign › Create: the text after the chosen transliteration, whether OVHcloud appends its
 * STOP mention, and the resulting analysis. Leaves out where the sender's type comes from
 * (the API for Send, the sender's name where the API is not asked) and the sandbox's own
 * copy of the STOP rule, which must not share this understanding. No n8n import.
 */
export { prepareMessage, prepareText, senderTypeOfName, stopMentionAdded } from './prepareMessage';
export type { MessageSenderType, PreparedMessage, Transliteration } from './prepareMessage';
