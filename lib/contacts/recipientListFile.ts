import type { PhoneNumberNormaliser } from '../recipients';
import { ContactFileError, readDelimitedText } from './delimitedText';
import type { RejectedRow } from './types';

export interface RecipientListFile {
	/** `;` separated, `number` column first in international form, the other columns kept (`#column#` placeholders). */
	csv: string;
	records: number;
	columns: string[];
	rejected: RejectedRow[];
}

function csvField(text: string): string {
	return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Prepares a recipient list for OVHcloud, which refuses a whole file for its first bad line:
 * numbers normalised, bad and repeated ones reported with their line and left out.
 */
export function prepareRecipientListFile(
	text: string,
	options: { normaliseNumber: PhoneNumberNormaliser; numberColumn?: string },
): RecipientListFile {
	const { header, records } = readDelimitedText(text);
	const wanted = (options.numberColumn?.trim() || 'number').toLowerCase();
	let numberIndex = header.findIndex((column) => column.trim().toLowerCase() === wanted);
	if (numberIndex < 0 && !options.numberColumn && header.length === 1) numberIndex = 0;
	if (numberIndex < 0) {
		throw new ContactFileError(
			`No "${options.numberColumn?.trim() || 'number'}" column: the file's columns are ${header.map((c) => `"${c}"`).join(', ')}`,
		);
	}
	const others = header.map((name, index) => ({ name: name.trim(), index })).filter(({ index }) => index !== numberIndex);
	const lines = [['number', ...others.map(({ name }) => name)].map(csvField).join(';')];
	const rejected: RejectedRow[] = [];
	const firstLine = new Map<string, number>();
	for (const record of records) {
		const raw = (record.values[numberIndex] ?? '').trim();
		const check = options.normaliseNumber(raw);
		if (!check.valid) {
			rejected.push({ line: record.line, reason: raw ? `"${raw}" is not a valid phone number: ${check.reason}` : 'no phone number' });
			continue;
		}
		const earlier = firstLine.get(check.number);
		if (earlier !== undefined) {
			rejected.push({ line: record.line, reason: `same phone number as line ${earlier}` });
			continue;
		}
		firstLine.set(check.number, record.line);
		lines.push([check.number, ...others.map(({ index }) => record.values[index] ?? '')].map(csvField).join(';'));
	}
	return { csv: lines.join('\n') + '\n', records: lines.length - 1, columns: ['number', ...others.map(({ name }) => name)], rejected };
}
