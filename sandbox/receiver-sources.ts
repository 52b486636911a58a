/**
 * Where a job's receivers come from: an explicit list, a receivers slot, or a CSV at a URL.
 * Slots are read from the account's recipient lists; documents at a URL are not emulated yet.
 */
import { badRequest } from './http';
import { readSlotRows } from './receiver-slots';
import type { SandboxRuntime } from './runtime';
import type { AccountState } from './types';

export interface ReceiverSource {
	receivers?: string[];
	receiversSlotId?: string;
	receiversDocumentUrl?: string;
}

export function resolveReceivers(_runtime: SandboxRuntime, account: AccountState, source: ReceiverSource): string[] {
	const given = (['receivers', 'receiversSlotId', 'receiversDocumentUrl'] as const).filter((field) => source[field] !== undefined);
	if (given.length === 0 || (given.length === 1 && source.receivers?.length === 0)) {
		throw badRequest('[receivers] One of receivers, receiversSlotId or receiversDocumentUrl is mandatory');
	}
	if (given.length > 1) throw badRequest(`Give only one of receivers, receiversSlotId, receiversDocumentUrl (got ${given.join(', ')})`);
	if (source.receiversSlotId !== undefined) {
		return readSlotRows(account, source.receiversSlotId).map((row) => row.number);
	}
	if (source.receiversDocumentUrl !== undefined) {
		throw badRequest('[receiversDocumentUrl] The document could not be read: no receivers document is available in the sandbox');
	}
	return source.receivers!;
}
