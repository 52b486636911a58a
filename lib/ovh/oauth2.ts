import type { OvhHttpResponse, OvhTransport } from './types';
import { errorFromResponse, OvhApiError, OvhTransportFailure } from './errors';
import { API_TIME_LIMITS, isTimeoutFailure } from './retry';

export interface OAuth2ClientCredentials {
	clientId: string;
	clientSecret: string;
	tokenUrl: string;
}

export interface OAuth2Token {
	accessToken: string;
	expiresAtMs: number;
}

/** Client-credentials grant of an OVHcloud service account. */
export async function fetchOAuth2Token(
	transport: OvhTransport,
	credentials: OAuth2ClientCredentials,
	nowMs: number,
	timeoutMs = API_TIME_LIMITS.requestTimeoutMs,
): Promise<OAuth2Token> {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: credentials.clientId.trim(),
		client_secret: credentials.clientSecret.trim(),
		scope: 'all',
	}).toString();
	let response: OvhHttpResponse | undefined;
	let failure: OvhTransportFailure | undefined;
	try {
		response = await transport({
			method: 'POST',
			url: credentials.tokenUrl,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: form,
			timeoutMs,
		});
	} catch (error) {
		failure = OvhTransportFailure.from(error);
	}
	if (!response) {
		throw new OvhApiError({
			method: 'POST',
			path: 'OAuth2 token endpoint',
			ovhMessage:
				failure && isTimeoutFailure(failure)
					? `the OAuth2 token endpoint did not answer within ${Math.round(timeoutMs / 1000)} s`
					: `could not reach the OAuth2 token endpoint (${failure?.message ?? 'no answer'})`,
			requestMayHaveBeenProcessed: false,
		});
	}
	if (response.status < 200 || response.status >= 300) {
		const error = errorFromResponse('POST', 'OAuth2 token endpoint', response.status, response.headers, response.body);
		throw new OvhApiError({
			method: 'POST',
			path: 'OAuth2 token endpoint',
			httpStatus: response.status,
			errorCode: error.errorCode,
			ovhMessage: `the service account was refused (${error.ovhMessage}): check the client ID and secret, and that the secret was not revoked`,
			queryId: error.queryId,
			requestMayHaveBeenProcessed: false,
		});
	}
	const parsed = JSON.parse(response.body) as { access_token?: string; expires_in?: number };
	if (!parsed.access_token) {
		throw new OvhApiError({
			method: 'POST',
			path: 'OAuth2 token endpoint',
			httpStatus: response.status,
			ovhMessage: 'the token endpoint answered without an access_token',
			requestMayHaveBeenProcessed: false,
		});
	}
	return { accessToken: parsed.access_token, expiresAtMs: nowMs + (parsed.expires_in ?? 3600) * 1000 };
}
