import { extractKeyword, foldKeyword } from './keyword';
import { phoneNumberKey } from './phoneNumbers';

/** Which replies start the workflow. An empty list lets everything through. */
export interface ReplyFilter {
	senders: string[];
	keywords: string[];
	tags: string[];
}

export interface FilterableReply {
	sender: string;
	message: string;
	tag?: string | null;
}

/** "YES, OUI;  STOP" or one value a line → ["YES", "OUI", "STOP"]. */
export function parseFilterList(text: string | string[] | null | undefined): string[] {
	const values = Array.isArray(text) ? text : typeof text === 'string' ? text.split(/[,;\n]/) : [];
	return values.map((value) => value.trim()).filter((value) => value !== '');
}

export function createReplyFilter(input: { senders?: string; keywords?: string; tags?: string } = {}): ReplyFilter {
	return {
		senders: parseFilterList(input.senders).map(phoneNumberKey),
		keywords: parseFilterList(input.keywords).map(foldKeyword),
		tags: parseFilterList(input.tags),
	};
}

/** Tags are labels the workflow author chose when sending: compared exactly. */
export function matchesTag(tag: string | null | undefined, tags: string[]): boolean {
	return tags.length === 0 || (typeof tag === 'string' && tags.includes(tag));
}

export function matchesReplyFilter(reply: FilterableReply, filter: ReplyFilter): boolean {
	if (filter.senders.length > 0 && !filter.senders.includes(phoneNumberKey(reply.sender))) return false;
	if (filter.keywords.length > 0 && !filter.keywords.includes(foldKeyword(extractKeyword(reply.message)))) return false;
	return matchesTag(reply.tag, filter.tags);
}
