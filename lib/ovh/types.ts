export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One HTTP exchange as the client hands it to a transport: the URL already carries its
 * query string and the body is the exact string to send, so what is signed is what is sent. */
export interface OvhHttpRequest {
	method: HttpMethod;
	url: string;
	headers: Record<string, string>;
	body?: string;
	timeoutMs?: number;
}

export interface OvhHttpResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/**
 * Sends one request and resolves with whatever status the server answered (never rejects on
 * an HTTP status). It rejects only when no answer came back; see `TransportFailure`.
 */
export type OvhTransport = (request: OvhHttpRequest) => Promise<OvhHttpResponse>;

export type Sleep = (ms: number) => Promise<void>;

export type QueryValue = string | number | boolean | null | undefined | Array<string | number | boolean>;
export type Query = Record<string, QueryValue>;
