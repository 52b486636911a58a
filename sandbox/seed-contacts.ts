/** Seeded address book and recipient list, named in docs and tests. */
import type { PhonebookState, ReceiverSlotState } from './types';

export const CONTACTS_SEED = {
	bookKey: 'b0c5a1d2e3f40001',
	bookName: 'Customers',
	slotId: 1,
	slotCsv: 'number;firstname;city\n+33611000001;Alice;Paris\n+33611000002;Bruno;Lyon\n+33611000003;Chloe;Nantes\n',
} as const;

export function seedPhonebooks(): Record<string, PhonebookState> {
	const people: Array<[string, string, string, string | null, string | null]> = [
		['VIP', 'Martin', 'Alice', '+33611000001', null],
		['VIP', 'Bernard', 'Bruno', '+33611000002', '+33144000002'],
		['Prospects', 'Petit', 'Chloe', '+33611000003', null],
		['Prospects', 'Durand', 'David', null, '+33144000004'],
	];
	const contacts = Object.fromEntries(
		people.map(([group, name, surname, homeMobile, workPhone], i) => {
			const id = 5000001 + i;
			return [id, { id, group, name, surname, homeMobile, homePhone: null, workMobile: null, workPhone }];
		}),
	);
	return {
		[CONTACTS_SEED.bookKey]: {
			bookKey: CONTACTS_SEED.bookKey,
			name: CONTACTS_SEED.bookName,
			phoneKey: 'p0c5a1d2e3f40001',
			contacts,
		},
	};
}

export function seedReceiverSlots(): Record<string, ReceiverSlotState> {
	return {
		[CONTACTS_SEED.slotId]: {
			slotId: CONTACTS_SEED.slotId,
			description: 'Newsletter',
			records: 3,
			datetime: '2024-01-15T09:00:00+01:00',
			autoUpdate: false,
			canAutoUpdate: false,
			csvUrl: null,
			documentId: null,
			csv: CONTACTS_SEED.slotCsv,
		},
	};
}
