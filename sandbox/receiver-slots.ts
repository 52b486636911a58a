/**
 * Recipient lists ("receivers slots" 1 to 9): a CSV with a `number` column, read once when the
 * slot is created (or before each send with `autoUpdate` and a `csvUrl`), whose other columns
 * are the `#column#` placeholders of a message.
 */
import { columnIndex, readDelimited } from './delimited';
import { badRequest } from './http';
import { normaliseReceiver } from './phone';
import type { AccountState, ReceiverSlotState } from './types';

export const SLOT_IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export interface SlotRow {
	line: number;
	/** As written in the file (sending normalises it). */
	number: string;
	/** Every column by its header name, `number` included. */
	columns: Record<string, string>;
}

/** Reads a recipient list the way OVHcloud checks it: the first bad number refuses the whole file. */
export function parseSlotCsv(text: string): SlotRow[] {
	const { header, rows } = readDelimited(text);
	const numberColumn = columnIndex(header, 'number');
	if (numberColumn < 0) throw badRequest('The file must have a header line with a "number" column on line 1');
	const out: SlotRow[] = [];
	for (const row of rows) {
		const number = row.values[numberColumn] ?? '';
		if (!normaliseReceiver(number)) throw badRequest(`Invalid number "${number}" on line ${row.line}`);
		out.push({ line: row.line, number, columns: Object.fromEntries(header.map((name, i) => [name, row.values[i] ?? ''])) });
	}
	if (out.length === 0) throw badRequest('The file contains no receiver on line 2');
	return out;
}

/** Slots of a state file written before slots existed are simply none. */
export function slotsOf(account: AccountState): Record<string, ReceiverSlotState> {
	return (account.receivers ??= {});
}

export function findSlot(account: AccountState, slotId: string | number): ReceiverSlotState | undefined {
	return slotsOf(account)[String(slotId)];
}

/**
 * The rows of a slot, for a send (`receiversSlotId`) or a campaign (`slotID`): the jobs and
 * batches routes call this. Throws OVHcloud's 400 when the slot does not exist.
 */
export function readSlotRows(account: AccountState, slotId: string | number, field = 'receiversSlotId'): SlotRow[] {
	const slot = findSlot(account, slotId);
	if (!slot) throw badRequest(`[${field}] The receivers slot ${slotId} does not exist`);
	return parseSlotCsv(slot.csv);
}

/** Fetches a CSV at a URL for a slot; the sandbox only reaches loopback unless told otherwise. */
export async function fetchCsvUrl(url: string, allowNonLoopback: boolean): Promise<string> {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw badRequest(`[csvUrl] Invalid URL: ${url}`);
	}
	if (!/^https?:$/.test(parsed.protocol)) throw badRequest('[csvUrl] The URL must start with http:// or https://');
	const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname) || parsed.hostname.startsWith('127.');
	if (!loopback && !allowNonLoopback) {
		throw badRequest(`[csvUrl] The sandbox only downloads from loopback addresses (got ${parsed.hostname})`);
	}
	let response: Response;
	try {
		response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
	} catch (error) {
		throw badRequest(`[csvUrl] The file could not be downloaded: ${error instanceof Error ? error.message : String(error)}`);
	}
	if (!response.ok) throw badRequest(`[csvUrl] The file could not be downloaded: HTTP ${response.status}`);
	return await response.text();
}
