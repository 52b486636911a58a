// Runs a node's listSearch or loadOptions method the way the n8n editor does: n8n-core's
// LoadOptionsContext on a one-node workflow, the credential's own `authenticate` signing each request.
import { LoadOptionsContext } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
	type INodeListSearchResult,
	type INodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { OvhCloudApi } from '../../credentials/OvhCloudApi.credentials';
import type { Sandbox } from '../../sandbox';

class SandboxCredentials extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, _type: string, options: IHttpRequestOptions) {
		return await new OvhCloudApi().authenticate(credentials, options);
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}
	async getDecrypted() {
		return { ...this.data };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return [];
	}
}

/** Calls `nodeType.methods[kind][method]` with the node's current parameters. */
export async function callNodeMethod(
	sandbox: Sandbox,
	nodeType: INodeType,
	typeName: string,
	kind: 'listSearch' | 'loadOptions',
	method: string,
	parameters: IDataObject,
	filter?: string,
): Promise<unknown> {
	const node = {
		id: '1',
		name: 'Node',
		type: typeName,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: { authentication: 'apiKey', ...parameters },
		credentials: { ovhCloudApi: { id: 'cred-1', name: 'OVHcloud' } },
	};
	const workflow = new Workflow({
		id: 'wf',
		nodes: [node],
		connections: {},
		active: false,
		settings: {},
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType, 1),
			getKnownTypes: () => ({}),
		} as any,
	});
	const additionalData = {
		credentialsHelper: new SandboxCredentials({ endpoint: 'custom', customEndpoint: sandbox.apiBaseUrl, ...sandbox.credentials }),
		currentNodeParameters: node.parameters,
		variables: {},
		restApiUrl: '',
		instanceBaseUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, workflow.getNode('Node')!, additionalData, 'parameters.x');
	const fn = (nodeType as any).methods[kind][method];
	return await fn.call(context, filter);
}

/** A listSearch method's answer, as the editor's resource locator receives it. */
export async function runListSearch(
	sandbox: Sandbox,
	nodeType: INodeType,
	typeName: string,
	method: string,
	parameters: IDataObject,
	filter?: string,
): Promise<INodeListSearchResult> {
	return (await callNodeMethod(sandbox, nodeType, typeName, 'listSearch', method, parameters, filter)) as INodeListSearchResult;
}
