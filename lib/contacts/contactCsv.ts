import { CONTACT_FIELDS, type ContactFields } from './types';

function csvField(value: string | undefined | null): string {
	const text = value ?? '';
	return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Contacts as a `;`-separated file with a header of OVHcloud's field names (the separator of
 * OVHcloud's own exports), which the import reads back as it is.
 */
export function writeContactsCsv(contacts: Array<Partial<ContactFields>>): string {
	const lines = [CONTACT_FIELDS.join(';')];
	for (const contact of contacts) lines.push(CONTACT_FIELDS.map((field) => csvField(contact[field])).join(';'));
	return lines.join('\n') + '\n';
}
