import { BASE_URL_EXPRESSION, endpointProperties } from './shared/endpoint';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { signOutgoingRequest, type Query } from '../lib/ovh';

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
		...endpointProperties,
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

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
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
			baseURL: BASE_URL_EXPRESSION,
			url: '/auth/currentCredential',
		},
		// n8n shows only "Bad Request" for a failed test; say what OVHcloud's answer means.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'OVHcloud refused the signature (INVALID_SIGNATURE or QUERY_TIME_OUT): check the application secret and the consumer key',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'OVHcloud refused the keys: the application key or consumer key is unknown, expired or revoked',
				},
			},
		],
	};
}
