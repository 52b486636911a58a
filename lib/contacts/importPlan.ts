import type { PhoneNumberNormaliser } from '../recipients';
import { PHONE_FIELDS, type ContactFields, type ContactRow, type PhonebookContact, type RejectedRow } from './types';

export interface ContactUpdate {
	row: ContactRow;
	existing: PhonebookContact;
	/** Only the fields that differ, ready for `PUT .../phonebookContact/{id}`. */
	changes: Partial<ContactFields>;
}

export interface ContactImportPlan {
	toCreate: ContactRow[];
	toUpdate: ContactUpdate[];
	/** Rows whose contact is already in the address book as it is (or left as it is). */
	alreadyPresent: Array<{ row: ContactRow; existing: PhonebookContact }>;
	/** Rows repeating a number of an earlier row of the same file. */
	duplicates: RejectedRow[];
}

/** The numbers of a contact in international form, the key that makes an import idempotent. */
export function contactNumbers(contact: Partial<ContactFields>, normaliseNumber: PhoneNumberNormaliser): string[] {
	const numbers: string[] = [];
	for (const field of PHONE_FIELDS) {
		const raw = contact[field]?.trim();
		if (!raw) continue;
		const check = normaliseNumber(raw);
		numbers.push(check.valid ? check.number : raw);
	}
	return [...new Set(numbers)];
}

/** Existing contacts by each of their numbers, to find the one a row or a CRM record is about. */
export class ContactIndex {
	private readonly byNumber = new Map<string, PhonebookContact>();

	constructor(
		contacts: PhonebookContact[],
		private readonly normaliseNumber: PhoneNumberNormaliser,
	) {
		for (const contact of contacts) this.add(contact);
	}

	add(contact: PhonebookContact): void {
		for (const number of contactNumbers(contact, this.normaliseNumber)) {
			if (!this.byNumber.has(number)) this.byNumber.set(number, contact);
		}
	}

	/** Drops the old numbers of an updated contact and indexes its new ones. */
	replace(before: PhonebookContact, after: PhonebookContact): void {
		for (const number of contactNumbers(before, this.normaliseNumber)) {
			if (this.byNumber.get(number) === before) this.byNumber.delete(number);
		}
		this.add(after);
	}

	find(contact: Partial<ContactFields>): PhonebookContact | undefined {
		for (const number of contactNumbers(contact, this.normaliseNumber)) {
			const found = this.byNumber.get(number);
			if (found) return found;
		}
		return undefined;
	}
}

/** The fields of `wanted` that `existing` does not already hold (fields `wanted` leaves empty are kept). */
export function contactChanges(existing: Partial<ContactFields>, wanted: Partial<ContactFields>): Partial<ContactFields> {
	const changes: Partial<ContactFields> = {};
	for (const [field, value] of Object.entries(wanted) as Array<[keyof ContactFields, string | undefined]>) {
		if (value === undefined || value === '') continue;
		if ((existing[field] ?? '') !== value) changes[field] = value;
	}
	return changes;
}

/**
 * What an import must do so that running it twice changes nothing the second time: rows whose
 * number is already in the book are not created again (and updated only when asked), and a
 * number repeated in the file is created once.
 */
export function planContactImport(
	rows: ContactRow[],
	existing: PhonebookContact[],
	options: { updateExisting: boolean; normaliseNumber: PhoneNumberNormaliser },
): ContactImportPlan {
	const index = new ContactIndex(existing, options.normaliseNumber);
	const firstLineOfNumber = new Map<string, number>();
	const plan: ContactImportPlan = { toCreate: [], toUpdate: [], alreadyPresent: [], duplicates: [] };
	for (const row of rows) {
		const numbers = contactNumbers(row.contact, options.normaliseNumber);
		const earlier = numbers.map((n) => firstLineOfNumber.get(n)).find((line) => line !== undefined);
		if (earlier !== undefined) {
			plan.duplicates.push({ line: row.line, reason: `same phone number as line ${earlier}` });
			continue;
		}
		for (const number of numbers) firstLineOfNumber.set(number, row.line);
		const match = index.find(row.contact);
		if (!match) {
			plan.toCreate.push(row);
			continue;
		}
		const changes = options.updateExisting ? contactChanges(match, row.contact) : {};
		if (Object.keys(changes).length > 0) plan.toUpdate.push({ row, existing: match, changes });
		else plan.alreadyPresent.push({ row, existing: match });
	}
	return plan;
}
