import { randomBytes } from 'node:crypto';

/** The longest tag OVHcloud documents (http2sms: "Invalid tag: is too long" above 20). */
export const MAX_TAG_LENGTH = 20;

/** Prefix of the tags the node sets itself, so they can be told from a user's own. */
export const BATCH_TAG_PREFIX = 'n8n-';

/**
 * A tag unique to one job (MAX_TAG_LENGTH characters), so that the
 * SMS of a job whose answer was lost can be found in the history without ambiguity.
 */
export function createBatchTag(): string {
	return BATCH_TAG_PREFIX + randomBytes(8).toString('hex');
}
