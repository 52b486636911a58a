/**
 * The CSV files OVHcloud reads (recipient lists, address book imports): UTF-8, a header line,
 * `;` between columns (a file whose header has no `;` but has `,` is read with `,`).
 */
import { parse } from 'csv-parse/sync';
import { badRequest } from './http';

export interface DelimitedFile {
	header: string[];
	/** Data rows with the 1-based line each starts on. */
	rows: Array<{ line: number; values: string[] }>;
}

export function readDelimited(text: string): DelimitedFile {
	const body = text.replace(/^\uFEFF/, '');
	const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = !firstLine.includes(';') && firstLine.includes(',') ? ',' : ';';
	let records: Array<{ record: string[]; info: { lines: number } }>;
	try {
		records = parse(body, {
			delimiter,
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true,
		}) as unknown as typeof records;
	} catch (error) {
		throw badRequest(`The file could not be read as CSV: ${error instanceof Error ? error.message : String(error)}`);
	}
	const rows = records
		.map(({ record, info }) => ({
			line: info.lines - record.reduce((n, value) => n + (value.match(/\n/g)?.length ?? 0), 0),
			values: record,
		}))
		.filter((row) => row.values.some((value) => value !== ''));
	if (rows.length === 0) throw badRequest('The file is empty');
	const [header, ...data] = rows;
	return { header: header.values.map((name) => name.trim()), rows: data };
}

/** Index of a column by its name, whatever its case. */
export function columnIndex(header: string[], name: string): number {
	return header.findIndex((column) => column.toLowerCase() === name.toLowerCase());
}
