// The send's types live with the send core (lib/sending); the parameters and output here use them.
export type { PreparedSend, RecipientSource, ResolvedSender, SendItem, SendOptions, SenderChoice } from '../../../../../lib/sending';
