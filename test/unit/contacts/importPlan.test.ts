import { ContactIndex, planContactImport, type ContactRow, type PhonebookContact } from '../../../lib/contacts';
import { frenchNormaliser } from './normaliser';

const row = (line: number, homeMobile: string, name = `N${line}`): ContactRow => ({
	line,
	contact: { group: 'g', name, surname: 's', homeMobile },
});

describe('planContactImport', () => {
	const existing: PhonebookContact[] = [
		{ id: 1, group: 'g', name: 'Known', surname: 's', homeMobile: '+33611111111' },
		{ id: 2, group: 'g', name: 'Work', surname: 's', workMobile: '0033622222222' },
	];

	test('creates only numbers the book does not hold, whatever field or form holds them', () => {
		const plan = planContactImport([row(2, '+33611111111', 'Known'), row(3, '06 22 22 22 22'), row(4, '+33633333333')], existing, {
			updateExisting: false,
			normaliseNumber: frenchNormaliser,
		});
		expect(plan.toCreate.map((r) => r.line)).toEqual([4]);
		expect(plan.alreadyPresent.map((p) => p.existing.id)).toEqual([1, 2]);
		expect(plan.toUpdate).toEqual([]);
	});

	test('updates changed contacts only when asked, sending only the changed fields', () => {
		const rows = [row(2, '+33611111111', 'Renamed'), row(3, '+33611111111', 'Known')];
		const plan = planContactImport(rows.slice(0, 1), existing, { updateExisting: true, normaliseNumber: frenchNormaliser });
		expect(plan.toUpdate).toEqual([{ row: rows[0], existing: existing[0], changes: { name: 'Renamed' } }]);
		const unchanged = planContactImport(rows.slice(1), existing, { updateExisting: true, normaliseNumber: frenchNormaliser });
		expect(unchanged.toUpdate).toEqual([]);
		expect(unchanged.alreadyPresent).toHaveLength(1);
	});

	test('reports a number repeated in the file against its first line', () => {
		const plan = planContactImport([row(2, '+33644444444'), row(9, '06 44 44 44 44')], [], {
			updateExisting: false,
			normaliseNumber: frenchNormaliser,
		});
		expect(plan.toCreate).toHaveLength(1);
		expect(plan.duplicates).toEqual([{ line: 9, reason: 'same phone number as line 2' }]);
	});

	test('a second run of the same rows against the result of the first creates nothing', () => {
		const rows = Array.from({ length: 50 }, (_, i) => row(i + 2, `+336${String(10000000 + i)}`));
		const first = planContactImport(rows, [], { updateExisting: false, normaliseNumber: frenchNormaliser });
		const created = first.toCreate.map((r, i) => ({ id: i + 1, ...r.contact }));
		const second = planContactImport(rows, created, { updateExisting: true, normaliseNumber: frenchNormaliser });
		expect(first.toCreate).toHaveLength(50);
		expect(second.toCreate).toHaveLength(0);
		expect(second.toUpdate).toHaveLength(0);
	});
});

describe('ContactIndex', () => {
	test('finds a contact by any of its numbers and follows a number change', () => {
		const before: PhonebookContact = { id: 7, group: 'g', name: 'n', surname: 's', homeMobile: '+33611111111' };
		const index = new ContactIndex([before], frenchNormaliser);
		expect(index.find({ homePhone: '0611111111' })).toBe(before);
		const after = { ...before, homeMobile: '+33699999999' };
		index.replace(before, after);
		expect(index.find({ homeMobile: '+33611111111' })).toBeUndefined();
		expect(index.find({ workMobile: '+33699999999' })).toBe(after);
	});
});
