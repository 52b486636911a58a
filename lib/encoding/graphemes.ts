/**
 * Grapheme cluster boundaries from the runtime's ICU data (`Intl.Segmenter`), so the policy
 * follows current Unicode emoji rules instead of a bundled, ageing copy.
 * The project's TypeScript lib is ES2021, which predates the Segmenter typings.
 */
interface GraphemeSegment {
	index: number;
}
interface GraphemeSegments {
	containing(codeUnitIndex: number): GraphemeSegment | undefined;
}
interface GraphemeSegmenter {
	segment(text: string): GraphemeSegments;
}
type GraphemeSegmenterConstructor = new (locales: undefined, options: { granularity: 'grapheme' }) => GraphemeSegmenter;

let segmenter: GraphemeSegmenter | undefined;

function graphemeSegmenter(): GraphemeSegmenter {
	if (segmenter === undefined) {
		const Segmenter = (Intl as unknown as { Segmenter?: GraphemeSegmenterConstructor }).Segmenter;
		if (Segmenter === undefined) {
			throw new Error('preserveGraphemes needs Intl.Segmenter, which this JavaScript runtime lacks');
		}
		segmenter = new Segmenter(undefined, { granularity: 'grapheme' });
	}
	return segmenter;
}

/** Answers "where does the cluster around this index start?" for one text. */
export interface GraphemeBoundaries {
	clusterStart(codeUnitIndex: number): number;
}

export function graphemeBoundaries(text: string): GraphemeBoundaries {
	const segments = graphemeSegmenter().segment(text);
	return {
		clusterStart(codeUnitIndex: number): number {
			return segments.containing(codeUnitIndex)?.index ?? codeUnitIndex;
		},
	};
}
