import { readCsvRows, type CsvRow } from '../recipients';

export interface DelimitedRecord {
	/** 1-based line of the file where the record starts. */
	line: number;
	values: string[];
}

export interface DelimitedText {
	delimiter: ';' | ',' | '\t';
	header: string[];
	records: DelimitedRecord[];
}

/** A file that cannot be read at all (as opposed to a row that is wrong). */
export class ContactFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ContactFileError';
	}
}

/** The separator of the header line: OVHcloud and French spreadsheets write `;`, others `,` or tabs. */
function detectDelimiter(text: string): DelimitedText['delimiter'] {
	const firstLine = text
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/, 1)[0]
		.replace(/"[^"]*"/g, '');
	const counts = ([';', ',', '\t'] as const).map((d) => ({ d, n: firstLine.split(d).length - 1 }));
	counts.sort((a, b) => b.n - a.n);
	return counts[0].n > 0 ? counts[0].d : ';';
}

/** Reads a header line and records (BOM, quotes, blank lines and ragged rows handled). */
export function readDelimitedText(text: string): DelimitedText {
	const delimiter = detectDelimiter(text);
	let rows: CsvRow[] = [];
	let failure: string | undefined;
	try {
		rows = readCsvRows(text, delimiter);
	} catch (error) {
		failure = error instanceof Error ? error.message : String(error);
	}
	if (failure !== undefined) throw new ContactFileError(`The file is not valid CSV: ${failure}`);
	if (rows.length === 0) throw new ContactFileError('The file is empty');
	const [header, ...records] = rows;
	return { delimiter, header: header.values, records };
}
