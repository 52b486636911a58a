import { createHash } from 'node:crypto';

export interface SignatureInput {
	applicationSecret: string;
	consumerKey: string;
	method: string;
	/** The full URL as sent, query string included. */
	url: string;
	/** The exact body string sent; empty for GET and DELETE. */
	body: string;
	timestamp: number | string;
}

/** OVHcloud's request signature: `$1$` + hex SHA-1 of secret, consumer key, method, URL, body
 * and timestamp joined by `+`. */
export function signRequest(input: SignatureInput): string {
	const payload = [
		input.applicationSecret,
		input.consumerKey,
		input.method.toUpperCase(),
		input.url,
		input.body,
		String(input.timestamp),
	].join('+');
	return '$1$' + createHash('sha1').update(payload, 'utf8').digest('hex');
}

export interface SignedHeadersInput {
	applicationKey: string;
	applicationSecret: string;
	consumerKey: string;
	method: string;
	url: string;
	body: string;
	timestamp: number;
}

/** The four X-Ovh-* headers of an application-key request. */
export function signedHeaders(input: SignedHeadersInput): Record<string, string> {
	return {
		'X-Ovh-Application': input.applicationKey,
		'X-Ovh-Consumer': input.consumerKey,
		'X-Ovh-Timestamp': String(input.timestamp),
		'X-Ovh-Signature': signRequest(input),
	};
}
