import { parse } from 'csv-parse/sync';
import { lineBreaks, MAX_RECORD_SIZE } from './csvRows';
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

/** The error for a record over MAX_RECORD_SIZE, at the line csv-parse reports. */
export function recordTooLong(line: number | undefined): RecipientFileError {
	return new RecipientFileError(
		`Line ${line ?? '?'} is longer than ${MAX_RECORD_SIZE.toLocaleString('en-US')} characters: is this really a CSV file of receivers? Nothing was read from it`,
	);
}

/** What csv-parse's streaming API gives with `info`: the record and the line it ends on. */
interface ParsedRecord {
	record: string[];
	info: { lines: number };
}

const PARSE_OPTIONS = {
	bom: true,
	info: true,
	max_record_size: MAX_RECORD_SIZE,
	relax_column_count: true,
	relax_quotes: true,
	skip_empty_lines: true,
	skip_records_with_error: true,
	trim: true,
} as const;

const isBlank = (record: string[]) => record.every((value) => value === '');

/** The bytes of a file, in chunks: a binary stream, or one buffer. */
export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

class NotUtf8 extends Error {}

/** The text of a file in chunks, decoded as `encoding` (UTF-8 refuses bytes that are not UTF-8). */
async function* decodedChunks(
	open: () => ByteChunks,
	encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252',
): AsyncGenerator<string> {
	const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
	try {
		for await (const chunk of open()) yield decoder.decode(chunk, { stream: true });
		yield decoder.decode();
	} catch (error) {
		// A decoding error is a TypeError, possibly from another realm (a test VM): told by its name.
		throw (error as Error)?.name === 'TypeError' && encoding === 'utf-8' ? new NotUtf8() : error;
	}
}

/** The first bytes of a file, to tell UTF-16 by its BOM. */
async function firstBytes(open: () => ByteChunks): Promise<Uint8Array> {
	for await (const chunk of open()) if (chunk.length > 0) return chunk;
	return new Uint8Array(0);
}

/** A record, and the line it starts on (worked out when asked: only bad rows need it). */
type Row = { line: () => number; values: string[] };

/**
 * Where the text can be cut between records: after a line break outside any quoted value.
 * Follows csv-parse's reading (a quote opens a value only at its start, spaces before it
 * trimmed; `""` inside is a quote; with relax_quotes a quote inside an unquoted value is a
 * character), and keeps its state from one chunk to the next.
 */
class RecordBoundaries {
	private state: 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' = 'fieldStart';

	constructor(private readonly delimiter: CsvDelimiter) {}

	/** The index just after the last boundary in `text[from…]`, or -1. */
	scan(text: string, from: number): number {
		let last = -1;
		for (let i = from; i < text.length; i++) {
			const c = text[i];
			switch (this.state) {
				case 'fieldStart':
					if (c === '"') this.state = 'quoted';
					else if (c === '\n') last = i + 1;
					else if (c !== this.delimiter && c !== ' ' && c !== '\t' && c !== '\r' && c !== '\uFEFF') this.state = 'unquoted';
					break;
				case 'unquoted':
					if (c === this.delimiter) this.state = 'fieldStart';
					else if (c === '\n') {
						this.state = 'fieldStart';
						last = i + 1;
					}
					break;
				case 'quoted':
					if (c === '"') this.state = 'quoteInQuoted';
					break;
				case 'quoteInQuoted':
					if (c === '"') this.state = 'quoted';
					else if (c === this.delimiter) this.state = 'fieldStart';
					else if (c === '\n') {
						this.state = 'fieldStart';
						last = i + 1;
					} else if (c !== '\r' && c !== ' ') this.state = 'quoted';
					break;
			}
		}
		return last;
	}
}

const countLineFeeds = (text: string) => {
	let count = 0;
	for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
	return count;
};

/**
 * Records with the line each starts on, read as the text comes: the text is cut between
 * records and each piece parsed on its own (csv-parse's sync API, the one n8n's cloud rules
 * let us ship), so only one piece is held at a time, never the file or all its rows.
 */
