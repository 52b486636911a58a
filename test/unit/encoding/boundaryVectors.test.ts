import { analyzeMessage, splitMessage } from '../../../lib/encoding';
import { BOUNDARY_VECTORS } from './boundaryVectors';

describe('boundary vectors (3GPP TS 23.038 / 23.040)', () => {
	it('has at least 80 vectors', () => {
		expect(BOUNDARY_VECTORS.length).toBeGreaterThanOrEqual(80);
	});

	describe.each(BOUNDARY_VECTORS)('$name', (vector) => {
		it('has the expected encoding, units and parts', () => {
			const analysis = analyzeMessage(vector.text, vector.options);
			expect({ encoding: analysis.encoding, units: analysis.units, parts: analysis.parts }).toEqual({
				encoding: vector.encoding,
				units: vector.units,
				parts: vector.parts,
			});
			if (vector.unitsPerPart) expect(analysis.unitsPerPart).toEqual(vector.unitsPerPart);
		});

		it('splits into that many parts', () => {
			expect(splitMessage(vector.text, vector.options)).toHaveLength(vector.parts);
		});

		it('keeps grapheme clusters whole on request', () => {
			const options = { ...vector.options, preserveGraphemes: true };
			const expected = vector.graphemeParts ?? vector.parts;
			expect(analyzeMessage(vector.text, options).parts).toBe(expected);
			expect(splitMessage(vector.text, options)).toHaveLength(expected);
		});
	});
});
