import type { Sandbox } from '../../../sandbox';

export const credentialsFor = (sandbox: Sandbox) => ({
	ovhCloudApi: { endpoint: 'custom', customEndpoint: sandbox.apiBaseUrl, ...sandbox.credentials },
});

export const accountOf = (sandbox: Sandbox) => ({ __rl: true, mode: 'id', value: sandbox.serviceName });

export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value });
