/** Back-off polling until many things are final, within a time limit. No n8n import. */
export { pollUntilFinal } from './pollUntilFinal';
export type { FinalStatePoll, FinalStatePollOutcome } from './pollUntilFinal';
