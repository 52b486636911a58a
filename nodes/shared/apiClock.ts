/**
 * The API's clock, asked once per endpoint and n8n process instead of once per client. Each
 * webhook call and poll builds a new client (its transport is bound to that call's n8n
 * context), and a client signing with an application key first reads `GET /auth/time`: one
 * extra request per call. This transport wrapper answers that request from the offset it
 * learnt, for ten minutes, and forgets it when the API refuses a timestamp (the client then
 * asks again, and this asks the API). Leaves out: everything else; other requests pass through.
 */
import type { OvhTransport } from '../../lib/ovh';

const CLOCK_TTL_MS = 10 * 60_000;
const MAX_ENDPOINTS = 20;

/** Per `/auth/time` URL: API seconds minus local seconds, and when it was learnt. */
const offsets = new Map<string, { seconds: number; learntMs: number }>();

const localSeconds = () => Math.round(Date.now() / 1000);

export function withSharedApiClock(baseUrl: string, transport: OvhTransport): OvhTransport {
	const timeUrl = `${baseUrl.replace(/\/+$/, '')}/auth/time`;
	return async (request) => {
		if (request.method !== 'GET' || request.url !== timeUrl) {
			const response = await transport(request);
			if (response.status >= 400 && /QUERY_TIME_OUT|INVALID_TIMESTAMP/.test(response.body)) offsets.delete(timeUrl);
			return response;
		}
		const known = offsets.get(timeUrl);
		// `Cache-Control: no-cache` asks for the API's own reading, as HTTP means it: the send's
		// history lookup bounds its search by the API's clock, and a stale offset could hide an SMS.
		const fresh = Object.entries(request.headers).some(
			([name, value]) => name.toLowerCase() === 'cache-control' && /no-cache/i.test(value),
		);
		if (known && !fresh && Date.now() - known.learntMs < CLOCK_TTL_MS) {
			return { status: 200, headers: { 'content-type': 'application/json' }, body: String(localSeconds() + known.seconds) };
		}
		const response = await transport(request);
		const apiSeconds = Number(response.body);
		if (response.status === 200 && response.body.trim() !== '' && Number.isFinite(apiSeconds)) {
			offsets.delete(timeUrl);
			offsets.set(timeUrl, { seconds: apiSeconds - localSeconds(), learntMs: Date.now() });
			if (offsets.size > MAX_ENDPOINTS) offsets.delete(offsets.keys().next().value as string);
		}
		return response;
	};
}
