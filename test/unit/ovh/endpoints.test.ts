import { endpointProperties } from '../../../credentials/shared/endpoint';
import { resolveApiBaseUrl, signOutgoingRequest } from '../../../lib/ovh';

describe('endpoints', () => {
	test('regions resolve to their API base URL', () => {
		expect(resolveApiBaseUrl('ovh-eu')).toBe('https://eu.api.ovh.com/1.0');
		expect(resolveApiBaseUrl('https://ca.api.ovh.com/1.0')).toBe('https://ca.api.ovh.com/1.0');
	});

	test("the credentials' Endpoint offers the three regions by their API base URL, Europe first and default, then Custom", () => {
		const endpoint = endpointProperties.find((property) => property.name === 'endpoint');
		expect(endpoint?.options).toEqual([
			{ name: 'OVHcloud Europe (Ovh-Eu)', value: 'https://eu.api.ovh.com/1.0' },
			{ name: 'OVHcloud Canada (Ovh-Ca)', value: 'https://ca.api.ovh.com/1.0' },
			{ name: 'OVHcloud US (Ovh-Us)', value: 'https://api.us.ovhcloud.com/1.0' },
			{ name: 'Custom (Sandbox or Proxy)', value: 'custom' },
		]);
		expect(endpoint?.default).toBe('https://eu.api.ovh.com/1.0');
	});

	test('a custom endpoint may use plain http only on loopback', () => {
		expect(resolveApiBaseUrl('custom', 'http://127.0.0.1:8787/1.0/')).toBe('http://127.0.0.1:8787/1.0');
		expect(resolveApiBaseUrl('custom', 'http://localhost:8787/1.0')).toBe('http://localhost:8787/1.0');
		expect(resolveApiBaseUrl('custom', ' https://proxy.example.com/1.0 ')).toBe('https://proxy.example.com/1.0');
		expect(() => resolveApiBaseUrl('custom', 'http://192.168.1.10:8787/1.0')).toThrow(/plain http on a non-loopback host/);
		expect(() => resolveApiBaseUrl('custom', 'http://api.example.com/1.0')).toThrow(/use https/);
		expect(() => resolveApiBaseUrl('custom', 'ftp://x')).toThrow(/must start with https/);
		expect(() => resolveApiBaseUrl('custom', 'not a url')).toThrow(/not a valid URL/);
		expect(() => resolveApiBaseUrl('ovh-mars')).toThrow(/Unknown OVHcloud endpoint/);
	});

	test('the credential refuses to sign a request bound for plain http off loopback', () => {
		const keys = { applicationKey: 'a', applicationSecret: 'b', consumerKey: 'c' };
		expect(() => signOutgoingRequest(keys, { url: 'http://10.0.0.1/1.0/sms' }, 1)).toThrow(/plain http/);
		expect(signOutgoingRequest(keys, { url: 'http://127.0.0.1:1/1.0/sms' }, 1).headers).toHaveProperty('X-Ovh-Signature');
	});

	test('keys pasted with a trailing space sign like the clean keys', () => {
		const clean = signOutgoingRequest(
			{ applicationKey: 'a', applicationSecret: 'b', consumerKey: 'c' },
			{ url: 'https://eu.api.ovh.com/1.0/sms' },
			5,
		);
		const spaced = signOutgoingRequest(
			{ applicationKey: 'a ', applicationSecret: ' b ', consumerKey: 'c\n' },
			{ url: 'https://eu.api.ovh.com/1.0/sms' },
			5,
		);
		expect(spaced.headers).toEqual(clean.headers);
	});
});
