/**
 * The send core without n8n: the identity that tells a Retry or a re-run of the same send from
 * a new one, and the tags derived from it. Leaves out HTTP (lib/ovh), job merging and safe
 * sends (lib/batching) and everything about n8n parameters and output (nodes/).
 */
export { jobTag, sendIdentityOf } from './sendIdentity';
export type { JobContent, RunFacts, SendIdentity } from './sendIdentity';
