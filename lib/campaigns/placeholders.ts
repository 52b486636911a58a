/**
 * OVHcloud's `#column#` placeholders: a message sent to a recipient list gets, for each receiver,
 * the value of that column of the list. Checked here against the header before anything is
 * sent, because OVHcloud leaves an unknown placeholder in the text as written.
 */
import { analyzeMessage, toGsm, type TransliterationLevel } from '../encoding';
import { CampaignInputError } from './errors';
import type { RecipientRow } from './types';

// A name is anything but spaces and `#`, so "tickets #1 and #2" holds no placeholder.
const PLACEHOLDER = /#([^#\s]+)#/g;

/** The column names a message uses, each once, in order of appearance. */
export function placeholderNames(message: string): string[] {
	return [...new Set(Array.from(message.matchAll(PLACEHOLDER), (match) => match[1]))];
}

const quoteList = (names: string[]) => names.map((name) => `#${name}#`).join(', ');

/** Throws an error naming every placeholder that is not a column, with the columns there are. */
export function checkPlaceholders(message: string, columns: readonly string[], source = 'the CSV'): void {
	const unknown = placeholderNames(message).filter((name) => !columns.includes(name));
	if (unknown.length === 0) return;
	const hints = unknown
		.map((name) => ({ name, match: columns.find((column) => column.toLowerCase() === name.toLowerCase()) }))
		.filter((hint): hint is { name: string; match: string } => hint.match !== undefined)
		.map((hint) => ` Did you mean #${hint.match}# (column names are case-sensitive)?`)
		.join('');
	const which = unknown.length === 1 ? 'is not a column' : 'are not columns';
	throw new CampaignInputError(
		`The message uses ${quoteList(unknown)}, which ${which} of ${source} (columns: ${columns.join(', ')}).${hints}`,
	);
}

/** The text one receiver gets. */
export function personaliseMessage(message: string, values: Readonly<Record<string, string>>): string {
	return message.replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole));
}

export interface NonGsmValue {
	line: number;
	column: string;
	value: string;
	/** The characters GSM-7 lacks, each once. */
	characters: string[];
}

/** Values OVHcloud cannot put in a placeholder: its lists take GSM-7 text only. */
export function findNonGsmValues(rows: readonly RecipientRow[], columns: readonly string[]): NonGsmValue[] {
	const found: NonGsmValue[] = [];
	for (const row of rows) {
		for (const column of columns) {
			const value = row.values[column] ?? '';
			const analysis = analyzeMessage(value);
			if (analysis.encoding === 'GSM-7') continue;
			const characters = [...new Set(analysis.nonGsm.map((c) => String.fromCodePoint(c.codePoint)))];
			found.push({ line: row.line, column, value, characters });
		}
	}
	return found;
}

/** Rewrites the values in GSM-7 where a lookalike exists (`ç` → `Ç`, `’` → `'`); returns what could not be. */
export function transliterateValues(
	rows: RecipientRow[],
	columns: readonly string[],
	level: TransliterationLevel = 'lossy',
): NonGsmValue[] {
	for (const row of rows) {
		for (const column of columns) {
			const value = row.values[column];
			if (value) row.values[column] = toGsm(value, level).text;
		}
	}
	return findNonGsmValues(rows, columns);
}

/** The error for values that are not GSM-7, naming the first few. */
export function nonGsmValuesError(values: readonly NonGsmValue[], lineLabel: string): CampaignInputError {
	const shown = values
		.slice(0, 3)
		.map((v) => `${lineLabel} ${v.line}, column ${v.column}: "${v.value}" (${v.characters.join(' ')})`)
		.join('; ');
	const more = values.length > 3 ? ` and ${values.length - 3} more` : '';
	return new CampaignInputError(
		`OVHcloud only puts GSM-7 text in #column# placeholders, and ${values.length} value(s) are not: ${shown}${more}. ` +
			'Set the option "Transliteration" to Lossy to use lookalikes (ç → Ç, ’ → \'), or edit the values.',
	);
}
