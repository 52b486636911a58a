/**
 * The send core without n8n: checking senders, the credits a run needs, the identity that tells
 * a Retry of the same send from a new one, merging items into jobs, sending them safely and
 * attributing every SMS back to its item. Leaves out HTTP (lib/ovh), the safe-send mechanics
 * (lib/batching), reading n8n parameters and shaping the output (nodes/).
 */
export { jobTag, sendIdentityOf } from './sendIdentity';
export type { JobContent, RunFacts, SendIdentity } from './sendIdentity';
export { checkCredits } from './creditCheck';
export type { CreditNeed } from './creditCheck';
export { DEFAULT_LIST_RECEIVERS_UP_TO, dispatchSends, SUMMARY_ROWS_SHOWN } from './dispatch';
export type { DispatchSettings, ItemDelivery } from './dispatch';
export { SenderRefusedError, SenderResolver } from './senderResolver';
export type { PreparedSend, RecipientSource, ResolvedSender, SendItem, SendOptions, SenderChoice } from './types';
