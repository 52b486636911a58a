/**
 * The recipient list OVHcloud reads for a campaign: UTF-8, `;` between columns, a `number`
 * header first, then the placeholder columns. Every value is quoted, so spaces at its ends,
 * `;`, quotes and line breaks come back exactly as written.
 */
import type { RecipientRow } from './types';

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

export function writeRecipientListCsv(rows: readonly RecipientRow[], placeholderColumns: readonly string[]): string {
	// `#number#` reads the number column OVHcloud requires; a second one would make the header ambiguous.
	const columns = placeholderColumns.filter((column) => column !== 'number');
	const lines = [['number', ...columns].map(quote).join(';')];
	for (const row of rows) lines.push([row.number, ...columns.map((column) => row.values[column] ?? '')].map(quote).join(';'));
	return lines.join('\n') + '\n';
}