async function* records(
	text: AsyncIterable<string>,
	delimiter: CsvDelimiter,
	unreadable: Array<{ line: number; reason: string }>,
): AsyncGenerator<Row[]> {
	let unclosedQuote = false;
	let lastLine = 0;
	/** Lines before the piece being parsed. */
	let lineOffset = 0;
	let pending = '';
	let scanned = 0;
	const boundaries = new RecordBoundaries(delimiter);
	const parsePiece = (piece: string): Row[] => {
		const offset = lineOffset;
		lineOffset += countLineFeeds(piece);
		// Without line info (csv-parse is two to three times faster so); the piece is parsed
		// again with it only when a row's line is asked for (a bad row), which gives the same
		// records in the same order.
		const parsed = parse(piece, {
			...PARSE_OPTIONS,
			info: false,
			delimiter,
			on_skip: (error: { code?: string; message?: string; lines?: number } | undefined) => {
				if (error?.code === 'CSV_MAX_RECORD_SIZE') throw recordTooLong(offset + (error.lines ?? 1));
				if (error?.code === 'CSV_QUOTE_NOT_CLOSED') unclosedQuote = true;
				else unreadable.push({ line: offset + (error?.lines ?? 0), reason: readableCsvError(error?.message) });
				return undefined;
			},
		}) as unknown as string[][];
		let lines: number[] | undefined;
		const lineOf = (k: number) => {
			lines ??= (parse(piece, { ...PARSE_OPTIONS, delimiter, on_skip: () => undefined }) as unknown as ParsedRecord[]).map(
				({ record, info }) => offset + info.lines - lineBreaks(record),
			);
			return lines[k];
		};
		if (unclosedQuote) {
			// Only the last piece can hold a quote never closed: the broken row starts after its last good one.
			const last = (parse(piece, { ...PARSE_OPTIONS, delimiter, on_skip: () => undefined }) as unknown as ParsedRecord[]).pop();
			lastLine = last ? offset + last.info.lines : offset;
		}
		const rows: Row[] = [];
		parsed.forEach((values, k) => {
			if (!isBlank(values)) rows.push({ line: () => lineOf(k), values });
		});
		return rows;
	};
	for await (const chunk of text) {
		pending += chunk;
		const cut = boundaries.scan(pending, scanned);
		if (cut === -1) {
			scanned = pending.length;
			// No record ends in sight: a record longer than the limit, said at the line it starts on.
			if (pending.length > MAX_RECORD_SIZE + 2) throw recordTooLong(lineOffset + 1);
			continue;
		}
		const piece = pending.slice(0, cut);
		pending = pending.slice(cut);
		scanned = pending.length;
		// The state after the cut is the one at the end of the text scanned so far.
		yield parsePiece(piece);
	}
	yield parsePiece(pending);
	if (unclosedQuote) {
		// The parser only knows where the file ended; the broken row starts after the last good one.
		unreadable.push({ line: lastLine + 1, reason: 'a quote opened on this row is never closed: the rest of the file could not be read' });
	}
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
	const inCell = LIST_SEPARATOR.test(value)
		? value.split(/[,;/|\n]+/).filter((part) => normalizePhoneNumber(part, options).valid).length
		: 0;
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

/** The first 64 KB of text (to tell binary data and the delimiter), then the rest, as one sequence. */
async function* withHead(text: AsyncIterator<string>, head: string): AsyncGenerator<string> {
	yield head;
	for (;;) {
		const next = await text.next();
		if (next.done) return;
		yield next.value;
	}
}

async function readHead(text: AsyncIterator<string>): Promise<string> {
	let head = '';
	while (head.length < HEAD_LENGTH) {
		const next = await text.next();
		if (next.done) break;
		head += next.value;
	}
	return head;
}

const HEAD_LENGTH = 65_536;

/**
 * Receivers from a CSV file: `;`, `,` or tab detected, BOM and quotes handled, header row
 * optional, numbers read from one column and normalised. Rows that cannot be used are
 * reported with their 1-based line numbers and skipped; only a file that has no usable
 * structure at all (no rows, unknown column) throws a {@link RecipientFileError}.
 *
 * The file is read as a stream (`open` may be called twice: a file that is not UTF-8 is read
 * again as Windows-1252): only the receivers are kept, never the file's text or its rows.
 */
export async function readRecipientCsv(
	input: string | Uint8Array | (() => ByteChunks),
	options: RecipientCsvOptions = {},
): Promise<RecipientCsv> {
	if (typeof input === 'string') return await readText([input], options);
	const open = typeof input === 'function' ? input : () => [input];
	const first = await firstBytes(open);
	if (first[0] === 0xff && first[1] === 0xfe) return await readText(decodedChunks(open, 'utf-16le'), options);
	if (first[0] === 0xfe && first[1] === 0xff) return await readText(decodedChunks(open, 'utf-16be'), options);
	const utf8 = await readText(decodedChunks(open, 'utf-8'), options).catch((error: unknown) => {
		if (error instanceof NotUtf8) return undefined;
		throw error;
	});
	return utf8 ?? (await readText(decodedChunks(open, 'windows-1252'), options));
}

async function readText(chunks: AsyncIterable<string> | Iterable<string>, options: RecipientCsvOptions): Promise<RecipientCsv> {
	const iterator = (Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : toAsync(chunks)) as AsyncIterator<string>;
	const head = await readHead(iterator);
	const binary = whyNotText(head);
	if (binary) throw new RecipientFileError(`This is not a text file (${binary}): is it really a CSV file?`);
	const delimiter = detectDelimiter(head);
	const column = options.column?.trim() ?? '';
	const headerMode = options.header ?? 'auto';
	if (headerMode === 'no' && column && !/^\d+$/.test(column)) {
		throw new RecipientFileError(`A column given by name ("${column}") needs a header row; give its position (1, 2…) instead`);
	}

	const unreadable: Array<{ line: number; reason: string }> = [];
	const recipients = new RecipientList(options);
	// The first two rows decide the header and the column; every later row is read and let go.
	const waiting: Row[] = [];
	let reading: { firstData: number; index: number; name?: string; label: string; namedColumns: number } | undefined;
	let hasHeader = false;
	let rows = 0;
	const decide = () => {
		const headerRow = waiting[0]?.values;
		hasHeader =
			headerRow !== undefined &&
			(headerMode === 'yes' ||
				(headerMode === 'auto' && ((column !== '' && !/^\d+$/.test(column)) || looksLikeHeader(headerRow, options))));
		const header = hasHeader ? headerRow : undefined;
		const chosen = chooseColumn(header, waiting[hasHeader ? 1 : 0]?.values, column, options);
		const label = chosen.name !== undefined && chosen.name !== '' ? `"${chosen.name}"` : `${chosen.index + 1}`;
		reading = { firstData: hasHeader ? 1 : 0, ...chosen, label, namedColumns: header?.length ?? 0 };
		const data = waiting.splice(0).slice(reading.firstData);
		for (const row of data) take(row);
	};
	const take = (row: Row) => {
		const { index, label, namedColumns } = reading!;
		rows++;
		const value = row.values[index];
		if (value === undefined || value === '') {
			recipients.reject('', `no number in column ${label}`, row.line());
			return;
		}
		const several = severalNumbers(row.values, index, namedColumns, options);
		if (several) recipients.reject(value, several, row.line());
		else if (recipients.add(value) === 'invalid') recipients.invalid[recipients.invalid.length - 1].line = row.line();
	};
	for await (const batch of records(withHead(iterator, head), delimiter, unreadable)) {
		for (const row of batch) {
			if (reading) take(row);
			else {
				waiting.push(row);
				if (waiting.length === 2) decide();
			}
		}
	}
	if (!reading) {
		if (waiting.length === 0 && unreadable.length === 0) throw new RecipientFileError('The file has no rows');
		decide();
	}
	for (const row of unreadable) recipients.reject('', row.reason, row.line);
	if (unreadable.length) recipients.invalid.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	const chosen = reading!;
	return {
		recipients,
		delimiter,
		hasHeader,
		column: { index: chosen.index, ...(chosen.name !== undefined ? { name: chosen.name } : {}) },
		rows,
	};
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
	yield* items;
}
