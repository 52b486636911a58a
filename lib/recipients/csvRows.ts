import { parse } from 'csv-parse/sync';
import type { CsvDelimiter } from './csvRecipients';

/**
 * The longest record read, in characters. A row of receivers or contacts is a few hundred
 * characters; a file without line breaks (a 50 MB export joined into one line) would
 * otherwise hold the parser for tens of seconds before any error.
 */
export const MAX_RECORD_SIZE = 65_536;

export interface CsvRow {
	/** 1-based line of the file where the record starts (a quoted value may span lines). */
	line: number;
	values: string[];
}

/**
 * Every record of a delimited text that is not blank, every column kept, with the line it
 * starts on: what an address-book import or a personalised campaign reads, where a user is
 * told "line 12". BOM, quotes, stray quotes and ragged rows are accepted; a file the parser
 * cannot read at all throws its error.
 */
export function readCsvRows(text: string, delimiter: CsvDelimiter): CsvRow[] {
	// A record over MAX_RECORD_SIZE stops the parse at once with csv-parse's error, which names its line.
	const parsed = parse(text, {
		max_record_size: MAX_RECORD_SIZE,
		bom: true,
		delimiter,
		info: true,
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: true,
		trim: true,
	}) as unknown as Array<{ record: string[]; info: { lines: number } }>;
	const rows: CsvRow[] = [];
	for (const { record, info } of parsed) {
		if (record.every((value) => value === '')) continue;
		// csv-parse gives the line a record ends on, and counts a CR LF inside quotes as two.
		rows.push({ line: info.lines - lineBreaks(record), values: record });
	}
	return rows;
}

/** Lines a record spans beyond its first (csv-parse counts a CR LF inside quotes as two). */
export function lineBreaks(record: string[]): number {
	let breaks = 0;
	for (const value of record) {
		for (let i = 0; i < value.length; i++) {
			const code = value.charCodeAt(i);
			if (code === 10 || code === 13) breaks++;
		}
	}
	return breaks;
}
