// Cross-checks our signing against OVHcloud's official Node client (`ovh` on npm): both
// clients send the same call at the same second, and the bytes and headers must match.
import https from 'node:https';
import { EventEmitter } from 'node:events';
import { OvhClient, type OvhHttpRequest } from '../../../lib/ovh';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const officialOvh = require('ovh');

const KEYS = { applicationKey: 'AK-test', applicationSecret: 'AS-secret-value', consumerKey: 'CK-consumer-value' };
const NOW_SECONDS = 1_764_000_000;

interface Captured {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: string;
}

/** Runs one call through the official client with https.request captured. */
async function officialRequest(method: string, path: string, params?: Record<string, unknown>): Promise<Captured> {
	const captured: Partial<Captured> = {};
	const spy = jest.spyOn(https, 'request').mockImplementation(((options: any, callback: any) => {
		const req = new EventEmitter() as any;
		let body = '';
		req.write = (chunk: string) => (body += chunk);
		req.setTimeout = () => undefined;
		req.end = () => {
			Object.assign(captured, {
				method: options.method,
				url: `https://${options.host}${options.path}`,
				headers: options.headers,
				body,
			});
			const res = new EventEmitter() as any;
			res.statusCode = 200;
			res.headers = {};
			res.setEncoding = () => undefined;
			callback(res);
			res.emit('data', '{}');
			res.emit('end');
		};
		return req;
	}) as any);
	try {
		const client = officialOvh({
			appKey: KEYS.applicationKey,
			appSecret: KEYS.applicationSecret,
			consumerKey: KEYS.consumerKey,
		});
		client.apiTimeDiff = 0; // its constructor treats 0 as "unknown" and would call /auth/time
		await client.requestPromised(method, path, params);
	} finally {
		spy.mockRestore();
	}
	return captured as Captured;
}

async function ourRequest(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, params?: Record<string, any>): Promise<Captured> {
	let captured: OvhHttpRequest | undefined;
	const client = new OvhClient({
		baseUrl: 'https://eu.api.ovh.com/1.0',
		auth: { type: 'applicationKey', ...KEYS },
		transport: async (request) => {
			if (request.url.endsWith('/auth/time')) return { status: 200, headers: {}, body: String(NOW_SECONDS) };
			captured = request;
			return { status: 200, headers: {}, body: '{}' };
		},
		sleep: async () => undefined,
		nowMs: () => NOW_SECONDS * 1000,
	});
	if (method === 'GET' || method === 'DELETE') await client.request(method, path, { query: params });
	else await client.request(method, path, { body: params });
	return { method, url: captured!.url, headers: captured!.headers, body: captured!.body ?? '' };
}

describe('request signing matches the official OVHcloud client byte for byte', () => {
	let dateNow: jest.SpyInstance;
	beforeAll(() => {
		dateNow = jest.spyOn(Date, 'now').mockReturnValue(NOW_SECONDS * 1000);
	});
	afterAll(() => dateNow.mockRestore());

	const cases: Array<[string, 'GET' | 'POST' | 'PUT' | 'DELETE', string, Record<string, unknown> | undefined]> = [
		['a plain ASCII GET', 'GET', '/sms/sms-ab12345-1', undefined],
		['an ASCII send', 'POST', '/sms/sms-ab12345-1/jobs', { message: 'Hello', receivers: ['+33612345678'], sender: 'MyCompany' }],
		[
			'an accented send',
			'POST',
			'/sms/sms-ab12345-1/jobs',
			{ message: 'Réunion à 14h, café offert. Ça va ? ÀÉÈ ñ ü ß', receivers: ['+33612345678'], sender: 'MyCompany' },
		],
		[
			'an emoji send',
			'POST',
			'/sms/sms-ab12345-1/jobs',
			{ message: 'Thanks 🙏🏽 see you 👨‍👩‍👧 tomorrow ✅ €5', receivers: ['+33612345678'], noStopClause: true },
		],
		['a Greek, Cyrillic and CJK update', 'PUT', '/sms/sms-ab12345-1', { description: 'Ωμέγα Привет 你好' }],
		[
			'a query with spaces, +, a date and an array',
			'GET',
			'/sms/sms-ab12345-1/outgoing',
			{
				receiver: '+33612345678',
				tag: 'spring sale & more',
				'creationDatetime.from': '2026-05-01T10:00:00+02:00',
				ptt: [4, 5],
			},
		],
		['a DELETE with a query', 'DELETE', '/sms/sms-ab12345-1/outgoing/123', { force: 'yes please' }],
	];

	test.each(cases)('%s', async (_name, method, path, params) => {
		const theirs = await officialRequest(method, path, params);
		const ours = await ourRequest(method, path, params);
		expect(ours.url).toBe(theirs.url);
		expect(ours.body).toBe(theirs.body);
		expect(ours.headers['X-Ovh-Timestamp']).toBe(String(theirs.headers['X-Ovh-Timestamp']));
		expect(ours.headers['X-Ovh-Signature']).toBe(theirs.headers['X-Ovh-Signature']);
		expect(ours.headers['X-Ovh-Application']).toBe(KEYS.applicationKey);
		expect(ours.headers['X-Ovh-Consumer']).toBe(KEYS.consumerKey);
		// The body is pure ASCII, so its signed string and its UTF-8 bytes are the same thing.
		expect(Buffer.byteLength(ours.body, 'utf8')).toBe(ours.body.length);
	});

	test('an escaped body still carries the exact text, emoji and lone surrogates included', async () => {
		const message = 'Ça coûte 5€ 🎉 \ud800 end';
		const ours = await ourRequest('POST', '/sms/x/jobs', { message });
		expect(JSON.parse(ours.body).message).toBe(message);
	});
});
