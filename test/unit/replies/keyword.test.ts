import { extractKeyword, foldKeyword } from '../../../lib/replies';

describe('extractKeyword', () => {
	test.each([
		['YES', 'YES'],
		['yes', 'YES'],
		['  Yes!  I will come', 'YES'],
		['stop.', 'STOP'],
		['Stop\nplease', 'STOP'],
		['«Oui»', 'OUI'],
		['Arrêt', 'ARRÊT'],
		['RE-SEND please', 'RE-SEND'],
		['42 is my answer', '42'],
		['', ''],
		['   ', ''],
		['!!!', ''],
	])('%j → %j', (message, keyword) => {
		expect(extractKeyword(message)).toBe(keyword);
	});

	test('a decomposed accent is read as the composed letter', () => {
		expect(extractKeyword('Arre\u0302t')).toBe('ARRÊT');
	});
});

describe('foldKeyword', () => {
	test('case and accents do not matter', () => {
		expect(foldKeyword('arrêt')).toBe('ARRET');
		expect(foldKeyword('ARRET')).toBe('ARRET');
		expect(foldKeyword(' Oui! ')).toBe('OUI');
	});
});
