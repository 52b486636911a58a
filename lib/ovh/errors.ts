import type { HttpMethod } from './types';

/** Network error codes that prove the request never left this machine. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * No HTTP answer came back. `requestMayHaveBeenSent` is the point for money: after a
 * refused connection nothing was sent and a retry is safe; after a reset or a timeout the
 * server may have done the work, so a create must not be repeated blindly.
 */
export class OvhTransportFailure extends Error {
	readonly requestMayHaveBeenSent: boolean;
	readonly code?: string;

	constructor(message: string, requestMayHaveBeenSent: boolean, code?: string) {
		super(message);
		this.name = 'OvhTransportFailure';
		this.requestMayHaveBeenSent = requestMayHaveBeenSent;
		this.code = code;
	}

	/** Builds one from whatever a transport threw, keeping only its code and message (an
	 * HTTP library's error object often carries the request headers, hence the signature). */
	static from(error: unknown): OvhTransportFailure {
		if (error instanceof OvhTransportFailure) return error;
		const e = (error ?? {}) as { code?: unknown; message?: unknown; cause?: { code?: unknown } };
		const code = typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : undefined;
		const message = typeof e.message === 'string' && e.message ? e.message : 'network error';
		return new OvhTransportFailure(message, !(code && NOT_SENT_CODES.has(code)), code);
	}
}

export interface OvhApiErrorFields {
	method: HttpMethod;
	path: string;
	httpStatus?: number;
	errorCode?: string;
	errorClass?: string;
	ovhMessage: string;
	queryId?: string;
	details?: unknown;
	requestMayHaveBeenProcessed: boolean;
}

/**
 * Every failure of an OVHcloud call: an HTTP error answer (with OVHcloud's own message,
 * its `errorCode` or `class`, and the `X-Ovh-QueryId` support asks for), or no answer at
 * all. Built only from the answer and the path, never from the request's headers, so it
 * cannot carry a key, a signature or a token.
 */
export class OvhApiError extends Error {
	readonly method: HttpMethod;
	readonly path: string;
	readonly httpStatus?: number;
	readonly errorCode?: string;
	readonly errorClass?: string;
	readonly ovhMessage: string;
	readonly queryId?: string;
	readonly details?: unknown;
	readonly requestMayHaveBeenProcessed: boolean;

	constructor(fields: OvhApiErrorFields) {
		super(OvhApiError.describe(fields));
		this.name = 'OvhApiError';
		this.method = fields.method;
		this.path = fields.path;
		this.httpStatus = fields.httpStatus;
		this.errorCode = fields.errorCode;
		this.errorClass = fields.errorClass;
		this.ovhMessage = fields.ovhMessage;
		this.queryId = fields.queryId;
		this.details = fields.details;
		this.requestMayHaveBeenProcessed = fields.requestMayHaveBeenProcessed;
	}

	private static describe(f: OvhApiErrorFields): string {
		const status = f.httpStatus === undefined ? 'no answer' : String(f.httpStatus);
		const code = f.errorCode ?? f.errorClass;
		const where = `${f.method} ${f.path}`;
		const query = f.queryId ? ` (query id ${f.queryId})` : '';
		return `OVHcloud API ${status}${code ? ` ${code}` : ''} on ${where}: ${f.ovhMessage}${query}`;
	}

	get isRateLimited(): boolean {
		return this.httpStatus === 429;
	}

	get isServerError(): boolean {
		return this.httpStatus !== undefined && this.httpStatus >= 500;
	}

	/** The API refused the request's timestamp (clock drift); nothing was done. */
	get isTimestampRejected(): boolean {
		return this.errorCode === 'QUERY_TIME_OUT' || this.errorCode === 'INVALID_TIMESTAMP';
	}

	get isAuthenticationError(): boolean {
		return (
			this.httpStatus === 401 ||
			['INVALID_SIGNATURE', 'INVALID_KEY', 'INVALID_CREDENTIAL', 'NOT_CREDENTIAL', 'NOT_GRANTED_CALL', 'FORBIDDEN'].includes(
				this.errorCode ?? '',
			)
		);
	}

	/** A plain object for an n8n error item or a log line. */
	toJSON(): Record<string, unknown> {
		return {
			message: this.message,
			httpStatus: this.httpStatus,
			errorCode: this.errorCode,
			errorClass: this.errorClass,
			ovhMessage: this.ovhMessage,
			queryId: this.queryId,
			method: this.method,
			path: this.path,
		};
	}
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

export function getHeader(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
	return headerValue(headers, name);
}

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad request',
	401: 'Not authenticated',
	403: 'Forbidden',
	404: 'Not found',
	408: 'Request timeout',
	409: 'Conflict',
	429: 'Too many requests',
	460: 'Resource expired',
	500: 'Internal server error',
	502: 'Bad gateway',
	503: 'Service unavailable',
	504: 'Gateway timeout',
};

/** A run of characters that may be a key, a token or an encoded copy of one (base64, base64url,
 * hex, percent-encoding): long, with no space. Words of an error page are shorter. */
