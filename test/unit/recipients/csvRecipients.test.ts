import { readRecipientCsv, RecipientFileError } from '../../../lib/recipients';

const fr = { defaultCountry: 'FR' };

describe('readRecipientCsv', () => {
	test('a French spreadsheet export: BOM, semicolons, quotes, a header, the phone column found by name', async () => {
		const csv = '\uFEFFNom;Téléphone;Ville\n"Dupont; Jean";06 11 11 11 11;Paris\nMartin;"+33 6 22 22 22 22";"Lyon"\n';
		const read = await readRecipientCsv(csv, fr);
		expect(read.delimiter).toBe(';');
		expect(read.hasHeader).toBe(true);
		expect(read.column).toEqual({ index: 1, name: 'Téléphone' });
		expect(read.recipients.numbers).toEqual(['+33611111111', '+33622222222']);
		expect(read.rows).toBe(2);
	});

	test('commas, a column chosen by name whatever its case, bad rows reported with their line numbers', async () => {
		const csv = [
			'name,Mobile,notes',
			'Alice,+33611111111,ok',
			'Bob,not a number,',
			'',
			'Carol,,"multi',
			'line note"',
			'Dan,0611111111,duplicate of Alice',
			'Eve,+33 6 33 33 33 33',
		].join('\r\n');
		const read = await readRecipientCsv(new TextEncoder().encode(csv), { ...fr, column: 'mobile' });
		expect(read.delimiter).toBe(',');
		expect(read.recipients.numbers).toEqual(['+33611111111', '+33633333333']);
		expect(read.recipients.duplicates).toEqual(['+33611111111']);
		expect(read.recipients.invalid).toEqual([
			{ receiver: 'not a number', reason: 'contains letters', line: 3 },
			{ receiver: '', reason: 'no number in column "Mobile"', line: 5 },
		]);
	});

	test('no header: detected from the content, the numbers column found from the first row', async () => {
		const read = await readRecipientCsv('Alice;0611111111\nBob;0622222222\n', fr);
		expect(read.hasHeader).toBe(false);
		expect(read.column.index).toBe(1);
		expect(read.recipients.numbers).toEqual(['+33611111111', '+33622222222']);
	});

	test('a single column of numbers with a header that is not a known name', async () => {
		const read = await readRecipientCsv('Contacts\n0611111111\n0622222222', fr);
		expect(read.hasHeader).toBe(true);
		expect(read.recipients.numbers).toHaveLength(2);
	});

	test('header forced off, column by position', async () => {
		const read = await readRecipientCsv('x,0611111111\ny,0622222222', { ...fr, header: 'no', column: '2' });
		expect(read.recipients.numbers).toEqual(['+33611111111', '+33622222222']);
	});

	test('header forced on: the first row is never sent to', async () => {
		const read = await readRecipientCsv('0600000000\n0611111111', { ...fr, header: 'yes' });
		expect(read.recipients.numbers).toEqual(['+33611111111']);
	});

	test('a quote never closed: the rows before it are kept, the rest is reported from its line', async () => {
		const read = await readRecipientCsv('number\n0611111111\n"0622222222\n0633333333\n', fr);
		expect(read.recipients.numbers).toEqual(['+33611111111']);
		expect(read.recipients.invalid).toEqual([{ receiver: '', reason: expect.stringMatching(/never closed/), line: 3 }]);
	});

	test('Windows-1252 and UTF-16 files are decoded', async () => {
		const latin1 = Uint8Array.from([...'Num', 0xe9, ...'ro\n0611111111\n'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
		expect((await readRecipientCsv(latin1, fr)).column.name).toBe('Numéro');
		const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('phone\n0611111111').flatMap((c) => [c.charCodeAt(0), 0])]);
		expect((await readRecipientCsv(utf16, fr)).recipients.numbers).toEqual(['+33611111111']);
	});

	test('files that cannot be used say why', async () => {
		await expect(readRecipientCsv('', fr)).rejects.toThrow(RecipientFileError);
		await expect(readRecipientCsv('a;b\n1;2', { ...fr, column: 'phone' })).rejects.toThrow(
			'No column named "phone" in the file; its columns are: a, b',
		);
		await expect(readRecipientCsv('name;city\nAl;Paris', fr)).rejects.toThrow(/set the number column to one of: name, city/);
		await expect(readRecipientCsv('0611111111', { ...fr, header: 'no', column: 'phone' })).rejects.toThrow(/needs a header row/);
	});

	test('a large file is read whole, every line accounted for', async () => {
		const lines = ['id;number'];
		for (let i = 0; i < 20_000; i++) lines.push(`${i};+336${String(i).padStart(8, '0')}`);
		lines.push('bad;12');
		const read = await readRecipientCsv(lines.join('\n'), fr);
		expect(read.recipients.size).toBe(20_000);
		expect(read.recipients.invalid).toEqual([{ receiver: '12', reason: expect.any(String), line: 20_002 }]);
	});
});

describe('readRecipientCsv read as a stream', () => {
	// Read in chunks of a few bytes, a file must give what it gives read at once: same
	// receivers, same bad rows on the same lines, whatever the chunk cuts through.
	const files: Array<[string, string]> = [
		[
			'quoted values with delimiters, quotes and line breaks',
			'name;phone;note\n"Doe; Jane";+33611111101;"first line\nsecond line"\n"Bob ""B"" Smith";not a number;x\nCarl;+33611111103;"a;b"\n',
		],
		['CR LF, a BOM and blank lines', '\uFEFFphone\r\n\r\n+33611111101\r\n\r\n+3361\r\n;\r\n+33611111103\r\n'],
		['a quoted CR LF inside a value', 'name;phone\r\n"A\r\nB";+33611111101\r\nC;12\r\n'],
		['a quote never closed', 'number\n0611111111\n"0622222222\n0633333333\n'],
		['a stray quote inside an unquoted value', 'name;phone\nO"Brien;+33611111101\nAnn;+33611111102\n'],
	];
	const inChunks = (text: string, size: number) => () => {
		const bytes = new TextEncoder().encode(text);
		const chunks: Uint8Array[] = [];
		for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
		return chunks;
	};
	test.each(files)('%s', async (_name, text) => {
		const whole = await readRecipientCsv(text, fr);
		for (const size of [1, 3, 7, 64]) {
			const streamed = await readRecipientCsv(inChunks(text, size), fr);
			expect({ numbers: streamed.recipients.numbers, invalid: streamed.recipients.invalid, rows: streamed.rows }).toEqual({
				numbers: whole.recipients.numbers,
				invalid: whole.recipients.invalid,
				rows: whole.rows,
			});
		}
	});
});
