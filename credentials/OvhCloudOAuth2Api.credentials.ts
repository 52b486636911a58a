import { BASE_URL_EXPRESSION, endpointProperties } from './shared/endpoint';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { checkCustomBaseUrl, fetchOAuth2Token, OVH_ENDPOINTS, redactSecrets, type OvhTransport } from '../lib/ovh';

const TOKEN_URL_BY_API: Record<string, string> = Object.fromEntries(Object.values(OVH_ENDPOINTS).map((e) => [e.apiBaseUrl, e.tokenUrl]));

function tokenUrlFor(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.endpoint === 'custom') return checkCustomBaseUrl(String(credentials.customTokenUrl ?? ''), 'Custom token URL');
	const url = TOKEN_URL_BY_API[String(credentials.endpoint)];
	if (!url) throw new Error(`Unknown OVHcloud endpoint "${String(credentials.endpoint)}"`);
	return url;
}

export class OvhCloudOAuth2Api implements ICredentialType {
	name = 'ovhCloudOAuth2Api';

	displayName = 'OVHcloud Service Account (OAuth2) API';

	icon: Icon = { light: 'file:../icons/ovhcloud.svg', dark: 'file:../icons/ovhcloud.dark.svg' };

	documentationUrl = 'https://help.ovhcloud.com/csm/en-gb-api-service-account-connection?id=kb_article_view&sysparm_article=KB0059343';

	properties: INodeProperties[] = [
		{
			displayName:
				'A service account authenticates with the client credentials flow. Its rights come from IAM policies: allow the <code>sms:apiovh:*</code> actions on your SMS account (and <code>account:apiovh:sms/estimate</code> for estimates).',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		...endpointProperties,
		{
			displayName: 'Custom Token URL',
			name: 'customTokenUrl',
			type: 'string',
			default: 'http://127.0.0.1:8787/auth/oauth2/token',
			displayOptions: { show: { endpoint: ['custom'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	// n8n runs this when the token is missing, after a 401, and in the credential test; the
	// token it returns is stored (encrypted) with the credential and reused until then.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const transport: OvhTransport = async (request) => {
			const response = (await this.helpers.httpRequest({
				method: request.method,
				url: request.url,
				headers: request.headers,
				body: request.body,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: false,
				encoding: 'text',
				timeout: request.timeoutMs,
			})) as { statusCode: number; headers: Record<string, string>; body: unknown };
			const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
			// An edge that repeats the request in its error page would repeat the client secret.
			return {
				status: response.statusCode,
				headers: response.headers,
				body: response.statusCode >= 400 ? redactSecrets(body, [String(credentials.clientSecret ?? '')]) : body,
			};
		};
		const token = await fetchOAuth2Token(
			transport,
			{
				clientId: String(credentials.clientId ?? ''),
				clientSecret: String(credentials.clientSecret ?? ''),
				tokenUrl: tokenUrlFor(credentials),
			},
			Date.now(),
		);
		return { accessToken: token.accessToken };
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const url = `${requestOptions.baseURL ?? ''}${requestOptions.url}`;
		checkCustomBaseUrl(new URL(url).origin, 'Request URL');
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.accessToken ?? '')}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/sms',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The service account is valid but its IAM policies do not allow sms:apiovh:get on the SMS accounts',
				},
			},
		],
	};
}
