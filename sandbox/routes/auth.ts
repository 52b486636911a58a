/** `/auth/*`: server time, the calling credential, and the OAuth2 token endpoint. */
import { issueOAuth2Token } from '../auth';
import { forbidden } from '../http';
import { api, publicApi, raw, type Route, type RouteContext } from '../router';
import { serverEpochSeconds } from '../runtime';

function currentCredential({ auth }: RouteContext) {
	if (auth?.kind !== 'consumerKey') {
		throw forbidden('This call needs a consumer key: use GET /auth/details with an OAuth2 token');
	}
	const { credential, application } = auth;
	return {
		credentialId: credential.credentialId,
		applicationId: application.applicationId,
		status: credential.status,
		rules: credential.rules,
		creation: credential.creation,
		expiration: credential.expiration,
		lastUse: credential.lastUse,
		ovhSupport: false,
		allowedIPs: null,
	};
}

function details({ auth, runtime }: RouteContext) {
	const { nichandle } = runtime.state.credentials.owner;
	const oauth2 = auth?.kind === 'oauth2';
	return {
		account: nichandle,
		allowedRoutes: auth?.kind === 'consumerKey' ? auth.credential.rules : null,
		description: oauth2 ? 'Sandbox service account' : 'Sandbox application',
		identities: oauth2
			? [`urn:v1:eu:identity:credential:${nichandle}/oauth2-${auth.clientId}`]
			: [`urn:v1:eu:identity:account:${nichandle}`],
		method: oauth2 ? 'oauth2_client_credentials' : 'account',
		roles: ['ADMIN'],
		user: null,
	};
}

function logout({ auth, runtime }: RouteContext) {
	if (auth?.kind === 'consumerKey') {
		auth.credential.status = 'expired';
		runtime.changed();
	}
	return null;
}

export const authRoutes: Route[] = [
	publicApi('GET', '/auth/time', ({ runtime }) => serverEpochSeconds(runtime), { faultFree: true }),
	api('GET', '/auth/currentCredential', currentCredential, { alwaysGranted: true }),
	api('GET', '/auth/details', details, { alwaysGranted: true }),
	api('POST', '/auth/logout', logout, { alwaysGranted: true }),
	raw('POST', '/auth/oauth2/token', ({ runtime, headers, rawBody }) => issueOAuth2Token(runtime, headers, rawBody), {
		rawBody: true,
	}),
];
