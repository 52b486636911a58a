import { CONTACT_FIELDS, type ContactFields } from './types';

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP's CSV-injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number, which a spreadsheet reads as a number whatever its sign: nothing to run. */
const PLAIN_NUMBER = /^[+-]?\d[\d ]*$/;

/**
 * OWASP's rule for CSV injection: a value a spreadsheet would run (`=HYPERLINK(…)`,
 * `@SUM(…)`, `+cmd|…`) gets a leading `'`, which spreadsheets show as text, and is quoted.
 * Phone numbers such as `+33612345678` are left as they are.
 */
function neutralised(text: string): string {
	return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function csvField(value: string | undefined | null, forSpreadsheets: boolean): string {
	const raw = value ?? '';
	const text = forSpreadsheets ? neutralised(raw) : raw;
	return text !== raw || /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Contacts as a `;`-separated file with a header of OVHcloud's field names (the separator of
 * OVHcloud's own exports), which the import reads back as it is. `forSpreadsheets` (the
 * export a person opens) neutralises formulas; the file uploaded to OVHcloud keeps the
 * values exactly, since OVHcloud stores them as text.
 */
export function writeContactsCsv(contacts: Array<Partial<ContactFields>>, options: { forSpreadsheets?: boolean } = {}): string {
	const forSpreadsheets = options.forSpreadsheets ?? false;
	const lines = [CONTACT_FIELDS.join(';')];
	for (const contact of contacts) lines.push(CONTACT_FIELDS.map((field) => csvField(contact[field], forSpreadsheets)).join(';'));
	return lines.join('\n') + '\n';
}
