import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { signOutgoingRequest, type Query } from '../lib/ovh';

const ENDPOINT_BASE_URL_EXPRESSION =
	'={{ $credentials.endpoint === "custom" ? String($credentials.customEndpoint).trim().replace(/\\/+$/, "") : $credentials.endpoint }}';

export class OvhCloudApi implements ICredentialType {
	name = 'ovhCloudApi';

	displayName = 'OVHcloud API';

	icon: Icon = { light: 'file:../icons/ovhcloud.svg', dark: 'file:../icons/ovhcloud.dark.svg' };

	documentationUrl = 'https://help.ovhcloud.com/csm/en-gb-api-getting-started-ovhcloud-api?id=kb_article_view&sysparm_article=KB0042784';

	properties: INodeProperties[] = [
		{
			displayName:
				'Create the keys at <a href="https://eu.api.ovh.com/createToken/?GET=/sms&GET=/sms/*&POST=/sms/*&PUT=/sms/*&DELETE=/sms/*&POST=/me/document&GET=/me/document/*&PUT=/me/document/*&DELETE=/me/document/*" target="_blank">eu.api.ovh.com/createToken</a>. Grant GET, POST, PUT and DELETE on <code>/sms</code> and <code>/sms/*</code>, plus <code>/me/document</code> and <code>/me/document/*</code> for CSV uploads and exports. To try every node without an account, run this package\'s sandbox and choose Custom.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Endpoint',
			name: 'endpoint',
			type: 'options',
			options: [
				{ name: 'OVHcloud Europe (Ovh-Eu)', value: 'https://eu.api.ovh.com/1.0' },
				{ name: 'OVHcloud Canada (Ovh-Ca)', value: 'https://ca.api.ovh.com/1.0' },
				{ name: 'OVHcloud US (Ovh-Us)', value: 'https://api.us.ovhcloud.com/1.0' },
				{ name: 'Custom (Sandbox or Proxy)', value: 'custom' },
			],
			default: 'https://eu.api.ovh.com/1.0',
			description: 'OVHcloud sells SMS on the European API',
		},
		{
			displayName: 'Custom Endpoint',
			name: 'customEndpoint',
			type: 'string',
			default: 'http://127.0.0.1:8787/1.0',
			placeholder: 'http://127.0.0.1:8787/1.0',
			description: 'API base URL. Plain http is accepted only for 127.0.0.1 or localhost (the local sandbox); anything else must use https.',
			displayOptions: { show: { endpoint: ['custom'] } },
		},
		{
			displayName: 'Application Key',
			name: 'applicationKey',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Application Secret',
			name: 'applicationSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Consumer Key',
			name: 'consumerKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signOutgoingRequest(
			{
				applicationKey: String(credentials.applicationKey ?? ''),
				applicationSecret: String(credentials.applicationSecret ?? ''),
				consumerKey: String(credentials.consumerKey ?? ''),
			},
			{ ...requestOptions, qs: requestOptions.qs as Query | undefined },
			Math.round(Date.now() / 1000),
		);
	}

	// `/auth/time` would accept any keys; this call succeeds only with a valid, signed key set.
	test: ICredentialTestRequest = {
		request: {
			baseURL: ENDPOINT_BASE_URL_EXPRESSION,
			url: '/auth/currentCredential',
		},
	};
}
