import type { INodeProperties } from 'n8n-workflow';
import { OVH_ENDPOINTS } from '../../lib/ovh';

/** Endpoint fields both credentials share; the option values are the API base URLs. */
export const endpointProperties: INodeProperties[] = [
	{
		displayName: 'Endpoint',
		name: 'endpoint',
		type: 'options',
		options: [
			...Object.values(OVH_ENDPOINTS).map((endpoint) => ({ name: endpoint.label, value: endpoint.apiBaseUrl })),
			{ name: 'Custom (Sandbox or Proxy)', value: 'custom' },
		],
		default: OVH_ENDPOINTS['ovh-eu'].apiBaseUrl,
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
];

/** n8n expression giving the API base URL of the credential being tested. */
export const BASE_URL_EXPRESSION =
	'={{ $credentials.endpoint === "custom" ? String($credentials.customEndpoint).trim().replace(/\\/+$/, "") : $credentials.endpoint }}';
