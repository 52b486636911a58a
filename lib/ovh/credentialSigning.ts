import { checkCustomBaseUrl } from './endpoints';
import { buildQueryString, serializeBody } from './serialization';
import { signedHeaders } from './signature';
import type { Query } from './types';

export interface ApplicationKeyCredentials {
	applicationKey: string;
	applicationSecret: string;
	consumerKey: string;
}

/** The parts of an HTTP request a host framework (n8n) hands to a credential before sending. */
export interface OutgoingRequest {
	method?: string;
	baseURL?: string;
	url: string;
	qs?: Query;
	body?: unknown;
	headers?: Record<string, unknown>;
}

/**
 * Signs a request about to be sent by someone else's HTTP stack, and rewrites it so that
 * stack sends exactly what was signed: the query is folded into the URL and the body
 * becomes the final JSON string. The timestamp is the `X-Ovh-Timestamp` header when the
 * client set one (corrected for clock drift), else this machine's clock.
 */
export function signOutgoingRequest<T extends OutgoingRequest>(
	credentials: ApplicationKeyCredentials,
	request: T,
	nowSeconds: number,
): T & { headers: Record<string, unknown> } {
	const method = (request.method ?? 'GET').toUpperCase();
	let url = `${request.baseURL ?? ''}${request.url}`;
	const qs = buildQueryString(request.qs);
	if (qs) url += (url.includes('?') ? '&' : '?') + qs;
	checkCustomBaseUrl(new URL(url).origin, 'Request URL');

	let body = '';
	if (typeof request.body === 'string') body = request.body;
	else if (request.body !== undefined && request.body !== null && !(method === 'GET' || method === 'DELETE')) {
		body = serializeBody(request.body);
	}

	const headers: Record<string, unknown> = { ...request.headers };
	const givenTimestamp = Number(findHeader(headers, 'x-ovh-timestamp'));
	for (const key of Object.keys(headers))
		if (key.toLowerCase().startsWith('x-ovh-') && key.toLowerCase() !== 'x-ovh-batch') delete headers[key];
	const timestamp = Number.isFinite(givenTimestamp) && givenTimestamp > 0 ? givenTimestamp : nowSeconds;
	Object.assign(
		headers,
		signedHeaders({
			applicationKey: credentials.applicationKey.trim(),
			applicationSecret: credentials.applicationSecret.trim(),
			consumerKey: credentials.consumerKey.trim(),
			method,
			url,
			body,
			timestamp,
		}),
	);
	if (body && !findHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json';

	const signed: T & { headers: Record<string, unknown> } = { ...request, method, url, headers };
	delete signed.baseURL;
	delete signed.qs;
	if (body) signed.body = body;
	else delete signed.body;
	return signed;
}

function findHeader(headers: Record<string, unknown>, name: string): unknown {
	for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
	return undefined;
}
