import { analyzeMessage } from '../../../lib/encoding';
import { countParts, STOP_CLAUSE } from '../../../sandbox/part-count';
import { BOUNDARY_VECTORS } from '../encoding/boundaryVectors';

// The sandbox bills with its own counter; these vectors are where the two must agree, so that
// a credit mismatch in an integration test points at lib/encoding, not at the emulator.
const plainVectors = BOUNDARY_VECTORS.filter(
	(vector) => !vector.options || Object.keys(vector.options).every((key) => key === 'stopClause'),
);

describe('the sandbox part counter', () => {
	it('has vectors to check (the boundary table is not filtered away)', () => {
		expect(plainVectors.length).toBeGreaterThan(20);
	});

	describe.each(plainVectors)('$name', (vector) => {
		const stopClause = vector.options?.stopClause === true;

		it('counts the hand-derived encoding, units and parts', () => {
			const counted = countParts(vector.text, { stopClause });
			expect({ encoding: counted.encoding, units: counted.units, parts: counted.parts }).toEqual({
				encoding: vector.encoding,
				units: vector.units,
				parts: vector.parts,
			});
			if (vector.unitsPerPart) expect(counted.unitsPerPart).toEqual(vector.unitsPerPart);
		});

		it('agrees with lib/encoding on parts and per-part size', () => {
			const counted = countParts(vector.text, { stopClause });
			const analysis = analyzeMessage(vector.text, { stopClause });
			expect({ parts: counted.parts, perPart: counted.perPart }).toEqual({ parts: analysis.parts, perPart: analysis.perPart });
		});
	});

	it('appends the 11-character STOP mention before counting', () => {
		expect(STOP_CLAUSE).toHaveLength(11);
		expect(countParts('a'.repeat(149), { stopClause: true })).toMatchObject({ units: 160, parts: 1 });
		expect(countParts('a'.repeat(150), { stopClause: true })).toMatchObject({ units: 161, parts: 2 });
	});
});
