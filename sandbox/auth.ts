/**
 * Authentication as the OVHcloud API gateway does it: application key, consumer key, timestamp
 * window and SHA-1 signature, then the consumer key's access rules; or an OAuth2 bearer token
 * obtained with the client-credentials grant.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { formatOvhDate } from './clock';
import { ApiError, authError, RawReply } from './http';
import { serverEpochSeconds, type SandboxRuntime } from './runtime';
import type { AccessRule, ApplicationState, ConsumerKeyState } from './types';

export type AuthResult =
	| { kind: 'consumerKey'; application: ApplicationState; credential: ConsumerKeyState }
	| { kind: 'oauth2'; clientId: string };

export interface SignedRequest {
	method: string;
	/** The request target exactly as received (path and query string). */
	rawUrl: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
	/** API path without `/1.0` and without the query string, matched against access rules. */
	apiPath: string;
	/** `/auth/*` calls about the credential itself need no access rule. */
	alwaysGranted?: boolean;
}

export const TOKEN_LIFETIME_SECONDS = 3599;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

export function expectedSignature(
	applicationSecret: string,
	consumerKey: string,
	method: string,
	fullUrl: string,
	body: string,
	timestamp: string,
): string {
	const payload = [applicationSecret, consumerKey, method.toUpperCase(), fullUrl, body, timestamp].join('+');
	return '$1$' + createHash('sha1').update(payload, 'utf8').digest('hex');
}

function sameText(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

function ruleMatches(rule: AccessRule, method: string, apiPath: string): boolean {
	if (rule.method !== method) return false;
	const pattern = rule.path
		.split('*')
		.map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${pattern}$`).test(apiPath);
}

export function isGranted(rules: AccessRule[], method: string, apiPath: string): boolean {
	return rules.some((rule) => ruleMatches(rule, method, apiPath));
}

const NOT_LOGGED_IN = () => new ApiError(401, { message: 'You must login first' });
const INVALID_CREDENTIAL = () => authError(403, 'INVALID_CREDENTIAL', 'This credential is not valid');

function authenticateBearer(runtime: SandboxRuntime, token: string): AuthResult {
	const stored = runtime.state.credentials.oauth2Tokens[token];
	const client = stored && runtime.state.credentials.oauth2Clients[stored.clientId];
	if (!stored || !client || client.revoked || stored.expiresAt <= runtime.now()) {
		// 401 rather than 403: a token client refreshes its token on 401.
		throw authError(401, 'INVALID_CREDENTIAL', 'This credential is not valid');
	}
	return { kind: 'oauth2', clientId: stored.clientId };
}

export function authenticate(runtime: SandboxRuntime, request: SignedRequest): AuthResult {
	const authorization = header(request.headers, 'authorization');
	const bearer = authorization && /^Bearer\s+(\S+)$/i.exec(authorization);
	if (bearer) return authenticateBearer(runtime, bearer[1]);

	const { credentials } = runtime.state;
	const applicationKey = header(request.headers, 'x-ovh-application');
	const consumerKey = header(request.headers, 'x-ovh-consumer');
	if (!applicationKey) throw NOT_LOGGED_IN();
	const application = credentials.applications[applicationKey];
	if (!application) throw authError(403, 'INVALID_KEY', 'Invalid application key');
	if (!consumerKey) throw NOT_LOGGED_IN();
	const credential = credentials.consumerKeys[consumerKey];
	if (!credential || credential.status !== 'validated' || credential.applicationKey !== applicationKey) {
		throw INVALID_CREDENTIAL();
	}

	const timestamp = header(request.headers, 'x-ovh-timestamp') ?? '';
	if (!/^\d+$/.test(timestamp)) throw authError(400, 'QUERY_TIME_OUT', 'Query out of time');
	const drift = Math.abs(Number(timestamp) - serverEpochSeconds(runtime));
	if (drift > runtime.options.timestampToleranceSeconds) throw authError(400, 'QUERY_TIME_OUT', 'Query out of time');

	const host = header(request.headers, 'host') ?? '';
	const fullUrl = `http://${host}${request.rawUrl}`;
	const signature = header(request.headers, 'x-ovh-signature') ?? '';
	const expected = expectedSignature(
		application.applicationSecret,
		consumerKey,
		request.method,
		fullUrl,
		request.body.toString('utf8'),
		timestamp,
	);
	if (!sameText(signature, expected)) throw authError(400, 'INVALID_SIGNATURE', 'Invalid signature');

	if (!request.alwaysGranted && !isGranted(credential.rules, request.method, request.apiPath)) {
		throw authError(403, 'NOT_GRANTED_CALL', 'This call has not been granted');
	}
	credential.lastUse = formatOvhDate(runtime.now());
	return { kind: 'consumerKey', application, credential };
}

function oauth2Error(status: number, error: string, description: string): RawReply {
	return RawReply.json(status, { error, error_description: description });
}

/** `POST /auth/oauth2/token`, client-credentials grant; the client may authenticate in the form or with Basic. */
export function issueOAuth2Token(runtime: SandboxRuntime, headers: IncomingHttpHeaders, body: Buffer): RawReply {
	const contentType = header(headers, 'content-type') ?? '';
	let fields: Record<string, string> = {};
	const text = body.toString('utf8');
	if (contentType.includes('application/json')) {
		try {
			const parsed: unknown = JSON.parse(text || '{}');
			if (parsed && typeof parsed === 'object') {
				fields = Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
			}
		} catch {
			return oauth2Error(400, 'invalid_request', 'The request body is not valid JSON');
		}
	} else {
		fields = Object.fromEntries(new URLSearchParams(text));
	}
	const basic = /^Basic\s+(\S+)$/i.exec(header(headers, 'authorization') ?? '');
	if (basic) {
		const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon > 0) {
			fields.client_id = decodeURIComponent(decoded.slice(0, colon));
			fields.client_secret = decodeURIComponent(decoded.slice(colon + 1));
		}
	}
	if (fields.grant_type !== 'client_credentials') {
		return oauth2Error(400, 'unsupported_grant_type', 'Only the client_credentials grant is supported');
	}
	const client = runtime.state.credentials.oauth2Clients[fields.client_id ?? ''];
	if (!client || !sameText(client.clientSecret, fields.client_secret ?? '')) {
		return oauth2Error(401, 'invalid_client', 'Client authentication failed: unknown client or wrong secret');
	}
	if (client.revoked) return oauth2Error(401, 'invalid_client', 'Client authentication failed: the secret was revoked');
	const accessToken = randomBytes(24).toString('hex');
	runtime.state.credentials.oauth2Tokens[accessToken] = {
		clientId: client.clientId,
		expiresAt: runtime.now() + TOKEN_LIFETIME_SECONDS * 1000,
	};
	pruneExpiredTokens(runtime);
	runtime.changed();
	return RawReply.json(200, {
		access_token: accessToken,
		token_type: 'Bearer',
		expires_in: TOKEN_LIFETIME_SECONDS,
		scope: 'all',
	});
}

function pruneExpiredTokens(runtime: SandboxRuntime): void {
	const tokens = runtime.state.credentials.oauth2Tokens;
	const now = runtime.now();
	for (const [token, stored] of Object.entries(tokens)) if (stored.expiresAt <= now) delete tokens[token];
}
