/**
 * The message's cost while typing: notices under Message, shown by n8n through displayOptions
 * regular expressions on the text (n8n 2.41 re-checks them on every keystroke, but shows an
 * expression `hint` as literal text). The patterns are generated from lib/encoding
 * (messageCost.generated.ts). What a notice cannot know it says: "about" past one SMS, and
 * an expression is counted on the input item n8n resolves it with, or at run time.
 */
import type { INodeProperties } from 'n8n-workflow';
import { MESSAGE_COST_PATTERNS } from './messageCost.generated';

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;
type PatternName = keyof typeof MESSAGE_COST_PATTERNS | 'empty';

const EXTENSION_NOTE = '€ { } [ ] ~ ^ | \\ count as 2';
const STOP_NOTE = 'With the STOP mention OVHcloud adds for a sender name or the short number (11 characters), it is 2 SMS.';

const gsm = (parts: number) => `GSM-7 text: about ${parts} SMS (153 characters each; ${EXTENSION_NOTE}).`;
const unicode = (parts: number) => `Unicode text: about ${parts} SMS (67 characters each instead of 153; an emoji counts 2).`;
const MORE = 'more than 6 SMS, over the default Maximum Parts (6). Each SMS is billed.';

const TEXTS: Record<PatternName, string> = {
	empty:
		'Type the message to see its cost. An expression is counted on the input item once the previous node has run; without input data, at run time (Dry Run or Estimate).',
	gsm1: `GSM-7 text: 1 SMS (160 characters fit; ${EXTENSION_NOTE}).`,
	gsmStop2: STOP_NOTE,
	gsm2: gsm(2),
	gsm3: gsm(3),
	gsm4: gsm(4),
	gsm5: gsm(5),
	gsm6: gsm(6),
	gsmMore: `GSM-7 text: ${MORE}`,
	unicode1: 'Unicode text: 1 SMS (70 characters fit instead of 160; an emoji counts 2).',
	unicodeStop2: STOP_NOTE,
	unicode2: unicode(2),
	unicode3: unicode(3),
	unicode4: unicode(4),
	unicode5: unicode(5),
	unicode6: unicode(6),
	unicodeMore: `Unicode text: ${MORE}`,
	becauseEmoji: 'Unicode because of an emoji (or another character outside the GSM alphabet): 70 characters per SMS instead of 160.',
	becauseTypography:
		'Unicode because of a typographic character (’ “ ” – — … or a special space): Transliteration › Safe replaces it when sending (counted here as typed).',
	becauseLetter:
		'Unicode because of a letter outside the GSM alphabet (such as ç, ê, á, or Cyrillic): Transliteration › Lossy replaces accented ones when sending (counted here as typed).',
};

/** Hidden where OVHcloud adds no STOP mention whatever the length. */
const STOP_HIDE = { 'options.noStopClause': [true], senderType: ['virtualNumber'] };

const noticeName = (pattern: PatternName) => `messageCost${pattern.charAt(0).toUpperCase()}${pattern.slice(1)}`;

/** The notices to put right after an operation's Message field. */
export function messageCostNotices(show: Show): INodeProperties[] {
	// Nothing to count: no text yet, or an expression n8n resolves to nothing (undefined, not
	// a string, which no regular expression condition matches) because it has no input item.
	const empty: INodeProperties = {
		displayName: TEXTS.empty,
		name: noticeName('empty'),
		type: 'notice',
		default: '',
		displayOptions: { show, hide: { message: [{ _cnd: { exists: true } }] } },
	};
	const counts = (Object.keys(MESSAGE_COST_PATTERNS) as Array<keyof typeof MESSAGE_COST_PATTERNS>).map(
		(pattern): INodeProperties => ({
			displayName: TEXTS[pattern],
			name: noticeName(pattern),
			type: 'notice',
			default: '',
			displayOptions: {
				show: { ...show, message: [{ _cnd: { regex: MESSAGE_COST_PATTERNS[pattern] } }] },
				...(pattern === 'gsmStop2' || pattern === 'unicodeStop2' ? { hide: STOP_HIDE } : {}),
			},
		}),
	);
	return [empty, ...counts];
}
