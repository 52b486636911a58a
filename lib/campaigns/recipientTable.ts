/**
 * Receivers from a table (a CSV file, a recipient list): numbers checked and normalised, each
 * row keeping only the columns the message uses, and every row left out kept with its line and
 * the reason, so a report can say what was not sent and why.
 */
import type { PhoneNumberNormaliser } from '../recipients';
import { CampaignInputError } from './errors';
import type { RecipientRow, RejectedRecipient } from './types';

export interface TableInput {
	header: readonly string[];
	rows: ReadonlyArray<{ line: number; values: readonly string[] }>;
}

export interface RecipientTableOptions {
	phoneColumn: string;
	/** Columns the message uses (its placeholders), already checked to exist. */
	columns: readonly string[];
	normalise: PhoneNumberNormaliser;
	/**
	 * The text for an empty or missing placeholder value. Undefined: such a row is rejected (with
	 * its line), since "Hello , your order…" is a message nobody meant to send.
	 */
	emptyValue?: string;
}

export interface RecipientTable {
	rows: RecipientRow[];
	rejected: RejectedRecipient[];
}

/** The index of a column: exact name first, then whatever its case. */
export function findColumn(header: readonly string[], name: string): number {
	const exact = header.indexOf(name);
	return exact >= 0 ? exact : header.findIndex((column) => column.toLowerCase() === name.toLowerCase());
}

export function readRecipientTable(table: TableInput, options: RecipientTableOptions): RecipientTable {
	const phoneIndex = findColumn(table.header, options.phoneColumn);
	if (phoneIndex < 0) {
		throw new CampaignInputError(
			`The CSV has no column "${options.phoneColumn}" for the phone numbers (columns: ${table.header.join(', ')})`,
		);
	}
	const columnIndexes = options.columns.map((column) => [column, table.header.indexOf(column)] as const);
	const rows: RecipientRow[] = [];
	const rejected: RejectedRecipient[] = [];
	const firstLineOf = new Map<string, number>();
	for (const row of table.rows) {
		const raw = (row.values[phoneIndex] ?? '').trim();
		if (raw === '') {
			rejected.push({ line: row.line, value: raw, reason: 'no phone number' });
			continue;
		}
		const checked = options.normalise(raw);
		if (!checked.valid) {
			rejected.push({ line: row.line, value: raw, reason: checked.reason });
			continue;
		}
		const firstLine = firstLineOf.get(checked.number);
		if (firstLine !== undefined) {
			rejected.push({ line: row.line, value: raw, reason: `duplicate of line ${firstLine}` });
			continue;
		}
		const values: Record<string, string> = {};
		const empty: string[] = [];
		for (const [column, index] of columnIndexes) {
			const value = row.values[index] ?? '';
			if (value.trim() === '') empty.push(column);
			values[column] = value.trim() === '' ? (options.emptyValue ?? '') : value;
		}
		if (empty.length > 0 && options.emptyValue === undefined) {
			rejected.push({ line: row.line, value: raw, reason: `no value for ${empty.map((column) => `#${column}#`).join(', ')}` });
			continue;
		}
		firstLineOf.set(checked.number, row.line);
		rows.push({ line: row.line, number: checked.number, values });
	}
	return { rows, rejected };
}
