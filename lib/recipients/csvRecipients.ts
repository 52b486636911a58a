import { parse } from 'csv-parse/sync';
import { normalizePhoneNumber, type PhoneNumberOptions } from './phoneNumber';
import { RecipientList } from './recipientList';

export type CsvDelimiter = ';' | ',' | '\t';

export interface RecipientCsvOptions extends PhoneNumberOptions {
	/** The column holding the numbers: its header name, or its 1-based position. Empty: found automatically. */
	column?: string;
	/** Whether the first row names the columns. `auto` decides from its content. */
	header?: 'auto' | 'yes' | 'no';
}

export interface RecipientCsv {
	recipients: RecipientList;
	delimiter: CsvDelimiter;
	hasHeader: boolean;
	/** 0-based index of the column read, and its header name when there is one. */
	column: { index: number; name?: string };
	/** Data rows read (the header excluded). */
	rows: number;
}

/** A file that cannot be used at all, as opposed to a bad row (which is reported and skipped). */
export class RecipientFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RecipientFileError';
	}
}

/** Header names that say "the phone number is here", compared without case, accents or punctuation. */
const NUMBER_COLUMN_NAMES = [
	'number',
	'phone',
	'phonenumber',
	'mobile',
	'mobilephone',
	'mobilenumber',
	'cell',
	'cellphone',
	'telephone',
	'tel',
	'numero',
	'numerodetelephone',
	'portable',
	'gsm',
	'msisdn',
	'receiver',
	'recipient',
	'to',
	'homemobile',
	'workmobile',
];

const foldName = (name: string) =>
	name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');

/**
 * Text of a file as spreadsheets save it: UTF-8 (with or without BOM), UTF-16 with a BOM
 * (Excel's "Unicode text"), or Windows-1252 (Excel's "CSV" on a French Windows).
 */
export function decodeText(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

/** The separator of the first line that has one: `;` (OVHcloud, French spreadsheets), `,` or tab. */
export function detectDelimiter(text: string): CsvDelimiter {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/, 20);
	for (const line of lines) {
		const outsideQuotes = line.replace(/"[^"]*"/g, '');
		const counts = ([';', ',', '\t'] as const).map((d) => ({ d, n: outsideQuotes.split(d).length - 1 }));
		counts.sort((a, b) => b.n - a.n);
		if (counts[0].n > 0) return counts[0].d;
	}
	return ',';
}

/**
 * Why a decoded file is binary data rather than text (an image, a spreadsheet in .xlsx, a
 * zip), or undefined: NUL or other control characters that no CSV holds, in its first 64 KB.
 */
export function whyNotText(text: string): string | undefined {
	const sample = text.slice(0, 65_536);
	let controls = 0;
	let firstAt = -1;
	for (let i = 0; i < sample.length; i++) {
		const code = sample.charCodeAt(i);
		if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) {
			controls++;
			if (firstAt === -1) firstAt = i;
		}
	}
	// A stray control character in a hand-made file is a bad row; many of them are not text.
	if (controls === 0 || (controls < 8 && controls * 1000 < sample.length)) return undefined;
	return `${controls} control characters in its first ${sample.length.toLocaleString('en-US')} characters, the first at position ${firstAt + 1}`;
}

interface ParsedRecord {
	record: string[];
	info: { lines: number };
}

/**
 * The longest record read, in characters. A row of receivers is a few hundred characters; a
 * file without line breaks (a 50 MB export joined into one line) would otherwise hold the
 * parser for tens of seconds before any error.
 */
export const MAX_RECORD_SIZE = 65_536;

/** The error for a record over MAX_RECORD_SIZE, at the line csv-parse reports. */
export function recordTooLong(line: number | undefined): RecipientFileError {
	return new RecipientFileError(
		`Line ${line ?? '?'} is longer than ${MAX_RECORD_SIZE.toLocaleString('en-US')} characters: is this really a CSV file of receivers? Nothing was read from it`,
	);
}

const PARSE_OPTIONS = {
	bom: true,
	max_record_size: MAX_RECORD_SIZE,
	relax_column_count: true,
	relax_quotes: true,
	skip_empty_lines: true,
	skip_records_with_error: true,
	trim: true,
} as const;

/**
 * Records without their line numbers: csv-parse is two to three times slower and uses three
 * times the memory when it reports them, and a file of good rows never needs them.
 */
