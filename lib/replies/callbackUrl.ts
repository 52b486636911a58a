/**
 * The callback URLs a trigger registers at OVHcloud: n8n's webhook URL plus the secret token,
 * and how to tell whether a URL found in the account is this node's (production or test URL)
 * or belongs to something else.
 */

export function urlWithToken(webhookUrl: string, token: string): string {
	const url = new URL(webhookUrl);
	url.searchParams.set('token', token);
	return url.toString();
}

/** The URL without its query string (where the token is), for comparisons and messages. */
export function withoutQuery(value: string): string {
	const url = parseUrl(value);
	if (!url) return value.split('?')[0];
	url.search = '';
	url.hash = '';
	return url.toString();
}

/**
 * Same n8n instance and same node webhook: n8n's test and production URLs of one node differ
 * only by their base path (`/webhook-test/` vs `/webhook/`), and end with `<webhookId>/<path>`.
 */
export function sameWebhookEndpoint(a: string, b: string): boolean {
	const first = parseUrl(a);
	const second = parseUrl(b);
	if (!first || !second || first.host.toLowerCase() !== second.host.toLowerCase()) return false;
	const tail = (url: URL) => url.pathname.replace(/\/+$/, '').split('/').slice(-2).join('/');
	return tail(first) !== '' && tail(first) === tail(second);
}

/** The host of a URL for a message ("hooks.example.com"): never its path or query, which may hold a secret. */
export function describeHost(value: string): string {
	const url = parseUrl(value);
	return url ? url.host : 'an invalid URL';
}

function parseUrl(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}
