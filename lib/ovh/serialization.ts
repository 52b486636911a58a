import type { Query } from './types';

/**
 * JSON with every character above U+007F written as a \uXXXX escape, as OVHcloud's own
 * Node client does. The body is then pure ASCII, so the signed string and the bytes on
 * the wire cannot differ, whatever the transport's text encoding (accents, emoji, and even
 * lone surrogates, which JSON escapes keep intact).
 */
export function serializeBody(body: unknown): string {
	const json = JSON.stringify(body);
	if (json === undefined) throw new Error('Request body cannot be serialised to JSON');
	let ascii = '';
	let start = 0;
	for (let i = 0; i < json.length; i++) {
		const code = json.charCodeAt(i);
		if (code > 0x7f) {
			ascii += json.slice(start, i) + '\\u' + code.toString(16).padStart(4, '0');
			start = i + 1;
		}
	}
	return start === 0 ? json : ascii + json.slice(start);
}

function encodeQueryValue(value: string | number | boolean): string {
	// Python's client documents that the API wants booleans as lower-case words.
	return encodeURIComponent(typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));
}

/**
 * `a=1&b=x%20y&list=1&list=2`: spaces as %20 and `+` as %2B (a literal `+` in a query means a
 * space to most servers, so an E.164 number must be escaped), arrays as repeated keys,
 * null and undefined left out. The order is the caller's, so the signature is stable.
 */
export function buildQueryString(query: Query | undefined): string {
	if (!query) return '';
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(query)) {
		if (value === null || value === undefined) continue;
		const values = Array.isArray(value) ? value : [value];
		for (const v of values) pairs.push(`${encodeURIComponent(key)}=${encodeQueryValue(v)}`);
	}
	return pairs.join('&');
}

/** Joins path segments, escaping each one: sender names may contain spaces or `+`. */
export function buildPath(segments: Array<string | number>): string {
	return '/' + segments.map((s) => encodeURIComponent(String(s))).join('/');
}

export function buildUrl(baseUrl: string, path: string, query?: Query): string {
	const qs = buildQueryString(query);
	const normalisedPath = path.startsWith('/') ? path : `/${path}`;
	return `${baseUrl.replace(/\/+$/, '')}${normalisedPath}${qs ? `?${qs}` : ''}`;
}
