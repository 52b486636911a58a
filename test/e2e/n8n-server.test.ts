/**
 * The pack inside a real n8n server (2.41.1 on Node 24, installed on first run into
 * `.n8n-runtime/`, about 7 min; reused afterwards), against the sandbox: what a user
 * sees when they install the package and create an OVHcloud credential.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox';
import { loadN8nRuntime } from './support/loadN8nRuntime';

const PROJECT_ROOT = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { credentials: string[]; nodes: string[] };
};
const declaredFiles = [...manifest.n8n.credentials, ...manifest.n8n.nodes];
const missingFiles = declaredFiles.filter((file) => !fs.existsSync(path.join(PROJECT_ROOT, file)));
const isBuilt = declaredFiles.length > 0 && missingFiles.length === 0;
if (!isBuilt) {
	process.stderr.write(
		`\n[e2e] SKIPPED: the pack is not built (missing ${missingFiles.join(', ') || 'n8n files'}). Run \`npm run build\` first.\n\n`,
	);
}

const INSTALL_AND_START_TIMEOUT_MS = 30 * 60_000; // cold install ~7 min, more on a busy runner
// Each REST call takes well under a second, but a 2-core runner shared with n8n can stall.
jest.setTimeout(60_000);
const API_CREDENTIAL = { id: 'ovhApiSandbox01', name: 'OVHcloud sandbox (API keys)', type: 'ovhCloudApi' };
const OAUTH2_CREDENTIAL = { id: 'ovhOAuthSandbx01', name: 'OVHcloud sandbox (OAuth2)', type: 'ovhCloudOAuth2Api' };

const describeWhenBuilt = isBuilt ? describe : describe.skip;

describeWhenBuilt('n8n with the pack installed as a community package', () => {
	const runtime = loadN8nRuntime();
	const log = (line: string) => process.stderr.write(`${line}\n`);
	let sandbox: Sandbox;
	let server: Awaited<ReturnType<typeof runtime.startN8n>> | undefined;
	let session: Awaited<ReturnType<typeof runtime.setupOwner>>;
	let userFolder: string;

	const apiKeys = () => ({
		endpoint: 'custom',
		customEndpoint: sandbox.apiBaseUrl,
		applicationKey: sandbox.credentials.applicationKey,
		applicationSecret: sandbox.credentials.applicationSecret,
		consumerKey: sandbox.credentials.consumerKey,
	});
	const oauth2Keys = () => ({
		endpoint: 'custom',
		customEndpoint: sandbox.apiBaseUrl,
		customTokenUrl: sandbox.oauth2.tokenUrl,
		clientId: sandbox.oauth2.clientId,
		clientSecret: sandbox.oauth2.clientSecret,
	});
	/** What the editor's "Test" button posts for a saved credential. */
	const testCredential = async (credential: typeof API_CREDENTIAL, data: Record<string, string>) => {
		const response = await session.request('POST', '/rest/credentials/test', { credentials: { ...credential, data } });
		expect(response.status).toBe(200);
		return response.body.data as { status: 'OK' | 'Error'; message: string };
	};

	beforeAll(async () => {
		await runtime.ensureRuntime({ log });
		sandbox = await startSandbox();
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
		await runtime.importCredentials(
			[
				{ ...API_CREDENTIAL, data: apiKeys() },
				{ ...OAUTH2_CREDENTIAL, data: oauth2Keys() },
			],
			{ userFolder },
		);
		server = await runtime.startN8n({ userFolder, port: await runtime.findFreePort(), log });
		session = await runtime.setupOwner(server.url);
	}, INSTALL_AND_START_TIMEOUT_MS);

	afterAll(async () => {
		const stopped = await server?.stop();
		await sandbox?.close();
		if (stopped && !stopped.stillRunning) fs.rmSync(userFolder, { recursive: true, force: true });
		expect(stopped?.stillRunning ?? false).toBe(false);
	}, 60_000);

	test('the credentials panel offers both OVHcloud credential types', async () => {
		const response = await session.request('GET', '/types/credentials.json');
		expect(response.status).toBe(200);
		const names = (response.body as Array<{ name: string }>).map((type) => type.name);
		expect(names).toEqual(expect.arrayContaining(['ovhCloudApi', 'ovhCloudOAuth2Api']));
	});

	test('the nodes panel offers every node of the pack under its package name', async () => {
		const response = await session.request('GET', '/types/nodes.json');
		expect(response.status).toBe(200);
		const packNodes = (response.body as Array<{ name: string }>).filter((type) => type.name.startsWith(`${manifest.name}.`));
		expect(packNodes.length).toBeGreaterThanOrEqual(manifest.n8n.nodes.length);
	});

	test('testing the API-key credential with the sandbox keys succeeds, with a signed call', async () => {
		sandbox.clearRequests();
		const result = await testCredential(API_CREDENTIAL, apiKeys());
		expect(result).toMatchObject({ status: 'OK' });
		const call = sandbox.requests.find((request) => request.path === '/1.0/auth/currentCredential');
		expect(call).toMatchObject({ method: 'GET', status: 200 });
		expect(call?.headers['x-ovh-signature']).toMatch(/^\$1\$[0-9a-f]{40}$/);
	});

	test('testing the API-key credential with a wrong application secret fails', async () => {
		sandbox.clearRequests();
		const result = await testCredential(API_CREDENTIAL, { ...apiKeys(), applicationSecret: 'not-the-secret' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/refused the signature.*application secret/);
		expect(result.message).not.toContain('not-the-secret');
		// Refused by the signature check (OVHcloud answers 400 INVALID_SIGNATURE), not an unreachable endpoint.
		expect(sandbox.requests.find((request) => request.path === '/1.0/auth/currentCredential')?.status).toBe(400);
	});

	test('testing the OAuth2 credential with the sandbox client succeeds, and fails with a wrong secret', async () => {
		await expect(testCredential(OAUTH2_CREDENTIAL, oauth2Keys())).resolves.toMatchObject({ status: 'OK' });
		const wrong = await testCredential(OAUTH2_CREDENTIAL, { ...oauth2Keys(), clientSecret: 'not-the-secret' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).not.toContain('not-the-secret');
	});
});
