/**
 * One campaign for many input items whose messages differ (`{{ }}` expressions per item):
 * OVHcloud's campaign takes one text, so the part every message shares becomes the text and
 * each receiver's own part goes into a recipient list column, read back through a `#column#`
 * placeholder. Keeping the shared part out of the column matters: OVHcloud only takes GSM-7
 * text in columns, so an emoji in the shared part still works.
 */

/** The recipient list column that holds each receiver's own part of the message. */
export const VARIANT_COLUMN = 'text';

export interface MessageVariants {
	/** What OVHcloud is given: the shared text around `#text#`, or the one message when all are the same. */
	template: string;
	/** null when every message is the same (no list needed). */
	column: string | null;
	/** Each message's own part, in input order (empty when `column` is null). */
	variants: string[];
}

function commonPrefixLength(texts: readonly string[], limit: number): number {
	const first = texts[0];
	let length = 0;
	while (length < limit && texts.every((text) => text.charCodeAt(length) === first.charCodeAt(length))) length++;
	return length;
}

function commonSuffixLength(texts: readonly string[], limit: number): number {
	const first = texts[0];
	let length = 0;
	const at = (text: string, fromEnd: number) => text.charCodeAt(text.length - 1 - fromEnd);
	while (length < limit && texts.every((text) => at(text, length) === at(first, length))) length++;
	return length;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

export function factorMessages(messages: readonly string[]): MessageVariants {
	if (messages.length === 0 || messages.every((message) => message === messages[0])) {
		return { template: messages[0] ?? '', column: null, variants: [] };
	}
	const shortest = Math.min(...messages.map((message) => message.length));
	const first = messages[0];
	let prefix = commonPrefixLength(messages, shortest);
	let suffix = commonSuffixLength(messages, shortest - prefix);
	// Never cut a character in two.
	if (prefix > 0 && isHighSurrogate(first.charCodeAt(prefix - 1))) prefix--;
	if (suffix > 0 && isLowSurrogate(first.charCodeAt(first.length - suffix))) suffix--;
	// Never leave half a `#name` next to the placeholder: "#code" + "#text#" would read as #code#.
	const openToken = /#[^#\s]*$/.exec(first.slice(0, prefix));
	if (openToken) prefix = openToken.index;
	const closeToken = /^[^#\s]*#/.exec(first.slice(first.length - suffix));
	if (closeToken) suffix -= closeToken[0].length;
	const head = first.slice(0, prefix);
	const tail = first.slice(first.length - suffix);
	// The shared text may itself say "#text#"; OVHcloud would fill that too.
	let column = VARIANT_COLUMN;
	while (`${head}${tail}`.includes(`#${column}#`)) column += '_';
	return {
		template: `${head}#${column}#${tail}`,
		column,
		variants: messages.map((message) => message.slice(prefix, message.length - suffix)),
	};
}
