/**
 * OVHcloud API regions, the one table the credentials' Endpoint options and `npm start`'s
 * `OVH_ENDPOINT` read. SMS exists only in the EU API today; the others are kept so a
 * credential made now still works if OVHcloud opens SMS there.
 */
export const OVH_ENDPOINTS = {
	'ovh-eu': {
		label: 'OVHcloud Europe (Ovh-Eu)',
		apiBaseUrl: 'https://eu.api.ovh.com/1.0',
		tokenUrl: 'https://www.ovh.com/auth/oauth2/token',
		createTokenUrl: 'https://eu.api.ovh.com/createToken/',
	},
	'ovh-ca': {
		label: 'OVHcloud Canada (Ovh-Ca)',
		apiBaseUrl: 'https://ca.api.ovh.com/1.0',
		tokenUrl: 'https://ca.ovh.com/auth/oauth2/token',
		createTokenUrl: 'https://ca.api.ovh.com/createToken/',
	},
	'ovh-us': {
		label: 'OVHcloud US (Ovh-Us)',
		apiBaseUrl: 'https://api.us.ovhcloud.com/1.0',
		tokenUrl: 'https://us.ovhcloud.com/auth/oauth2/token',
		createTokenUrl: 'https://api.us.ovhcloud.com/createToken/',
	},
} as const;

export type OvhEndpointName = keyof typeof OVH_ENDPOINTS;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Checks a user-supplied base URL (the sandbox, or a proxy) and returns it without a
 * trailing slash. Plain http is refused except on loopback: the consumer key and every
 * signature would otherwise cross the network in clear text.
 */
export function checkCustomBaseUrl(rawUrl: string, what = 'Custom endpoint'): string {
	const trimmed = rawUrl.trim().replace(/\/+$/, '');
	const parsed = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
	if (!parsed) {
		throw new Error(`${what} "${trimmed}" is not a valid URL (expected e.g. https://eu.api.ovh.com/1.0)`);
	}
	if (parsed.protocol === 'https:') return trimmed;
	if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return trimmed;
	if (parsed.protocol === 'http:') {
		throw new Error(
			`${what} "${trimmed}" uses plain http on a non-loopback host: use https (plain http is only accepted for 127.0.0.1 or localhost, such as the local sandbox)`,
		);
	}
	throw new Error(`${what} "${trimmed}" must start with https://`);
}

/** The API base URL for a region name, or a checked custom URL when the name is 'custom'. */
export function resolveApiBaseUrl(endpoint: string, customUrl?: string): string {
	const trimmed = endpoint.trim();
	if (trimmed === 'custom') {
		if (!customUrl?.trim()) throw new Error('Custom endpoint is empty: enter the API base URL, e.g. http://127.0.0.1:8787/1.0');
		return checkCustomBaseUrl(customUrl);
	}
	if (trimmed in OVH_ENDPOINTS) return OVH_ENDPOINTS[trimmed as OvhEndpointName].apiBaseUrl;
	// Credentials store the base URL itself as the option value; accept it as given.
	const known = Object.values(OVH_ENDPOINTS).find((e) => e.apiBaseUrl === trimmed.replace(/\/+$/, ''));
	if (known) return known.apiBaseUrl;
	throw new Error(`Unknown OVHcloud endpoint "${trimmed}" (expected ovh-eu, ovh-ca, ovh-us or custom)`);
}
