import {
	checkPlaceholders,
	CampaignInputError,
	findNonGsmValues,
	nonGsmValuesError,
	personaliseMessage,
	placeholderNames,
	transliterateValues,
	type RecipientRow,
} from '../../../lib/campaigns';

describe('placeholderNames', () => {
	test('lists each #column# once, in order, and ignores lone # signs', () => {
		expect(placeholderNames('Hi #firstname#, tickets #1 and #2 for #city# (#firstname#)')).toEqual(['firstname', 'city']);
		expect(placeholderNames('No placeholder # here ## at all')).toEqual([]);
	});
});

describe('checkPlaceholders', () => {
	const header = ['number', 'firstname', 'city'];

	test('accepts a message whose placeholders are all columns', () => {
		expect(() => checkPlaceholders('Hi #firstname# from #city#', header)).not.toThrow();
	});

	test('names the unknown column and lists the known ones', () => {
		expect(() => checkPlaceholders('Hi #firstname#, your code is #code#', header)).toThrow(
			new CampaignInputError('The message uses #code#, which is not a column of the CSV (columns: number, firstname, city).'),
		);
	});

	test('names every unknown column, and suggests the column that differs only by case', () => {
		let error: unknown;
		try {
			checkPlaceholders('#Firstname# #code#', header);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(CampaignInputError);
		expect((error as Error).message).toContain('#Firstname#, #code#, which are not columns');
		expect((error as Error).message).toContain('Did you mean #firstname#');
	});
});

describe('personaliseMessage', () => {
	test('fills each placeholder with the row value and leaves unknown ones as written', () => {
		expect(personaliseMessage('Hi #firstname#, see you in #city#. #other#', { firstname: 'Zoé', city: 'Paris' })).toBe(
			'Hi Zoé, see you in Paris. #other#',
		);
	});

	test('does not read placeholders inside substituted values', () => {
		expect(personaliseMessage('#a# #b#', { a: '#b#', b: 'x' })).toBe('#b# x');
	});
});

describe('GSM-7 placeholder values', () => {
	const rows = (): RecipientRow[] => [
		{ line: 2, number: '+33611111111', values: { firstname: 'François', city: 'Paris' } },
		{ line: 3, number: '+33622222222', values: { firstname: 'Zoé', city: 'Lyon 🦁' } },
	];

	test('finds the values with characters GSM-7 lacks, with line, column and characters', () => {
		expect(findNonGsmValues(rows(), ['firstname', 'city'])).toEqual([
			{ line: 2, column: 'firstname', value: 'François', characters: ['ç'] },
			{ line: 3, column: 'city', value: 'Lyon 🦁', characters: ['🦁'] },
		]);
	});

	test('the error names them and says how to fix it', () => {
		const error = nonGsmValuesError(findNonGsmValues(rows(), ['firstname', 'city']), 'line');
		expect(error.message).toContain('line 2, column firstname: "François" (ç)');
		expect(error.message).toContain('"Transliteration" to Lossy');
	});

	test('transliteration rewrites what has a lookalike and reports the rest', () => {
		const table = rows();
		const left = transliterateValues(table, ['firstname', 'city']);
		expect(table[0].values.firstname).toBe('FranÇois');
		expect(left.every((value) => value.characters.every((c) => c !== 'ç'))).toBe(true);
	});
});
