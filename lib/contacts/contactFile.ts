import type { PhoneNumberNormaliser } from '../recipients';
import { ContactFileError, readDelimitedText } from './delimitedText';
import { CONTACT_FIELDS, PHONE_FIELDS, type ContactField, type ContactFields, type ContactRow, type RejectedRow } from './types';

/** Which column (by its header text) holds each field; fields left out are not read. */
export type ContactColumnMapping = Partial<Record<ContactField, string>>;

export interface ContactFileOptions {
	/** Columns by name. Without it, columns named like OVHcloud's fields (any case) are used. */
	mapping?: ContactColumnMapping;
	/** The group of rows that have none (the API requires one). */
	defaultGroup: string;
	normaliseNumber: PhoneNumberNormaliser;
	/**
	 * Refuse rows with characters outside ASCII: OVHcloud's own import skips such contacts
	 * without a word, so they are reported here instead.
	 */
	asciiOnly?: boolean;
}

export interface ContactFileReading {
	delimiter: string;
	columns: string[];
	/** Which column each field was read from. */
	mapping: ContactColumnMapping;
	/** Data rows seen (the header and blank lines not counted). */
	rowCount: number;
	rows: ContactRow[];
	rejected: RejectedRow[];
}

const normaliseHeader = (text: string) => text.trim().toLowerCase();

function resolveColumns(header: string[], mapping: ContactColumnMapping | undefined): Map<ContactField, number> {
	const byName = new Map<string, number>();
	header.forEach((column, index) => {
		if (!byName.has(normaliseHeader(column))) byName.set(normaliseHeader(column), index);
	});
	const columns = new Map<ContactField, number>();
	const wanted: ContactColumnMapping = mapping ?? Object.fromEntries(CONTACT_FIELDS.map((field) => [field, field]));
	const missing: string[] = [];
	for (const field of CONTACT_FIELDS) {
		const column = wanted[field]?.trim();
		if (!column) continue;
		const index = byName.get(normaliseHeader(column));
		if (index === undefined) {
			if (mapping) missing.push(`"${column}" (for ${field})`);
			continue;
		}
		columns.set(field, index);
	}
	const known = `the file's columns are ${header.map((c) => `"${c}"`).join(', ')}`;
	if (missing.length > 0) throw new ContactFileError(`Column ${missing.join(', ')} not found: ${known}`);
	if (!PHONE_FIELDS.some((field) => columns.has(field))) {
		throw new ContactFileError(
			`No phone number column: name one ${PHONE_FIELDS.join(', ')}${mapping ? '' : ', or map columns to fields'} (${known})`,
		);
	}
	return columns;
}

function checkRow(
	values: string[],
	columns: Map<ContactField, number>,
	options: ContactFileOptions,
): { contact: ContactFields } | { reason: string } {
	const value = (field: ContactField) => {
		const index = columns.get(field);
		return index === undefined ? '' : (values[index] ?? '').trim();
	};
	const contact: ContactFields = { group: value('group') || options.defaultGroup, name: value('name'), surname: value('surname') };
	const missingText = (['name', 'surname'] as const).filter((field) => !contact[field]);
	if (missingText.length > 0) return { reason: `no ${missingText.join(' and no ')}` };
	if (options.asciiOnly) {
		for (const field of ['group', 'name', 'surname'] as const) {
			// A line break or tab inside a quoted value is skipped by OVHcloud's import just the same.
			if ([...contact[field]].some((c) => c.charCodeAt(0) < 0x20)) {
				return {
					reason: `a line break or control character in ${field}: OVHcloud's import skips such contacts (the contact-by-contact mode keeps them)`,
				};
			}
			const accented = [...contact[field]].find((c) => c.charCodeAt(0) > 0x7e);
			if (accented) {
				return {
					reason: `"${accented}" in ${field}: OVHcloud's import skips contacts with accented characters (the contact-by-contact mode keeps them)`,
				};
			}
		}
	}
	let numbers = 0;
	for (const field of PHONE_FIELDS) {
		const raw = value(field);
		if (!raw) continue;
		const check = options.normaliseNumber(raw);
		if (!check.valid) return { reason: `${field} "${raw}" is not a valid phone number: ${check.reason}` };
		contact[field] = check.number;
		numbers++;
	}
	if (numbers === 0) return { reason: 'no phone number' };
	return { contact };
}

/** Reads a `.csv` or `.txt` contact file: every row becomes a contact or a rejection with its line. */
export function readContactFile(text: string, options: ContactFileOptions): ContactFileReading {
	const { delimiter, header, records } = readDelimitedText(text);
	const columns = resolveColumns(header, options.mapping);
	const rows: ContactRow[] = [];
	const rejected: RejectedRow[] = [];
	for (const record of records) {
		const result = checkRow(record.values, columns, options);
		if ('contact' in result) rows.push({ line: record.line, contact: result.contact });
		else rejected.push({ line: record.line, reason: result.reason });
	}
	return {
		delimiter,
		columns: header,
		mapping: Object.fromEntries([...columns].map(([field, index]) => [field, header[index]])),
		rowCount: records.length,
		rows,
		rejected,
	};
}
