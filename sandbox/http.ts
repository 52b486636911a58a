/**
 * Answers and errors as OVHcloud shapes them. A route handler returns a value (sent as JSON
 * with 200) or a `RawReply`, and throws an `ApiError` for any refusal.
 */

/** An answer with its own status, headers or non-JSON body. */
export class RawReply {
	constructor(
		readonly status: number,
		readonly body: string | Buffer,
		readonly headers: Record<string, string> = {},
	) {}

	static json(status: number, value: unknown): RawReply {
		return new RawReply(status, JSON.stringify(value), { 'Content-Type': 'application/json' });
	}
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly payload: Record<string, unknown>,
	) {
		super(String(payload.message ?? payload.error ?? status));
	}
}

const HTTP_TEXT: Record<number, string> = {
	400: '400 Bad Request',
	401: '401 Unauthorized',
	403: '403 Forbidden',
};

/** Errors of the authentication layer: `{errorCode, httpCode, message}`. */
export function authError(status: 400 | 401 | 403, errorCode: string, message: string): ApiError {
	return new ApiError(status, { errorCode, httpCode: HTTP_TEXT[status], message });
}

/** Errors of the services: `{class, message}`. */
export const badRequest = (message: string) => new ApiError(400, { class: 'Client::BadRequest', message });
export const forbidden = (message: string) => new ApiError(403, { class: 'Client::Forbidden', message });
export const conflict = (message: string) => new ApiError(409, { class: 'Client::Conflict', message });
export const notFound = (id: string | number) =>
	new ApiError(404, { class: 'Client::NotFound', message: `The requested object (id = ${id}) does not exist` });
export const invalidUrl = () => new ApiError(404, { class: 'Client::NotFound', message: 'Got an invalid (or empty) URL' });
export const methodNotAllowed = () => new ApiError(405, { class: 'Client::MethodNotAllowed', message: 'Method not allowed' });
export const tooManyRequests = () =>
	new ApiError(429, { class: 'Client::TooManyRequests', message: 'Too many requests, please retry later' });
