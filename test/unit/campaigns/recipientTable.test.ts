import { phoneNumberNormaliser } from '../../../lib/recipients';
import { CampaignInputError, readCsvTable, readRecipientTable, writeRecipientListCsv, type RecipientRow } from '../../../lib/campaigns';

const normalise = phoneNumberNormaliser('FR');

describe('readCsvTable', () => {
	test('reads a semicolon file with a BOM, quotes and a value spanning lines, with the line each row starts on', () => {
		const table = readCsvTable('\uFEFFnumber;firstname;note\n+33611111111;Alice;"two\nlines"\n\n+33622222222;"Bob; Jr";x\n');
		expect(table.header).toEqual(['number', 'firstname', 'note']);
		expect(table.rows).toEqual([
			{ line: 2, values: ['+33611111111', 'Alice', 'two\nlines'] },
			{ line: 5, values: ['+33622222222', 'Bob; Jr', 'x'] },
		]);
	});

	test('reads comma files and Windows-1252 bytes as spreadsheets save them', () => {
		const bytes = Uint8Array.from([...Buffer.from('phone,city\n0611111111,Besan'), 0xe7, ...Buffer.from('on\n')]);
		expect(readCsvTable(bytes).rows[0].values).toEqual(['0611111111', 'Besançon']);
	});

	test('an empty file is an error that says so', () => {
		expect(() => readCsvTable('\n\n')).toThrow(new CampaignInputError('The CSV file is empty'));
	});
});

describe('readRecipientTable', () => {
	const table = readCsvTable(
		'Phone;firstname;city;unused\n06 11 11 11 11;Alice;Paris;a\n+33611111111;Alice again;Paris;b\nnot a number;Carl;Nice;c\n;Dan;Metz;d\n+447700900123;Eve;London;e\n',
	);

	test('normalises numbers, keeps only the columns the message uses, and reports the rows left out with their line', () => {
		const result = readRecipientTable(table, { phoneColumn: 'phone', columns: ['firstname'], normalise });
		expect(result.rows).toEqual([
			{ line: 2, number: '+33611111111', values: { firstname: 'Alice' } },
			{ line: 6, number: '+447700900123', values: { firstname: 'Eve' } },
		]);
		expect(result.rejected).toEqual([
			{ line: 3, value: '+33611111111', reason: 'duplicate of line 2' },
			{ line: 4, value: 'not a number', reason: expect.any(String) },
			{ line: 5, value: '', reason: 'no phone number' },
		]);
	});

	describe('a row with an empty or missing placeholder value', () => {
		const sparse = readCsvTable('number;firstname;city\n+33611111101;Ann;Paris\n+33611111102;;Nice\n+33611111103;  \n+33611111104\n');
		const read = (emptyValue?: string) =>
			readRecipientTable(sparse, { phoneColumn: 'number', columns: ['firstname', 'city'], normalise, emptyValue });
		test('is rejected with its line and the placeholders it lacks, by default', () => {
			const result = read();
			expect(result.rows.map((row) => row.line)).toEqual([2]);
			expect(result.rejected).toEqual([
				{ line: 3, value: '+33611111102', reason: 'no value for #firstname#' },
				{ line: 4, value: '+33611111103', reason: 'no value for #firstname#, #city#' },
				{ line: 5, value: '+33611111104', reason: 'no value for #firstname#, #city#' },
			]);
		});
		test.each([['there'], ['']])('gets the fallback text "%s" when one is given', (fallback) => {
			const result = read(fallback);
			expect(result.rejected).toEqual([]);
			expect(result.rows.map((row) => row.values)).toEqual([
				{ firstname: 'Ann', city: 'Paris' },
				{ firstname: fallback, city: 'Nice' },
				{ firstname: fallback, city: fallback },
				{ firstname: fallback, city: fallback },
			]);
		});
	});

	test('a missing phone column is an error that lists the columns', () => {
		expect(() => readRecipientTable(table, { phoneColumn: 'mobile', columns: [], normalise })).toThrow(
			'The CSV has no column "mobile" for the phone numbers (columns: Phone, firstname, city, unused)',
		);
	});
});

describe('writeRecipientListCsv', () => {
	test('writes what OVHcloud reads back exactly: number first, every value quoted', () => {
		const rows: RecipientRow[] = [
			{ line: 2, number: '+33611111111', values: { text: ' Alice; "the" best\n', number: 'ignored' } },
			{ line: 3, number: '+33622222222', values: { text: '' } },
		];
		const csv = writeRecipientListCsv(rows, ['text', 'number']);
		expect(csv.split('\n')[0]).toBe('"number";"text"');
		expect(readCsvTable(csv)).toEqual({
			header: ['number', 'text'],
			rows: [
				{ line: 2, values: ['+33611111111', ' Alice; "the" best\n'] },
				{ line: 4, values: ['+33622222222', ''] },
			],
		});
	});
});
