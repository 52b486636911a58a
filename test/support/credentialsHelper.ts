// n8n's credentials helper as the engine and the trigger contexts use it, with this pack's two
// credential types: decrypted data per type, the type's authenticate, and preAuthentication
// (token fetch) when the expirable field is empty or the token expired.
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
} from 'n8n-workflow';
import { Credentials } from 'n8n-core';
import { OvhCloudApi } from '../../credentials/OvhCloudApi.credentials';
import { OvhCloudOAuth2Api } from '../../credentials/OvhCloudOAuth2Api.credentials';

const credentialTypes: Record<string, ICredentialType> = {
	ovhCloudApi: new OvhCloudApi(),
	ovhCloudOAuth2Api: new OvhCloudOAuth2Api(),
};

export class TestCredentialsHelper extends ICredentialsHelper {
	preAuthenticationCalls = 0;

	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions) {
		const type = credentialTypes[typeName];
		return typeof type.authenticate === 'function' ? await type.authenticate(credentials, requestOptions) : requestOptions;
	}
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	) {
		const type = credentialTypes[typeName];
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!type.preAuthentication || !expirable) return undefined;
		if (credentials[expirable.name] && !credentialsExpired) return undefined;
		this.preAuthenticationCalls++;
		const output = await type.preAuthentication.call(helpers, credentials);
		Object.assign(this.data[typeName], output);
		return output as ICredentialDataDecryptedObject;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials() {
		return new Credentials({ id: null, name: '' }, '', '');
	}
	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string) {
		return { ...(this.data[type] ?? {}) };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return [];
	}
}