const TOKEN_LIKE = /[A-Za-z0-9+/=_%.~\\-]{16,}/g;
const EXCERPT_LENGTH = 80;

/**
 * What a non-JSON answer (an edge's or a proxy's page) is, without copying it: such a page may
 * repeat the request, keys and tokens included, in any encoding. The status, the content type,
 * the size and the page's first words, with anything that could be a token left out.
 */
function notOvhAnswer(status: number, contentType: string | undefined, bodyText: string): string {
	const what = STATUS_TEXT[status] ?? `HTTP ${status}`;
	if (!bodyText.trim()) return what;
	const words = bodyText
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(TOKEN_LIKE, '[…]')
		.replace(/\s+/g, ' ')
		.trim();
	const excerpt = words.length > EXCERPT_LENGTH ? `${words.slice(0, EXCERPT_LENGTH)}…` : words;
	const type = contentType?.split(';')[0].trim() || 'no content type';
	return `${what} (not OVHcloud's JSON: ${type}, ${bodyText.length} characters${excerpt ? `, beginning "${excerpt}"` : ''})`;
}

/** Where a request carries its credentials: a message repeating one of these is cut after the name. */
const CREDENTIAL_FIELDS =
	/((?:authorization|x-ovh-consumer|x-ovh-signature|x-ovh-application|client_secret|access_token|refresh_token)["']?\s*[:=]\s*["']?(?:bearer\s+|basic\s+)?)[^\s"'&,;]+/gi;

/** A JSON message is OVHcloud's own text, but a proxy's JSON may repeat the request in it: its
 * credential headers and any bearer value are taken out. */
function withoutCredentials(message: string): string {
	return message.replace(CREDENTIAL_FIELDS, '$1[redacted]').replace(/(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[redacted]');
}

/** Reads OVHcloud's two error shapes (`{errorCode, httpCode, message}` from the auth layer,
 * `{class, message, details}` from the services) and non-JSON bodies (an HTML 408 from the edge). */
export function errorFromResponse(
	method: HttpMethod,
	path: string,
	status: number,
	headers: Record<string, string | string[] | undefined>,
	bodyText: string,
): OvhApiError {
	let parsed: Record<string, unknown> | undefined;
	try {
		const value: unknown = bodyText ? JSON.parse(bodyText) : undefined;
		if (value && typeof value === 'object' && !Array.isArray(value)) parsed = value as Record<string, unknown>;
	} catch {
		parsed = undefined;
	}
	const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
	const jsonMessage = str(parsed?.message) ?? str(parsed?.error_description) ?? str(parsed?.error);
	const ovhMessage = jsonMessage ? withoutCredentials(jsonMessage) : notOvhAnswer(status, headerValue(headers, 'content-type'), bodyText);
	return new OvhApiError({
		method,
		path,
		httpStatus: status,
		errorCode: str(parsed?.errorCode) ?? (str(parsed?.error) && !parsed?.message ? str(parsed?.error) : undefined),
		errorClass: str(parsed?.class),
		ovhMessage,
		queryId: headerValue(headers, 'x-ovh-queryid'),
		details: parsed?.details,
		// 429 and the auth layer's refusals happen before any work; other answers are final too,
		// except 5xx, where a proxy may have failed after the service acted.
		requestMayHaveBeenProcessed: status >= 500,
	});
}

/**
 * The forms a secret takes when a server repeats it: as is, percent-encoded (as a URL or every
 * byte), JSON-escaped (`\u0041`), and base64 or base64url inside a longer encoded text (for each
 * of the three byte alignments, the characters that depend on the secret's bytes alone).
 */
function encodedForms(secret: string): string[] {
	const bytes = new TextEncoder().encode(secret);
	const hex = (b: number) => b.toString(16).padStart(2, '0');
	const forms = [
		secret,
		encodeURIComponent(secret),
		[...bytes].map((b) => `%${hex(b).toUpperCase()}`).join(''),
		[...bytes].map((b) => `%${hex(b)}`).join(''),
		JSON.stringify(secret).slice(1, -1),
		[...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
		[...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`).join(''),
	];
	for (const offset of [0, 1, 2]) {
		const shifted = new Uint8Array(offset + bytes.length);
		shifted.set(bytes, offset);
		const core = base64(shifted).slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
		forms.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return [...new Set(forms)].filter((form) => form.length >= 8 || form === secret);
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without padding (no Buffer or btoa in code n8n's cloud rules accept everywhere). */
function base64(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		const chars = Math.ceil((Math.min(3, bytes.length - i) * 8) / 6);
		for (let k = 0; k < chars; k++) out += BASE64_ALPHABET[(n >> (18 - 6 * k)) & 63];
	}
	return out;
}

/** Removes every occurrence of the given secrets, in any form a server might repeat them in
 * (see encodedForms), from a text: defence in depth for any message built from parts this
 * code does not control. */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	let out = text;
	for (const secret of secrets) {
		const s = secret?.trim();
		if (!s || s.length < 4) continue;
		for (const form of encodedForms(s)) out = out.split(form).join('[redacted]');
	}
	return out;
}
