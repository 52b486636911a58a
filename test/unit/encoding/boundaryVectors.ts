/**
 * Boundary vectors derived by hand from 3GPP TS 23.038 / 23.040 (see docs/encoding.md):
 * GSM-7 160 alone / 153 per part, UCS-2 70 / 67, 16-bit reference 152 / 66, extension
 * characters 2 septets, escape and surrogate pairs never cut. `unitsPerPart` is given
 * wherever a pair straddles a boundary, since that is where `ceil(units / 153)` goes wrong.
 */
import type { Encoding, MessageOptions } from '../../../lib/encoding';

export interface BoundaryVector {
	name: string;
	text: string;
	options?: MessageOptions;
	encoding: Encoding;
	units: number;
	parts: number;
	unitsPerPart?: number[];
	/** Parts when grapheme clusters are kept whole, where that differs. */
	graphemeParts?: number;
}

const a = (count: number): string => 'a'.repeat(count);
const zhe = (count: number): string => 'Ж'.repeat(count); // U+0416: one UCS-2 unit, not GSM
const GRINNING = '😀'; // U+1F600: a surrogate pair
const FAMILY = '👨‍👩‍👧‍👦'; // 4 emoji + 3 ZWJ = 11 units, one grapheme
const FRENCH_FLAG = '🇫🇷'; // two regional indicators, 4 units, one grapheme
const THUMBS_UP_MEDIUM = '👍🏽'; // emoji + skin tone modifier, 4 units, one grapheme
const CLAUSE = { stopClause: true } as const;

/** Every basic-table character once (127), typed from the 3GPP table. */
const ALL_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

const EXTENSION_AT_BOUNDARY: BoundaryVector[] = ['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f'].map((character) => ({
	name: `${JSON.stringify(character)} straddling the 153rd septet is moved whole to part 2`,
	text: a(152) + character + a(152),
	encoding: 'GSM-7',
	units: 306,
	parts: 3,
	unitsPerPart: [152, 153, 1],
}));

const LOOK_ALIKES: BoundaryVector[] = [
	['Greek capital alpha U+0391 (looks like A)', 'Α'],
	['Greek small alpha', 'α'],
	['grave accent `', '`'],
	['right single quotation mark', '’'],
	['left double quotation mark', '“'],
	['horizontal ellipsis', '…'],
	['en dash', '–'],
	['small c cedilla ç (only capital Ç is GSM)', 'ç'],
	['capital A grave À (only small à is GSM)', 'À'],
	['OHM SIGN U+2126 (GSM has GREEK CAPITAL OMEGA)', '\u2126'],
	['no-break space', '\u00a0'],
	['TAB', '\t'],
	['LINE SEPARATOR U+2028', '\u2028'],
	['degree sign', '°'],
	['zero width space', '\u200b'],
].map(([what, character]) => ({
	name: `${what} forces UCS-2`,
	text: `ab${character}`,
	encoding: 'UCS-2',
	units: 3,
	parts: 1,
}));

