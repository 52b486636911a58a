import { OvhClient, type OvhTransport } from '../../../lib/ovh';
import { withSharedApiClock } from '../../../nodes/shared/apiClock';

/** An API whose clock is 300 s ahead, counting what it is asked; `refuseNextTimestamp` answers one call as OVHcloud does for a stale timestamp. */
function fakeApi(baseUrl: string) {
	const seen: string[] = [];
	const timestamps: number[] = [];
	let refuseNextTimestamp = false;
	const transport: OvhTransport = async (request) => {
		seen.push(`${request.method} ${request.url.slice(baseUrl.length)}`);
		if (request.url.endsWith('/auth/time')) return { status: 200, headers: {}, body: String(Math.round(Date.now() / 1000) + 300) };
		timestamps.push(Number(request.headers?.['X-Ovh-Timestamp']));
		if (refuseNextTimestamp) {
			refuseNextTimestamp = false;
			return { status: 400, headers: {}, body: JSON.stringify({ errorCode: 'QUERY_TIME_OUT', message: 'Query out of time' }) };
		}
		return { status: 200, headers: {}, body: '["sms-ab12345-1"]' };
	};
	return { transport, seen, timestamps, refuse: () => (refuseNextTimestamp = true) };
}

const client = (baseUrl: string, transport: OvhTransport) =>
	new OvhClient({
		baseUrl,
		transport: withSharedApiClock(baseUrl, transport),
		auth: { type: 'transport', signsWithTimestamp: true },
		sleep: async () => undefined,
	});

describe('the API clock shared by the clients of one endpoint', () => {
	test('each call builds a client, the API clock is asked once', async () => {
		const baseUrl = 'https://clock-once.example/1.0';
		const api = fakeApi(baseUrl);
		for (let call = 0; call < 3; call++) await client(baseUrl, api.transport).get('/sms');
		expect(api.seen).toEqual(['GET /auth/time', 'GET /sms', 'GET /sms', 'GET /sms']);
		const apiNow = Math.round(Date.now() / 1000) + 300;
		for (const timestamp of api.timestamps) expect(Math.abs(timestamp - apiNow)).toBeLessThanOrEqual(2);
	});

	test('a refused timestamp makes the next client ask the API again', async () => {
		const baseUrl = 'https://clock-refused.example/1.0';
		const api = fakeApi(baseUrl);
		await client(baseUrl, api.transport).get('/sms');
		api.refuse();
		await client(baseUrl, api.transport).get('/sms');
		expect(api.seen).toEqual(['GET /auth/time', 'GET /sms', 'GET /sms', 'GET /auth/time', 'GET /sms']);
	});

	test("a reading asked with Cache-Control: no-cache (the send's history lookup) always comes from the API", async () => {
		const baseUrl = 'https://clock-fresh.example/1.0';
		const api = fakeApi(baseUrl);
		const one = client(baseUrl, api.transport);
		await one.get('/sms');
		await one.request('GET', '/auth/time', { headers: { 'Cache-Control': 'no-cache' } });
		await one.request('GET', '/auth/time', { headers: { 'Cache-Control': 'no-cache' } });
		expect(api.seen.filter((line) => line.endsWith('/auth/time'))).toHaveLength(3);
	});

	test('another endpoint has its own clock', async () => {
		const api = fakeApi('https://clock-a.example/1.0');
		await client('https://clock-a.example/1.0', api.transport).get('/sms');
		await client('https://clock-b.example/1.0', api.transport).get('/sms');
		expect(api.seen.filter((line) => line.endsWith('/auth/time'))).toHaveLength(2);
	});
});