function readRecords(text: string, delimiter: CsvDelimiter, unreadable: Array<{ line: number; reason: string }>): string[][] {
	let unclosedQuote = false;
	const parsed = parse(text, {
		...PARSE_OPTIONS,
		delimiter,
		on_skip: (error: { code?: string; message?: string; lines?: number } | undefined) => {
			if (error?.code === 'CSV_MAX_RECORD_SIZE') throw recordTooLong(error.lines);
			if (error?.code === 'CSV_QUOTE_NOT_CLOSED') unclosedQuote = true;
			else unreadable.push({ line: error?.lines ?? 0, reason: readableCsvError(error?.message) });
			return undefined;
		},
	}) as unknown as string[][];
	const records = parsed.some(isBlank) ? parsed.filter((record) => !isBlank(record)) : parsed;
	if (unclosedQuote) {
		// The parser only knows where the file ended; the broken row starts after the last good one.
		const lines = recordLines(text, delimiter);
		unreadable.push({
			line: (lines.length > 0 ? lines[lines.length - 1].end : 0) + 1,
			reason: 'a quote opened on this row is never closed: the rest of the file could not be read',
		});
	}
	return records;
}

const NO_VALUES: string[] = [];

const isBlank = (record: string[]) => record.every((value) => value === '');

/** Where each record starts and ends, from a second parse that reports lines (only for files with bad rows). */
function recordLines(text: string, delimiter: CsvDelimiter): Array<{ start: number; end: number }> {
	const parsed = parse(text, { ...PARSE_OPTIONS, delimiter, info: true }) as unknown as ParsedRecord[];
	const lines: Array<{ start: number; end: number }> = [];
	for (const { record, info } of parsed) {
		if (isBlank(record)) continue;
		// csv-parse gives the line a record ends on; a quoted value may span lines, and it
		// counts a CR LF inside quotes as two.
		let breaks = 0;
		for (const value of record) {
			for (let i = 0; i < value.length; i++) {
				const code = value.charCodeAt(i);
				if (code === 10 || code === 13) breaks++;
			}
		}
		lines.push({ start: info.lines - breaks, end: info.lines });
	}
	return lines;
}

function readableCsvError(message: string | undefined): string {
	if (!message) return 'unreadable row';
	return `unreadable row (${message.replace(/ at line \d+.*$/, '')})`;
}

const LIST_SEPARATOR = /[,;/|\n]/;

/**
 * Why a row holds more than one number, or undefined: a list in the number cell ("+336…,
 * +336…"), or numbers in cells no header names (a line split by the delimiter into more
 * values than the header has, or any other cell of a file without a header). Such a row is
 * reported, not sent: whether each number, the first or none was meant is the user's call,
 * and a credit spent on a wrong guess cannot be recalled.
 */
function severalNumbers(record: string[], column: number, namedColumns: number, options: PhoneNumberOptions): string | undefined {
	const value = record[column];
	const inCell = LIST_SEPARATOR.test(value) ? value.split(/[,;/|\n]+/).filter((part) => normalizePhoneNumber(part, options).valid).length : 0;
	let unnamed = 0;
	for (let index = Math.max(namedColumns, 0); index < record.length; index++) {
		if (index !== column && record[index] !== '' && normalizePhoneNumber(record[index], options).valid) unnamed++;
	}
	const cellCount = inCell > 1 ? inCell : 1;
	if (cellCount + unnamed < 2) return undefined;
	const where = unnamed
		? ` (${unnamed} of them ${namedColumns ? `beyond the header's ${namedColumns} column${namedColumns === 1 ? '' : 's'}` : 'in other columns'})`
		: '';
	return `holds ${cellCount + unnamed} phone numbers${where}: put one number per row; none of them was sent`;
}

function looksLikeHeader(values: string[], options: PhoneNumberOptions): boolean {
	if (values.some((value) => normalizePhoneNumber(value, options).valid)) return false;
	return values.some((value) => /\p{L}/u.test(value));
}

