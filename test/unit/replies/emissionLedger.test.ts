import { EmissionLedger } from '../../../lib/replies';

describe('EmissionLedger', () => {
	test('an id is claimed once; a second claim is refused', () => {
		const ledger = new EmissionLedger();
		expect([ledger.claim('17'), ledger.claim('17'), ledger.claim('18')]).toEqual([true, false, true]);
	});

	test('the oldest ids go first beyond the limit', () => {
		const ledger = new EmissionLedger(3);
		for (const id of ['1', '2', '3', '4']) ledger.claim(id);
		expect(ledger.size).toBe(3);
		expect(ledger.has('1')).toBe(false);
		expect(ledger.newest(10)).toEqual(['2', '3', '4']);
		expect(ledger.newest(2)).toEqual(['3', '4']);
	});

	test.each([
		['a saved list', ['5', '6'], ['5', '6']],
		['not a list', { ids: ['5'] }, []],
		['a list with junk', ['5', 7, null, ''], ['5']],
	])('absorbs %s from static data', (_name, saved, kept) => {
		const ledger = new EmissionLedger();
		ledger.absorb(saved);
		expect(ledger.newest(10)).toEqual(kept);
		for (const id of kept) expect(ledger.claim(id)).toBe(false);
	});
});
