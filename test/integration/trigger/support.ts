// Shared by the trigger's integration tests: the sandbox, its credentials, and a signed client
// to send SMS the way another workflow would.
import http from 'node:http';
import { OvhClient, type OvhTransport } from '../../../lib/ovh';
import type { Sandbox } from '../../../sandbox';

const httpTransport: OvhTransport = (request) =>
	new Promise((resolve, reject) => {
		const req = http.request(request.url, { method: request.method, headers: request.headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('error', reject);
		if (request.body !== undefined) req.write(request.body);
		req.end();
	});

export function sandboxClient(sandbox: Sandbox): OvhClient {
	return new OvhClient({
		baseUrl: sandbox.apiBaseUrl,
		transport: httpTransport,
		auth: { type: 'applicationKey', ...sandbox.credentials },
		sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
	});
}

export function apiCredentials(sandbox: Sandbox) {
	return { ovhCloudApi: { endpoint: 'custom', customEndpoint: sandbox.apiBaseUrl, ...sandbox.credentials } };
}

/** The trigger's SMS Account parameter (a plain list, not a resource locator). */
export function account(sandbox: Sandbox): string {
	return sandbox.serviceName;
}

export interface SendOptions {
	tag?: string;
	/** Send from the short number, so that the receivers can reply. */
	senderForResponse?: boolean;
}

/** POST /sms/{sn}/jobs; returns the outgoing ids, one per receiver. */
export async function sendSms(sandbox: Sandbox, receivers: string[], message: string, options: SendOptions = {}): Promise<number[]> {
	const body = {
		message,
		receivers,
		noStopClause: true,
		...(options.senderForResponse ? { senderForResponse: true } : { sender: 'MyCompany' }),
		...(options.tag ? { tag: options.tag } : {}),
	};
	const report = await sandboxClient(sandbox).post<{ ids: number[] }>(`/sms/${sandbox.serviceName}/jobs`, body);
	return report.ids;
}

/** Waits (bounded) until `done` holds: for states the sandbox reaches on its own clock. */
export async function eventually<T>(probe: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`condition not reached within ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 15));
	}
}
