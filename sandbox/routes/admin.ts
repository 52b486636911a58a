/** `/admin/*`: the sandbox's control routes (unsigned JSON), for a process that does not hold the `Sandbox` object. */
import {
	decideSenderNow,
	expireConsumerKey,
	releaseDeferredJobs,
	resetSandbox,
	revokeOAuth2Client,
	setCredits,
	setFaults,
} from '../control';
import { badRequest } from '../http';
import { receiveIncoming } from '../receiving';
import { admin, API_PREFIX, type Route, type RouteContext } from '../router';
import { SEED } from '../seed';
import type { IncomingInput, SandboxFaults } from '../types';
import { objectBody } from '../validation';

function optionalText(body: Record<string, unknown>, field: string): string | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw badRequest(`${field} must be a string`);
	return value;
}

function optionalFlag(body: Record<string, unknown>, field: string, fallback: boolean): boolean {
	const value = body[field];
	if (value === undefined) return fallback;
	if (typeof value !== 'boolean') throw badRequest(`${field} must be a boolean`);
	return value;
}

function info({ origin }: RouteContext) {
	return {
		url: origin,
		apiBaseUrl: origin + API_PREFIX,
		serviceName: SEED.serviceName,
		credentials: {
			applicationKey: SEED.applicationKey,
			applicationSecret: SEED.applicationSecret,
			consumerKey: SEED.consumerKey,
		},
		oauth2: {
			clientId: SEED.oauth2ClientId,
			clientSecret: SEED.oauth2ClientSecret,
			tokenUrl: `${origin}/auth/oauth2/token`,
		},
	};
}

export const adminRoutes: Route[] = [
	admin('GET', '', info),
	admin('GET', '/state', ({ runtime }) => runtime.state),
	admin('GET', '/requests', ({ runtime }) => runtime.requests),
	admin('DELETE', '/requests', ({ runtime }) => {
		runtime.requests.length = 0;
		return null;
	}),
	admin('GET', '/callbacks', ({ runtime }) => runtime.callbacks.log),
	admin('GET', '/faults', ({ runtime }) => runtime.faults.current),
	admin('PUT', '/faults', ({ runtime, body }) => setFaults(runtime, objectBody(body) as SandboxFaults)),
	admin('POST', '/incoming', ({ runtime, body }) => receiveIncoming(runtime, objectBody(body) as unknown as IncomingInput)),
	admin('POST', '/senders/{sender}/decide', ({ runtime, params, body }) => {
		const input = objectBody(body);
		return decideSenderNow(runtime, {
			sender: params.sender,
			status: input.status,
			comment: input.comment,
			serviceName: optionalText(input, 'serviceName'),
		});
	}),
	admin('POST', '/credentials/expire', ({ runtime, body }) => {
		const input = objectBody(body);
		expireConsumerKey(runtime, optionalText(input, 'consumerKey'), optionalFlag(input, 'expired', true));
		return null;
	}),
	admin('POST', '/oauth2/revoke', ({ runtime, body }) => {
		const input = objectBody(body);
		revokeOAuth2Client(runtime, optionalText(input, 'clientId'), optionalFlag(input, 'revoked', true));
		return null;
	}),
	admin('POST', '/jobs/release', ({ runtime, body }) => releaseDeferredJobs(runtime, optionalText(objectBody(body), 'serviceName'))),
	admin('PUT', '/credits', ({ runtime, body }) => {
		const input = objectBody(body);
		return { creditsLeft: setCredits(runtime, input.credits, optionalText(input, 'serviceName')) };
	}),
	admin('POST', '/reset', ({ runtime }) => {
		resetSandbox(runtime);
		return null;
	}),
];
