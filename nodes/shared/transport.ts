import type {
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { withSharedApiClock } from './apiClock';
import { OvhApiError, OvhClient, OvhTransportFailure, redactSecrets, resolveApiBaseUrl, type OvhTransport } from '../../lib/ovh';

export type OvhRequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions
	| ITriggerFunctions;

export type OvhCredentialType = 'ovhCloudApi' | 'ovhCloudOAuth2Api';

export function credentialTypeFor(authentication: unknown): OvhCredentialType {
	return authentication === 'oAuth2' ? 'ovhCloudOAuth2Api' : 'ovhCloudApi';
}

interface FullResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/**
 * Sends the client's requests through n8n's `httpRequestWithAuthentication`, so the
 * credential's `authenticate` signs them (n8n keeps the secrets) and n8n's proxy and SSRF
 * settings apply. Every HTTP status comes back as an answer for the client to judge, except
 * 401 on a service account: n8n must see that one to fetch a new token and retry.
 */
function n8nTransport(ctx: OvhRequestContext, credentialType: OvhCredentialType, secrets: string[]): OvhTransport {
	return async (request) => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			headers: request.headers,
			body: request.body,
			returnFullResponse: true,
			ignoreHttpStatusErrors: credentialType === 'ovhCloudOAuth2Api' ? { ignore: true, except: [401] } : true,
			json: false,
			encoding: 'text',
			timeout: request.timeoutMs,
		};
		let response: FullResponse | undefined;
		let failure: unknown;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options)) as FullResponse;
		} catch (error) {
			failure = error;
		}
		if (response) {
			const body = response.body;
			const text = typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body);
			return {
				status: response.statusCode,
				headers: response.headers ?? {},
				body: response.statusCode >= 400 ? redactErrorBody(text, secrets) : text,
			};
		}
		const refusal = findOvhApiError(failure);
		if (refusal) throw refusal;
		const httpStatus = statusOf(failure);
		if (httpStatus) {
			// n8n already retried once with a fresh token; hand the refusal to the client.
			return { status: httpStatus, headers: {}, body: JSON.stringify({ message: redactErrorBody(messageOf(failure), secrets) }) };
		}
		throw OvhTransportFailure.from(networkCause(failure));
	};
}

/**
 * An error answer becomes the error message users and logs see. Some edges (proxies, WAFs)
 * repeat the request in their error page, headers included: take the keys out of it.
 */
function redactErrorBody(text: string, secrets: string[]): string {
	return redactSecrets(text, secrets).replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[redacted]');
}

/** The token fetch of a service-account credential fails with an OvhApiError, which n8n
 * wraps in a NodeApiError: unwrap it so the user reads why the account was refused. */
function findOvhApiError(error: unknown): OvhApiError | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current; depth++) {
		if (current instanceof OvhApiError) return current;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function statusOf(error: unknown): number | undefined {
	const e = error as { httpCode?: unknown; response?: { status?: unknown } } | undefined;
	const status = Number(e?.response?.status ?? e?.httpCode);
	return Number.isInteger(status) && status >= 400 && status < 600 ? status : undefined;
}

function messageOf(error: unknown): string {
	const e = error as { description?: unknown; message?: unknown } | undefined;
	return String(e?.description || e?.message || 'authentication failed');
}

/** n8n wraps network errors in NodeApiError; the code that says whether anything was sent
 * sits on the original axios error. */
function networkCause(error: unknown): unknown {
	const e = error as { cause?: { code?: unknown }; code?: unknown; httpCode?: unknown; message?: unknown } | undefined;
	if (typeof e?.cause?.code === 'string') return e.cause;
	if (typeof e?.code === 'string') return e;
	if (typeof e?.httpCode === 'string' && /^E[A-Z_]+$/.test(e.httpCode)) return { code: e.httpCode, message: e.message };
	return error;
}

/**
 * The OVHcloud client for this node, with the credential the user picked. `sharedApiClock`
 * (the trigger's webhook calls and polls, which each build a client) reuses the API clock
 * learnt by an earlier client of the process; action nodes read it once per run, so that a
 * send's safety never rests on an offset learnt before the run.
 */
export async function createOvhClient(ctx: OvhRequestContext, { sharedApiClock = false } = {}): Promise<OvhClient> {
	const credentialType = credentialTypeFor(ctx.getNodeParameter('authentication', 0, 'apiKey'));
	const credentials = await ctx.getCredentials(credentialType);
	const baseUrl = resolveApiBaseUrl(String(credentials.endpoint ?? ''), String(credentials.customEndpoint ?? ''));
	const transport = n8nTransport(
		ctx,
		credentialType,
		['applicationSecret', 'consumerKey', 'clientSecret', 'accessToken'].map((key) => String(credentials[key] ?? '')),
	);
	return new OvhClient({
		baseUrl,
		transport: sharedApiClock ? withSharedApiClock(baseUrl, transport) : transport,
		auth: { type: 'transport', signsWithTimestamp: credentialType === 'ovhCloudApi' },
		sleep,
	});
}