function chooseColumn(
	header: string[] | undefined,
	firstRow: string[] | undefined,
	column: string,
	options: PhoneNumberOptions,
): { index: number; name?: string } {
	if (column && /^\d+$/.test(column)) {
		const index = Number(column) - 1;
		if (index < 0) throw new RecipientFileError(`Column position "${column}" must be 1 or more`);
		return { index, name: header?.[index] };
	}
	if (header) {
		const folded = header.map(foldName);
		if (column) {
			const index = folded.indexOf(foldName(column));
			if (index === -1) {
				throw new RecipientFileError(`No column named "${column}" in the file; its columns are: ${header.join(', ')}`);
			}
			return { index, name: header[index] };
		}
		for (const name of NUMBER_COLUMN_NAMES) {
			const index = folded.indexOf(name);
			if (index !== -1) return { index, name: header[index] };
		}
		if (header.length === 1) return { index: 0, name: header[0] };
	}
	const index = firstRow?.findIndex((value) => normalizePhoneNumber(value, options).valid) ?? -1;
	if (index !== -1) return { index, name: header?.[index] };
	if (!header || header.length <= 1) return { index: 0, name: header?.[0] };
	throw new RecipientFileError(
		`Could not tell which column holds the phone numbers: set the number column to one of: ${header.join(', ')}`,
	);
}

/**
 * Receivers from a CSV file: `;`, `,` or tab detected, BOM and quotes handled, header row
 * optional, numbers read from one column and normalised. Rows that cannot be used are
 * reported with their 1-based line numbers and skipped; only a file that has no usable
 * structure at all (no rows, unknown column) throws a {@link RecipientFileError}.
 */
export function readRecipientCsv(input: string | Uint8Array, options: RecipientCsvOptions = {}): RecipientCsv {
	const text = typeof input === 'string' ? input : decodeText(input);
	const binary = whyNotText(text);
	if (binary) throw new RecipientFileError(`This is not a text file (${binary}): is it really a CSV file?`);
	const delimiter = detectDelimiter(text);
	const unreadable: Array<{ line: number; reason: string }> = [];
	const records = readRecords(text, delimiter, unreadable);
	if (records.length === 0 && unreadable.length === 0) throw new RecipientFileError('The file has no rows');

	const column = options.column?.trim() ?? '';
	const headerMode = options.header ?? 'auto';
	if (headerMode === 'no' && column && !/^\d+$/.test(column)) {
		throw new RecipientFileError(`A column given by name ("${column}") needs a header row; give its position (1, 2…) instead`);
	}
	const hasHeader =
		records.length > 0 &&
		(headerMode === 'yes' ||
			(headerMode === 'auto' && ((column !== '' && !/^\d+$/.test(column)) || looksLikeHeader(records[0], options))));
	const header = hasHeader ? records[0] : undefined;
	const firstData = hasHeader ? 1 : 0;
	const chosen = chooseColumn(header, records[firstData], column, options);
	const columnLabel = chosen.name !== undefined && chosen.name !== '' ? `"${chosen.name}"` : `${chosen.index + 1}`;

	const recipients = new RecipientList(options);
	// Record indexes of the bad rows; their line numbers are only worked out when there are some.
	const badRows: Array<{ index: number; reason?: string; receiver?: string }> = [];
	const namedColumns = header?.length ?? 0;
	for (let index = firstData; index < records.length; index++) {
		const record = records[index];
		const value = record[chosen.index];
		// Each row is let go once read: a 100,000-row file never sits in memory twice.
		records[index] = NO_VALUES;
		const several = value ? severalNumbers(record, chosen.index, namedColumns, options) : undefined;
		if (value === undefined || value === '') badRows.push({ index, reason: `no number in column ${columnLabel}` });
		else if (several) badRows.push({ index, reason: several, receiver: value });
		else if (recipients.add(value) === 'invalid') badRows.push({ index });
	}
	if (badRows.length > 0) {
		const lines = recordLines(text, delimiter);
		const numberInvalid = recipients.invalid.splice(0);
		let invalidIndex = 0;
		for (const { index, reason, receiver } of badRows) {
			const line = lines[index]?.start ?? 0;
			if (reason) recipients.reject(receiver ?? '', reason, line);
			else {
				const entry = numberInvalid[invalidIndex++];
				recipients.reject(entry.receiver, entry.reason, line);
			}
		}
	}
	for (const row of unreadable) recipients.reject('', row.reason, row.line);
	recipients.invalid.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	return { recipients, delimiter, hasHeader, column: chosen, rows: records.length - firstData };
}
