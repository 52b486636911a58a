import { NATIONAL_LANGUAGES, analyzeMessage, type NationalLanguage } from '../../../lib/encoding';

describe("national language shift tables ('what would it cost' mode)", () => {
	it('offers Turkish, Spanish and Portuguese', () => {
		expect(NATIONAL_LANGUAGES).toEqual(['turkish', 'spanish', 'portuguese']);
	});

	it('keeps a Spanish text in GSM-7 with the Spanish single shift table, without changing the main estimate', () => {
		const text = 'Mañana día útil'; // í and ú are in the Spanish single shift table (2 septets each)
		const analysis = analyzeMessage(text, { nationalLanguages: ['spanish'] });
		expect(analysis).toMatchObject({ encoding: 'UCS-2', units: 15, parts: 1 });
		expect(analysis.nationalLanguage).toEqual({
			encoding: 'GSM-7',
			lockingShift: null,
			singleShift: 'spanish',
			udhOctets: 4, // UDHL + single shift element: 160 − ceil(32 / 7) = 155 septets
			units: 17,
			parts: 1,
			perPart: 155,
			remainingInPart: 138,
			unitsPerPart: [17],
		});
	});

	it('uses the Turkish locking shift table when it carries every letter at 1 septet', () => {
		const analysis = analyzeMessage('Şişli ırmak çiçek İğne', { nationalLanguages: ['turkish'] });
		expect(analysis.nationalLanguage).toMatchObject({ lockingShift: 'turkish', singleShift: null, units: 22, perPart: 155 });
	});

	it('uses the Portuguese locking shift table for ã, á and ç', () => {
		const analysis = analyzeMessage('Não há ação', { nationalLanguages: ['portuguese'] });
		expect(analysis.nationalLanguage).toMatchObject({ lockingShift: 'portuguese', singleShift: null, units: 11 });
	});

	it('combines a locking table of one language with the single shift table of another', () => {
		// ı is only in Turkish tables, á only in the Spanish and Portuguese single shift tables
		const analysis = analyzeMessage('ı á', { nationalLanguages: ['turkish', 'spanish'] });
		expect(analysis.nationalLanguage).toMatchObject({
			lockingShift: 'turkish',
			singleShift: 'spanish',
			udhOctets: 7,
			perPart: 152,
			units: 4,
		});
	});

	it('sizes concatenated parts with the shift elements in the header (149 with one table)', () => {
		const text = 'Información útil '.repeat(12); // 204 characters; ó and ú, 2 septets each, 12 times: 228 septets
		const analysis = analyzeMessage(text, { nationalLanguages: ['spanish'] });
		expect(analysis.nationalLanguage).toMatchObject({ singleShift: 'spanish', udhOctets: 9, perPart: 149, units: 228, parts: 2 });
		expect(analysis).toMatchObject({ encoding: 'UCS-2', parts: 4 });
	});

	it('sizes parts at 148 with a 16-bit concatenation reference and one table', () => {
		const text = 'Información útil '.repeat(12);
		const analysis = analyzeMessage(text, { nationalLanguages: ['spanish'], concatenation: '16bit' });
		expect(analysis.nationalLanguage).toMatchObject({ udhOctets: 10, perPart: 148 });
	});

	it('can make even a GSM-7 text cheaper (~ is 1 septet in the Portuguese locking table)', () => {
		const analysis = analyzeMessage('~'.repeat(160), { nationalLanguages: ['portuguese'] });
		expect(analysis).toMatchObject({ encoding: 'GSM-7', units: 320, parts: 3 });
		expect(analysis.nationalLanguage).toMatchObject({ lockingShift: 'portuguese', units: 160, perPart: 149, parts: 2 });
	});

	it('keeps the default tables when they are already the cheapest', () => {
		const analysis = analyzeMessage('Hello', { nationalLanguages: ['turkish', 'spanish', 'portuguese'] });
		expect(analysis.nationalLanguage).toMatchObject({ lockingShift: null, singleShift: null, udhOctets: 0, perPart: 160, units: 5 });
	});

	it('returns null when no table combination carries the text', () => {
		expect(analyzeMessage('Olá 😀', { nationalLanguages: ['portuguese'] }).nationalLanguage).toBeNull();
	});

	it('never uses a Spanish locking table, which does not exist', () => {
		const analysis = analyzeMessage('~'.repeat(160), { nationalLanguages: ['spanish'] });
		expect(analysis.nationalLanguage).toMatchObject({ lockingShift: null });
	});

	it('counts the STOP clause in the alternative too', () => {
		const analysis = analyzeMessage('día', { nationalLanguages: ['spanish'], stopClause: true });
		expect(analysis.nationalLanguage).toMatchObject({ units: 15 });
	});

	it('rejects an unknown language', () => {
		expect(() => analyzeMessage('a', { nationalLanguages: ['klingon' as NationalLanguage] })).toThrow(RangeError);
	});
});
