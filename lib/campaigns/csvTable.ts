/**
 * A CSV file as a table, every column kept: placeholders need the other columns, which the
 * recipients reader (numbers only) leaves out. Decoding and delimiter detection are the
 * recipients library's, so both read a file the same way.
 */
import { decodeText, detectDelimiter, readCsvRows, whyNotText, type CsvRow } from '../recipients';
import { CampaignInputError } from './errors';
import type { TableInput } from './recipientTable';

export function readCsvTable(input: string | Uint8Array): TableInput & { header: string[] } {
	const text = typeof input === 'string' ? input : decodeText(input);
	const binary = whyNotText(text);
	if (binary) throw new CampaignInputError(`The CSV file is not a text file (${binary}): is it really a CSV file?`);
	let rows: CsvRow[];
	try {
		rows = readCsvRows(text, detectDelimiter(text));
	} catch (error) {
		return unreadable(error);
	}
	if (rows.length === 0) throw new CampaignInputError('The CSV file is empty');
	const [header, ...data] = rows;
	return { header: header.values, rows: data };
}

function unreadable(error: unknown): never {
	const reason = error instanceof Error ? error.message : String(error);
	throw new CampaignInputError(`The CSV file could not be read: ${reason}`);
}
