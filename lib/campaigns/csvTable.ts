/**
 * A CSV file as a table, every column kept: placeholders need the other columns, which the
 * recipients reader (numbers only) leaves out. Decoding and delimiter detection are the
 * recipients library's, so both read a file the same way.
 */
import { parse } from 'csv-parse/sync';
import { decodeText, detectDelimiter, whyNotText } from '../recipients';
import { CampaignInputError } from './errors';
import type { TableInput } from './recipientTable';

interface ParsedRecord {
	record: string[];
	info: { lines: number };
}

export function readCsvTable(input: string | Uint8Array): TableInput & { header: string[] } {
	const text = typeof input === 'string' ? input : decodeText(input);
	const binary = whyNotText(text);
	if (binary) throw new CampaignInputError(`The CSV file is not a text file (${binary}): is it really a CSV file?`);
	let records: ParsedRecord[];
	try {
		records = parse(text, {
			bom: true,
			delimiter: detectDelimiter(text),
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true,
		}) as unknown as ParsedRecord[];
	} catch (error) {
		return unreadable(error);
	}
	const rows = records
		.filter(({ record }) => record.some((value) => value !== ''))
		.map(({ record, info }) => {
			let newlines = 0;
			for (const value of record) newlines += value.split('\n').length - 1;
			// csv-parse gives the line a record ends on; a quoted value may span lines.
			return { line: info.lines - newlines, values: record };
		});
	if (rows.length === 0) throw new CampaignInputError('The CSV file is empty');
	const [header, ...data] = rows;
	return { header: header.values, rows: data };
}

function unreadable(error: unknown): never {
	const reason = error instanceof Error ? error.message : String(error);
	throw new CampaignInputError(`The CSV file could not be read: ${reason}`);
}
