// The Address Book export is opened in spreadsheets: a value they would run as a formula
// (OWASP's CSV-injection rule) must open as text; the import's upload keeps values exactly.
import { writeContactsCsv } from '../../../lib/contacts';

const rowOf = (csv: string) => csv.split('\n')[1];
const exported = (surname: string, homeMobile = '+33611111111') =>
	rowOf(writeContactsCsv([{ group: 'g', name: 'n', surname, homeMobile }], { forSpreadsheets: true }));

describe('Address Book export neutralises spreadsheet formulas', () => {
	test.each([
		['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
		["+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
		["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
		["@SUM(1+1)*cmd|' /C calc'!A0", `"'@SUM(1+1)*cmd|' /C calc'!A0"`],
		['\t=1+1', `"'\t=1+1"`],
		['\r=1+1', `"'\r=1+1"`],
	])('%j is written as text', (surname, cell) => {
		expect(exported(surname)).toContain(`;${cell};`);
	});

	test.each([['Dupont'], ["O'Brien"], ['Jean-Pierre'], ['a=b']])('%j is written as it is', (surname) => {
		expect(exported(surname)).toContain(`;${surname};`);
	});

	test('phone numbers (+33…, -) are numbers, not formulas: written as they are', () => {
		expect(exported('Dupont', '+33611111111')).toMatch(/;\+33611111111;/);
		expect(exported('Dupont', '+33 6 11 11 11 11')).toMatch(/;\+33 6 11 11 11 11;/);
	});

	test('the file uploaded to OVHcloud by the import keeps the values exactly', () => {
		expect(rowOf(writeContactsCsv([{ group: 'g', name: 'n', surname: '=1+1', homeMobile: '+33611111111' }]))).toContain(';=1+1;');
	});
});