export const BOUNDARY_VECTORS: BoundaryVector[] = [
	// GSM-7 lengths around 160, 306 and 153 × k
	{ name: 'empty text is one (empty) part', text: '', encoding: 'GSM-7', units: 0, parts: 1, unitsPerPart: [0] },
	{ name: 'one letter', text: 'a', encoding: 'GSM-7', units: 1, parts: 1 },
	{ name: '159 letters', text: a(159), encoding: 'GSM-7', units: 159, parts: 1 },
	{ name: '160 letters fill one SMS', text: a(160), encoding: 'GSM-7', units: 160, parts: 1, unitsPerPart: [160] },
	{ name: '161 letters need 2 parts of 153', text: a(161), encoding: 'GSM-7', units: 161, parts: 2, unitsPerPart: [153, 8] },
	{ name: '305 letters', text: a(305), encoding: 'GSM-7', units: 305, parts: 2 },
	{ name: '306 letters fill 2 parts', text: a(306), encoding: 'GSM-7', units: 306, parts: 2, unitsPerPart: [153, 153] },
	{ name: '307 letters need 3 parts', text: a(307), encoding: 'GSM-7', units: 307, parts: 3, unitsPerPart: [153, 153, 1] },
	{ name: '153×3 − 1 letters', text: a(458), encoding: 'GSM-7', units: 458, parts: 3 },
	{ name: '153×3 letters', text: a(459), encoding: 'GSM-7', units: 459, parts: 3 },
	{ name: '153×3 + 1 letters', text: a(460), encoding: 'GSM-7', units: 460, parts: 4 },
	{ name: '153×4 − 1 letters', text: a(611), encoding: 'GSM-7', units: 611, parts: 4 },
	{ name: '153×4 letters', text: a(612), encoding: 'GSM-7', units: 612, parts: 4 },
	{ name: '153×4 + 1 letters', text: a(613), encoding: 'GSM-7', units: 613, parts: 5 },
	{ name: '153×10 letters', text: a(1530), encoding: 'GSM-7', units: 1530, parts: 10 },
	{ name: '153×10 + 1 letters', text: a(1531), encoding: 'GSM-7', units: 1531, parts: 11 },
	{ name: '153×255 letters: the most an 8-bit reference can number', text: a(39015), encoding: 'GSM-7', units: 39015, parts: 255 },
	{ name: '160 GSM accented letters stay one SMS', text: 'é'.repeat(160), encoding: 'GSM-7', units: 160, parts: 1 },
	{ name: '161 GSM Greek capitals', text: 'Δ'.repeat(161), encoding: 'GSM-7', units: 161, parts: 2 },
	{ name: 'every basic-table character costs 1 septet', text: ALL_BASIC, encoding: 'GSM-7', units: 127, parts: 1 },
	{ name: 'every extension character costs 2 septets', text: '\f^{}\\[~]|€', encoding: 'GSM-7', units: 20, parts: 1 },

	// Extension characters at part boundaries
	{ name: '€ alone is 2 septets', text: '€', encoding: 'GSM-7', units: 2, parts: 1 },
	{ name: '158 letters + € = 160 septets, one SMS', text: a(158) + '€', encoding: 'GSM-7', units: 160, parts: 1 },
	{ name: '159 letters + € = 161 septets', text: a(159) + '€', encoding: 'GSM-7', units: 161, parts: 2, unitsPerPart: [153, 8] },
	{ name: '80 × € = 160 septets, one SMS', text: '€'.repeat(80), encoding: 'GSM-7', units: 160, parts: 1 },
	{
		name: '81 × € = 162 septets: part 1 closes at 152',
		text: '€'.repeat(81),
		encoding: 'GSM-7',
		units: 162,
		parts: 2,
		unitsPerPart: [152, 10],
	},
	{
		name: '153 × ] = 306 septets needs 3 parts (Twilio bills 3)',
		text: ']'.repeat(153),
		encoding: 'GSM-7',
		units: 306,
		parts: 3,
		unitsPerPart: [152, 152, 2],
	},
	...EXTENSION_AT_BOUNDARY,
	{
		name: '151 + € + 153: the pair ends part 1 exactly',
		text: a(151) + '€' + a(153),
		encoding: 'GSM-7',
		units: 306,
		parts: 2,
		unitsPerPart: [153, 153],
	},
	{
		name: '153 + € + 151: the pair starts part 2',
		text: a(153) + '€' + a(151),
		encoding: 'GSM-7',
		units: 306,
		parts: 2,
		unitsPerPart: [153, 153],
	},
	{ name: 'a straddling pair does not matter within 160 septets', text: a(152) + '€' + a(6), encoding: 'GSM-7', units: 160, parts: 1 },
	{ name: '152 + € + 7 = 161 septets', text: a(152) + '€' + a(7), encoding: 'GSM-7', units: 161, parts: 2, unitsPerPart: [152, 9] },
	{
		name: '€ straddling the 306th septet: 459 septets need 4 parts',
		text: a(305) + '€' + a(152),
		encoding: 'GSM-7',
		units: 459,
		parts: 4,
		unitsPerPart: [153, 152, 153, 1],
	},
	{
		name: '€ ending part 2 exactly: 459 septets in 3 parts',
		text: a(304) + '€' + a(153),
		encoding: 'GSM-7',
		units: 459,
		parts: 3,
		unitsPerPart: [153, 153, 153],
	},
	{
		name: '€ straddling the 459th septet: 612 septets need 5 parts',
		text: a(458) + '€' + a(152),
		encoding: 'GSM-7',
		units: 612,
		parts: 5,
		unitsPerPart: [153, 153, 152, 153, 1],
	},
	{ name: '€ ending part 3 exactly: 612 septets in 4 parts', text: a(457) + '€' + a(153), encoding: 'GSM-7', units: 612, parts: 4 },
	{ name: 'form feed is GSM (extension table), 2 septets', text: '\f', encoding: 'GSM-7', units: 2, parts: 1 },
	{ name: '159 letters + form feed = 161 septets', text: a(159) + '\f', encoding: 'GSM-7', units: 161, parts: 2 },

	// Line breaks
	{ name: 'CR LF is 2 septets', text: '\r\n', encoding: 'GSM-7', units: 2, parts: 1 },
	{
		name: '80 + CR LF + 79 = 161 septets (Twilio test plan: 2 parts)',
		text: a(80) + '\r\n' + a(79),
		encoding: 'GSM-7',
		units: 161,
		parts: 2,
	},
	{ name: '80 × CR LF = 160 septets', text: '\r\n'.repeat(80), encoding: 'GSM-7', units: 160, parts: 1 },
	{
		name: 'CR and LF may end and start two parts',
		text: a(152) + '\r\n' + a(152),
		encoding: 'GSM-7',
		units: 306,
		parts: 2,
		unitsPerPart: [153, 153],
	},

	// UCS-2 lengths around 70 and 67 × k
	{ name: 'one Cyrillic letter switches to UCS-2', text: zhe(1), encoding: 'UCS-2', units: 1, parts: 1 },
	{ name: '70 UCS-2 units fill one SMS', text: zhe(70), encoding: 'UCS-2', units: 70, parts: 1 },
	{ name: '71 UCS-2 units need 2 parts of 67', text: zhe(71), encoding: 'UCS-2', units: 71, parts: 2, unitsPerPart: [67, 4] },
	{ name: '134 UCS-2 units fill 2 parts', text: zhe(134), encoding: 'UCS-2', units: 134, parts: 2 },
	{ name: '135 UCS-2 units need 3 parts', text: zhe(135), encoding: 'UCS-2', units: 135, parts: 3 },
	{ name: '67×3 UCS-2 units', text: zhe(201), encoding: 'UCS-2', units: 201, parts: 3 },
	{ name: '67×3 + 1 UCS-2 units', text: zhe(202), encoding: 'UCS-2', units: 202, parts: 4 },
	{
		name: '100 letters + ç: one character switches the whole message',
		text: a(100) + 'ç',
		encoding: 'UCS-2',
		units: 101,
		parts: 2,
		unitsPerPart: [67, 34],
	},
	{
		name: '159 letters + 😀: 161 UCS-2 units, 3 parts',
		text: a(159) + GRINNING,
		encoding: 'UCS-2',
		units: 161,
		parts: 3,
		unitsPerPart: [67, 67, 27],
	},
	{ name: 'extension characters cost 1 unit in UCS-2 (70 units)', text: 'ç' + '€'.repeat(69), encoding: 'UCS-2', units: 70, parts: 1 },
	{ name: 'extension characters cost 1 unit in UCS-2 (71 units)', text: 'ç' + '€'.repeat(70), encoding: 'UCS-2', units: 71, parts: 2 },
	{ name: '😀 + 68 × { = 70 units, one SMS', text: GRINNING + '{'.repeat(68), encoding: 'UCS-2', units: 70, parts: 1 },
	{ name: 'capital Ç is GSM', text: 'Ç', encoding: 'GSM-7', units: 1, parts: 1 },
	{ name: 'GSM Greek capitals stay GSM', text: 'ΔΦΓΛΩΠΨΣΘΞ', encoding: 'GSM-7', units: 10, parts: 1 },
	{ name: 'GREEK CAPITAL OMEGA U+03A9 is GSM', text: 'Ω', encoding: 'GSM-7', units: 1, parts: 1 },
	{ name: 'precomposed é is GSM', text: 'é', encoding: 'GSM-7', units: 1, parts: 1 },
	{ name: 'e + COMBINING ACUTE is 2 UCS-2 units', text: 'e\u0301', encoding: 'UCS-2', units: 2, parts: 1 },
	...LOOK_ALIKES,

	// Surrogate pairs at part boundaries
	{ name: '😀 is one surrogate pair: 2 units', text: GRINNING, encoding: 'UCS-2', units: 2, parts: 1 },
	{ name: '35 × 😀 = 70 units', text: GRINNING.repeat(35), encoding: 'UCS-2', units: 70, parts: 1 },
	{
		name: '36 × 😀 = 72 units: part 1 closes at 66',
		text: GRINNING.repeat(36),
		encoding: 'UCS-2',
		units: 72,
		parts: 2,
		unitsPerPart: [66, 6],
	},
	{
		name: '66 + 😀 + 66 = 134 units needs 3 parts',
		text: zhe(66) + GRINNING + zhe(66),
		encoding: 'UCS-2',
		units: 134,
		parts: 3,
		unitsPerPart: [66, 67, 1],
	},
	{
		name: '65 + 😀 + 67: the pair ends part 1',
		text: zhe(65) + GRINNING + zhe(67),
		encoding: 'UCS-2',
		units: 134,
		parts: 2,
		unitsPerPart: [67, 67],
	},
	{ name: '67 + 😀 + 65: the pair starts part 2', text: zhe(67) + GRINNING + zhe(65), encoding: 'UCS-2', units: 134, parts: 2 },
	{ name: 'a straddling pair does not matter within 70 units', text: zhe(66) + GRINNING + zhe(2), encoding: 'UCS-2', units: 70, parts: 1 },
	{ name: '66 + 😀 + 3 = 71 units', text: zhe(66) + GRINNING + zhe(3), encoding: 'UCS-2', units: 71, parts: 2, unitsPerPart: [66, 5] },
	{
		name: '😀 straddling unit 134: 201 units need 4 parts',
		text: zhe(133) + GRINNING + zhe(66),
		encoding: 'UCS-2',
		units: 201,
		parts: 4,
		unitsPerPart: [67, 66, 67, 1],
	},
	{ name: '😀 ending part 2: 201 units in 3 parts', text: zhe(132) + GRINNING + zhe(67), encoding: 'UCS-2', units: 201, parts: 3 },

	// Grapheme clusters: the 3GPP rule only protects surrogate pairs; Android keeps clusters whole
	{ name: 'ZWJ family emoji is 11 units', text: FAMILY, encoding: 'UCS-2', units: 11, parts: 1 },
	{
		name: '61 + family + 62 = 134 units',
		text: zhe(61) + FAMILY + zhe(62),
		encoding: 'UCS-2',
		units: 134,
		parts: 2,
		unitsPerPart: [67, 67],
		graphemeParts: 3,
	},
	{ name: 'flag across the boundary', text: zhe(65) + FRENCH_FLAG + zhe(65), encoding: 'UCS-2', units: 134, parts: 2, graphemeParts: 3 },
	{
		name: 'skin tone across the boundary',
		text: zhe(65) + THUMBS_UP_MEDIUM + zhe(65),
		encoding: 'UCS-2',
		units: 134,
		parts: 2,
		graphemeParts: 3,
	},
	{
		name: 'combining mark across the boundary',
		text: zhe(66) + 'e\u0301' + zhe(66),
		encoding: 'UCS-2',
		units: 134,
		parts: 2,
		graphemeParts: 3,
	},
	{ name: 'keycap 1️⃣ is 3 units', text: '1\uFE0F\u20E3', encoding: 'UCS-2', units: 3, parts: 1 },

	// Lone surrogates: 1 unit each, never an error
	{ name: 'lone high surrogate', text: '\uD83D', encoding: 'UCS-2', units: 1, parts: 1 },
	{ name: 'lone low surrogate', text: '\uDE00', encoding: 'UCS-2', units: 1, parts: 1 },
	{ name: 'lone surrogate between letters', text: 'a\uD83Db', encoding: 'UCS-2', units: 3, parts: 1 },
	{ name: 'reversed pair is two lone surrogates', text: '\uDE00\uD83D', encoding: 'UCS-2', units: 2, parts: 1 },
	{
		name: 'lone high surrogate at the boundary is not a pair to keep',
		text: zhe(66) + '\uD83D' + zhe(67),
		encoding: 'UCS-2',
		units: 134,
		parts: 2,
		unitsPerPart: [67, 67],
	},
	{ name: 'lone high surrogate at the very end', text: zhe(70) + '\uD83D', encoding: 'UCS-2', units: 71, parts: 2, unitsPerPart: [67, 4] },

	// 16-bit concatenation reference: 152 / 66 per part, single SMS unchanged
	{ name: '16-bit: 160 letters still one SMS', text: a(160), options: { concatenation: '16bit' }, encoding: 'GSM-7', units: 160, parts: 1 },
	{
		name: '16-bit: 161 letters',
		text: a(161),
		options: { concatenation: '16bit' },
		encoding: 'GSM-7',
		units: 161,
		parts: 2,
		unitsPerPart: [152, 9],
	},
	{ name: '16-bit: 304 letters fill 2 parts', text: a(304), options: { concatenation: '16bit' }, encoding: 'GSM-7', units: 304, parts: 2 },
	{
		name: '16-bit: 305 letters need 3 parts (2 with 8-bit)',
		text: a(305),
		options: { concatenation: '16bit' },
		encoding: 'GSM-7',
		units: 305,
		parts: 3,
		unitsPerPart: [152, 152, 1],
	},
	{
		name: '16-bit: € straddling the 152nd septet',
		text: a(151) + '€' + a(152),
		options: { concatenation: '16bit' },
		encoding: 'GSM-7',
		units: 305,
		parts: 3,
		unitsPerPart: [151, 152, 2],
	},
	{
		name: '8-bit: the same text fits 2 parts',
		text: a(151) + '€' + a(152),
		encoding: 'GSM-7',
		units: 305,
		parts: 2,
		unitsPerPart: [153, 152],
	},
	{
		name: '16-bit: 132 UCS-2 units fill 2 parts',
		text: zhe(132),
		options: { concatenation: '16bit' },
		encoding: 'UCS-2',
		units: 132,
		parts: 2,
		unitsPerPart: [66, 66],
	},
	{
		name: '16-bit: 133 UCS-2 units need 3 parts',
		text: zhe(133),
		options: { concatenation: '16bit' },
		encoding: 'UCS-2',
		units: 133,
		parts: 3,
	},

	// STOP clause (default "\nSTOP:36111", 11 GSM characters)
	{ name: 'STOP clause on an empty text', text: '', options: CLAUSE, encoding: 'GSM-7', units: 11, parts: 1 },
	{ name: '149 letters + STOP clause = 160', text: a(149), options: CLAUSE, encoding: 'GSM-7', units: 160, parts: 1 },
	{ name: '150 letters + STOP clause = 161: 1 SMS becomes 2', text: a(150), options: CLAUSE, encoding: 'GSM-7', units: 161, parts: 2 },
	{ name: '147-character promo with { } € = 150 septets', text: a(144) + '{}€', encoding: 'GSM-7', units: 150, parts: 1 },
	{
		name: 'the same promo with the STOP clause = 161 septets',
		text: a(144) + '{}€',
		options: CLAUSE,
		encoding: 'GSM-7',
		units: 161,
		parts: 2,
	},
	{ name: 'STOP clause in UCS-2: 59 + 11 = 70 units', text: zhe(59), options: CLAUSE, encoding: 'UCS-2', units: 70, parts: 1 },
	{ name: 'STOP clause in UCS-2: 60 + 11 = 71 units', text: zhe(60), options: CLAUSE, encoding: 'UCS-2', units: 71, parts: 2 },
	{
		name: 'custom clause text (13 characters): 147 + 13 = 160',
		text: a(147),
		options: { stopClause: true, stopClauseText: 'STOP au 36111' },
		encoding: 'GSM-7',
		units: 160,
		parts: 1,
	},
	{
		name: 'custom clause text (13 characters): 148 + 13 = 161',
		text: a(148),
		options: { stopClause: true, stopClauseText: 'STOP au 36111' },
		encoding: 'GSM-7',
		units: 161,
		parts: 2,
	},
	{
		name: 'clause text is ignored while the clause is off',
		text: a(160),
		options: { stopClause: false, stopClauseText: 'STOP' },
		encoding: 'GSM-7',
		units: 160,
		parts: 1,
	},
];
