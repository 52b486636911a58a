import { ContactFileError, prepareRecipientListFile, readContactFile, writeContactsCsv } from '../../../lib/contacts';
import { frenchNormaliser } from './normaliser';

const options = { defaultGroup: 'Imported', normaliseNumber: frenchNormaliser };

describe('readContactFile', () => {
	test('reads OVHcloud-named columns in any case, with a BOM and ; separators', () => {
		const text = '\uFEFFName;SURNAME;homeMobile;group\nDoe;John;06 12 34 56 78;VIP\nRoe;Jane;+33622222222;\n';
		const reading = readContactFile(text, options);
		expect(reading.delimiter).toBe(';');
		expect(reading.rejected).toEqual([]);
		expect(reading.rows).toEqual([
			{ line: 2, contact: { group: 'VIP', name: 'Doe', surname: 'John', homeMobile: '+33612345678' } },
			{ line: 3, contact: { group: 'Imported', name: 'Roe', surname: 'Jane', homeMobile: '+33622222222' } },
		]);
	});

	test('maps columns chosen by the user, with , separators and quoted fields', () => {
		const text = 'Last,First,Cell,Office\n"Doe, Sr",John,+33611111111,0144444444\n';
		const reading = readContactFile(text, {
			...options,
			mapping: { name: 'Last', surname: 'First', homeMobile: 'cell', workPhone: 'Office' },
		});
		expect(reading.rows[0].contact).toEqual({
			group: 'Imported',
			name: 'Doe, Sr',
			surname: 'John',
			homeMobile: '+33611111111',
			workPhone: '+33144444444',
		});
	});

	test('reports each bad row with its line number and reason, and keeps the others', () => {
		const text = ['name;surname;homeMobile', 'A;a;+33611111111', 'B;b;12', ';c;+33633333333', 'D;d;', '', 'E;e;+33655555555'].join('\n');
		const reading = readContactFile(text, options);
		expect(reading.rows.map((r) => r.line)).toEqual([2, 7]);
		expect(reading.rejected).toEqual([
			{ line: 3, reason: expect.stringContaining('homeMobile "12" is not a valid phone number') },
			{ line: 4, reason: 'no name' },
			{ line: 5, reason: 'no phone number' },
		]);
		expect(reading.rowCount).toBe(5);
	});

	test('counts lines from the start of a record whose quoted field spans lines', () => {
		const text = 'name;surname;homeMobile\n"Two\nlines";x;+33611111111\nB;b;bad\n';
		const reading = readContactFile(text, options);
		expect(reading.rows[0].line).toBe(2);
		expect(reading.rejected[0].line).toBe(4);
	});

	test('in ASCII-only mode, flags accented rows that OVHcloud’s import would skip silently', () => {
		const text = 'name;surname;homeMobile\nLefèvre;Zoé;+33611111111\nMartin;Paul;+33622222222\n';
		const reading = readContactFile(text, { ...options, asciiOnly: true });
		expect(reading.rows).toHaveLength(1);
		expect(reading.rejected).toEqual([{ line: 2, reason: expect.stringContaining('"è" in name') }]);
	});

	test('refuses a file without a phone column, naming the columns it has', () => {
		expect(() => readContactFile('a;b\n1;2\n', options)).toThrow(ContactFileError);
		expect(() => readContactFile('a;b\n1;2\n', options)).toThrow(/"a", "b"/);
	});

	test('refuses a mapping to a column the file does not have', () => {
		expect(() => readContactFile('x;y\n1;2\n', { ...options, mapping: { homeMobile: 'Mobile' } })).toThrow(
			/"Mobile" \(for homeMobile\) not found/,
		);
	});
});

describe('writeContactsCsv', () => {
	test('writes ; separated rows that read back as the same contacts', () => {
		const contacts = [
			{ group: 'VIP', name: 'Doe; "Jr"', surname: 'John', homeMobile: '+33611111111' },
			{ group: 'x', name: 'Roe', surname: 'Jane\nMarie', workPhone: '+33144444444' },
		];
		const csv = writeContactsCsv(contacts);
		expect(csv.split('\n')[0]).toBe('group;name;surname;homeMobile;homePhone;workMobile;workPhone');
		expect(readContactFile(csv, options).rows.map((r) => r.contact)).toEqual(contacts);
	});
});

describe('prepareRecipientListFile', () => {
	test('normalises the number column, keeps the other columns, and reports bad and repeated rows', () => {
		const text =
			'Prénom,Number,Ville\nAlice,06 11 11 11 11,Paris\nBob,12,Lyon\nAlice2,+33611111111,Nice\n"Chloé; C",0033622222222,Nantes\n';
		const file = prepareRecipientListFile(text, { normaliseNumber: frenchNormaliser });
		expect(file.csv).toBe('number;Prénom;Ville\n+33611111111;Alice;Paris\n+33622222222;"Chloé; C";Nantes\n');
		expect(file.records).toBe(2);
		expect(file.rejected).toEqual([
			{ line: 3, reason: expect.stringContaining('"12" is not a valid phone number') },
			{ line: 4, reason: 'same phone number as line 2' },
		]);
	});

	test('takes the only column of a one-column .txt file, or the column the user names', () => {
		expect(prepareRecipientListFile('phones\n+33611111111\n', { normaliseNumber: frenchNormaliser }).records).toBe(1);
		expect(prepareRecipientListFile('a;Mobile\nx;+33611111111\n', { normaliseNumber: frenchNormaliser, numberColumn: 'mobile' }).csv).toBe(
			'number;a\n+33611111111;x\n',
		);
		expect(() => prepareRecipientListFile('a;b\n1;2\n', { normaliseNumber: frenchNormaliser })).toThrow(/No "number" column/);
	});
});
