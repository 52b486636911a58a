// Issue #8, "no leaked secret": every operation of the four nodes runs with continue-on-fail,
// with API-key and service-account (OAuth2) credentials, with working keys and with failing
// ones (expired consumer key, revoked or wrong OAuth2 secret, wrong application secret, 5xx and
// 401 answers, and an edge that echoes the request back in its 401 page), and everything n8n
// keeps is searched for the secrets: the run data as n8n saves it and every object reachable
// from it (error messages, descriptions, causes, stacks, binary data), n8n's log lines (debug
// level) and the console. The secrets are random canaries installed in the sandbox.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';
import { DEFAULT_RETRY_POLICY } from '../../../lib/ovh/retry';
import { OvhSms } from '../../../nodes/OvhSms/OvhSms.node';
import { OvhSmsAddressBook } from '../../../nodes/OvhSmsAddressBook/OvhSmsAddressBook.node';
import { OvhSmsSender } from '../../../nodes/OvhSmsSender/OvhSmsSender.node';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { engineLogLines, formatLogLine, logMark, linesSince } from '../../support/engineLogs';
import { registerNodeType, runNode, type RunResult } from '../../support/n8nEngine';
import { TriggerHarness } from '../../support/n8nTrigger';
import { findSecrets, reachableStrings, scanRun, type Finding, type Secret } from '../../support/secretScan';
import { sandboxClient } from '../trigger/support';

registerNodeType('n8n-nodes-ovh-sms.ovhSmsSender', new OvhSmsSender());
registerNodeType('n8n-nodes-ovh-sms.ovhSmsAddressBook', new OvhSmsAddressBook());

// What is checked is what the last error carries, not the backoff: the client's retries are
// kept (6 attempts) but their waits shortened, so a persistent 5xx costs milliseconds.
DEFAULT_RETRY_POLICY.baseDelayMs = 1;
DEFAULT_RETRY_POLICY.maxDelayMs = 5;

const canary = (what: string) => `Zq${what}${randomBytes(12).toString('hex')}Xw`;
const CANARY = {
	applicationSecret: canary('AppSecret'),
	consumerKey: canary('ConsumerKey'),
	oauth2Secret: canary('OAuthSecret'),
	wrongApplicationSecret: canary('WrongAppSecret'),
	wrongOAuth2Secret: canary('WrongOAuthSecret'),
};
const CUSTOMERS = 'b0c5a1d2e3f40001';
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value });

let sandbox: Sandbox;
let proxy: FaultProxy;
const consoleLines: string[] = [];
const findings: Finding[] = [];
/** Every access token the sandbox issued during the file. */
const issuedTokens = new Set<string>();
const figures = { runs: 0, operations: 0, itemsScanned: 0, errorItems: 0, logLines: 0, triggerCalls: 0 };

// ---------------------------------------------------------------------------------------------
// A loopback edge in front of the sandbox: passes through, or answers every API call itself.

/** How an edge repeats the request in its error page: not at all, as is, or encoded. */
type Echo = false | 'plain' | 'base64' | 'base64url' | 'percent' | 'json-unicode';
type ProxyMode = { kind: 'pass' } | { kind: 'status'; status: number; echo: Echo; tokenEndpointToo?: boolean };

/** The error page of an edge that repeats the request (method, URL, headers, body) in `echo`. */
function echoPage(status: number, echo: Exclude<Echo, false>, request: string): { type: string; page: string } {
	const html = (inside: string) => ({ type: 'text/html', page: `<html><body><h1>${status}</h1><pre>${inside}</pre></body></html>` });
	switch (echo) {
		case 'plain':
			return html(request);
		case 'base64':
		case 'base64url':
			return html(Buffer.from(request).toString(echo));
		case 'percent':
			return html(encodeURIComponent(request));
		case 'json-unicode': {
			// JSON whose message repeats the request with every character escaped (\u0041): a JSON parser
			// turns it back into the plain keys.
			const escaped = [...request].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
			return { type: 'application/json', page: `{"message":"Bad gateway: ${escaped}"}` };
		}
	}
}

interface FaultProxy {
	url: string;
	mode: ProxyMode;
	close(): Promise<void>;
}

async function startProxy(target: () => string): Promise<FaultProxy> {
	const state: FaultProxy = { url: '', mode: { kind: 'pass' }, close: async () => undefined };
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const mode = state.mode;
			// The token endpoint passes: the faults are on the API.
			if (mode.kind === 'status' && (mode.tokenEndpointToo || !req.url?.startsWith('/auth/oauth2/'))) {
				// A hostile or verbose edge: its error page repeats the request, headers and body included.
				const request = `${req.method} ${req.url}\n${Object.entries(req.headers)
					.map(([name, value]) => `${name}: ${String(value)}`)
					.join('\n')}\n${body.toString('utf8')}`;
				const { type, page } = mode.echo
					? echoPage(mode.status, mode.echo, request)
					: {
							type: 'application/json',
							page: JSON.stringify({ message: mode.status === 401 ? 'You must login first' : 'Internal server error' }),
						};
				res.writeHead(mode.status, { 'Content-Type': type });
				res.end(page);
				return;
			}
			const upstream = new URL(req.url ?? '/', target());
			const forward = http.request(upstream, { method: req.method, headers: { ...req.headers, host: upstream.host } }, (answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			});
			forward.on('error', () => {
				res.writeHead(502);
				res.end();
			});
			forward.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	state.close = () =>
		new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	return state;
}

// ---------------------------------------------------------------------------------------------
// Sandbox keys replaced by canaries; fixtures made with the seed keys first.

interface Fixtures {
	deferredSmsId: number;
	sentSmsId: number;
	receivedIds: [number, number];
	scheduledCampaigns: [string, string];
	spareBookKey: string;
}

async function prepareSandbox(): Promise<Fixtures> {
	sandbox.reset();
	sandbox.setCredits(100_000);
	const client = sandboxClient(sandbox);
	const sn = sandbox.serviceName;
	const job = (extra: IDataObject) =>
		client.post<{ ids: number[] }>(`/sms/${sn}/jobs`, {
			message: 'fixture',
			receivers: ['+33611111111'],
			sender: 'MyCompany',
			noStopClause: true,
			...extra,
		});
	const deferred = await job({ differedPeriod: 600 });
	const sent = await job({});
	const first = await sandbox.injectIncoming({ sender: '+33622222222', message: 'YES please' });
	const second = await sandbox.injectIncoming({ sender: '+33633333333', message: 'NO' });
	const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
	const batch = (name: string) =>
		client.post<{ id: string }>(`/sms/${sn}/batches`, { name, message: 'Hello', from: 'MyCompany', to: ['+33611111111'], deferred: later });
	const campaigns: [string, string] = [(await batch('to cancel')).id, (await batch('to keep')).id];
	const spareBookKey = await client.post<string>(`/sms/${sn}/phonebooks`, { name: 'Spare' });

	const credentials = sandbox.state.credentials;
	credentials.applications[sandbox.credentials.applicationKey].applicationSecret = CANARY.applicationSecret;
	const seedKey = credentials.consumerKeys[sandbox.credentials.consumerKey];
	delete credentials.consumerKeys[sandbox.credentials.consumerKey];
	credentials.consumerKeys[CANARY.consumerKey] = { ...seedKey, consumerKey: CANARY.consumerKey };
	credentials.oauth2Clients[sandbox.oauth2.clientId].clientSecret = CANARY.oauth2Secret;
	return {
		deferredSmsId: deferred.ids[0],
		sentSmsId: sent.ids[0],
		receivedIds: [first.id, second.id],
		scheduledCampaigns: campaigns,
		spareBookKey: String(spareBookKey),
	};
}

function rememberTokens(): void {
	for (const token of Object.keys(sandbox.state.credentials.oauth2Tokens)) issuedTokens.add(token);
}

function secrets(): Secret[] {
	return [
		{ name: 'application secret', value: CANARY.applicationSecret },
		{ name: 'consumer key', value: CANARY.consumerKey },
		{ name: 'OAuth2 client secret', value: CANARY.oauth2Secret },
		{ name: 'wrong application secret', value: CANARY.wrongApplicationSecret },
		{ name: 'wrong OAuth2 client secret', value: CANARY.wrongOAuth2Secret },
		...[...issuedTokens].map((token, i) => ({ name: `OAuth2 access token #${i + 1}`, value: token })),
	];
}

// ---------------------------------------------------------------------------------------------
// Every operation of the three action nodes, with parameters that succeed on working keys.

interface Operation {
	node: 'ovhSms' | 'ovhSmsSender' | 'ovhSmsAddressBook';
	resource: string;
	operation: string;
	parameters: (f: Fixtures) => IDataObject;
	items?: Array<IDataObject | INodeExecutionData>;
}

const file = (text: string, mimeType: string, fileName: string): INodeExecutionData => ({
	json: {},
	binary: { data: { data: Buffer.from(text).toString('base64'), mimeType, fileName } },
});
const sendToNumbers = {
	senderType: 'sender',
	sender: rl('MyCompany'),
	recipientSource: 'numbers',
	receivers: '+33611111111',
	message: 'Your parcel arrives tomorrow',
	options: {},
};

// Reads first, then writes, then deletions, so one sandbox state serves the whole list.
const OPERATIONS: Operation[] = [
	// OVHcloud SMS
	{ node: 'ovhSms', resource: 'account', operation: 'get', parameters: () => ({}) },
	{
		node: 'ovhSms',
		resource: 'sms',
		operation: 'estimate',
		parameters: () => ({ senderType: 'sender', sender: rl('MyCompany'), message: 'Hello', recipientCount: 3 }),
	},
	{ node: 'ovhSms', resource: 'sms', operation: 'getStatus', parameters: (f) => ({ smsId: String(f.sentSmsId) }) },
	{ node: 'ovhSms', resource: 'sms', operation: 'getMany', parameters: () => ({ returnAll: true }) },
	{ node: 'ovhSms', resource: 'receivedSms', operation: 'getMany', parameters: () => ({ returnAll: true }) },
	{ node: 'ovhSms', resource: 'receivedSms', operation: 'get', parameters: (f) => ({ receivedSmsId: String(f.receivedIds[0]) }) },
	{ node: 'ovhSms', resource: 'campaign', operation: 'get', parameters: (f) => ({ campaignId: f.scheduledCampaigns[1] }) },
	{ node: 'ovhSms', resource: 'campaign', operation: 'getMany', parameters: () => ({ returnAll: true }) },
	{ node: 'ovhSms', resource: 'campaign', operation: 'getStatistics', parameters: (f) => ({ campaignId: f.scheduledCampaigns[1] }) },
	{ node: 'ovhSms', resource: 'sms', operation: 'send', parameters: () => sendToNumbers },
	{
		node: 'ovhSms',
		resource: 'phoneNumber',
		operation: 'lookUp',
		parameters: () => ({ phoneNumbers: '+33611111111, +33611110000', options: { operatorName: true, waitMinutes: 0.1 } }),
	},
	{
		node: 'ovhSms',
		resource: 'campaign',
		operation: 'create',
		parameters: () => ({
			campaignName: 'Canary campaign',
			senderType: 'sender',
			sender: rl('MyCompany'),
			recipientSource: 'recipientList',
			recipientListSlot: 1,
			message: 'Hi #firstname#',
			startMode: 'now',
			waitForCompletion: false,
		}),
	},
	{
		node: 'ovhSms',
		resource: 'campaign',
		operation: 'rename',
		parameters: (f) => ({ campaignId: f.scheduledCampaigns[1], newCampaignName: 'Renamed' }),
	},
	{ node: 'ovhSms', resource: 'campaign', operation: 'cancel', parameters: (f) => ({ campaignId: f.scheduledCampaigns[0] }) },
	{ node: 'ovhSms', resource: 'sms', operation: 'cancel', parameters: (f) => ({ smsId: String(f.deferredSmsId) }) },
	{
		node: 'ovhSms',
		resource: 'account',
		operation: 'updateCallbacks',
		parameters: () => ({ callbacks: { deliveryReportUrl: 'https://example.com/dlr' } }),
	},
	{ node: 'ovhSms', resource: 'campaign', operation: 'delete', parameters: (f) => ({ campaignId: f.scheduledCampaigns[0] }) },
	{ node: 'ovhSms', resource: 'receivedSms', operation: 'delete', parameters: (f) => ({ receivedSmsId: String(f.receivedIds[1]) }) },
	// OVHcloud SMS Sender
	{ node: 'ovhSmsSender', resource: 'sender', operation: 'getMany', parameters: () => ({ returnAll: true }) },
	{ node: 'ovhSmsSender', resource: 'sender', operation: 'get', parameters: () => ({ sender: rl('Refused') }) },
	{
		node: 'ovhSmsSender',
		resource: 'sender',
		operation: 'create',
		parameters: () => ({ creationMode: 'manual', senderName: 'CanaryShop', reason: 'r' }),
	},
	{ node: 'ovhSmsSender', resource: 'sender', operation: 'validate', parameters: () => ({ sender: rl('Pending'), code: '123456' }) },
	{
		node: 'ovhSmsSender',
		resource: 'sender',
		operation: 'update',
		parameters: () => ({ sender: rl('Alerts'), updateFields: { description: 'Paused' } }),
	},
	{
		node: 'ovhSmsSender',
		resource: 'supportingDocument',
		operation: 'upload',
		parameters: () => ({ sender: rl('CanaryShop'), binaryPropertyName: 'data' }),
		items: [file('%PDF-1.4 certificate', 'application/pdf', 'kbis.pdf')],
	},
	{ node: 'ovhSmsSender', resource: 'supportingDocument', operation: 'getMany', parameters: () => ({ sender: rl('CanaryShop') }) },
	{ node: 'ovhSmsSender', resource: 'sender', operation: 'delete', parameters: () => ({ sender: rl('Disabled') }) },
	// OVHcloud SMS Address Book
	{ node: 'ovhSmsAddressBook', resource: 'addressBook', operation: 'getMany', parameters: () => ({ returnAll: true }) },
	{ node: 'ovhSmsAddressBook', resource: 'addressBook', operation: 'get', parameters: () => ({ addressBook: rl(CUSTOMERS) }) },
	{
		node: 'ovhSmsAddressBook',
		resource: 'addressBook',
		operation: 'export',
		parameters: () => ({ addressBook: rl(CUSTOMERS), binaryPropertyName: 'data' }),
	},
	{
		node: 'ovhSmsAddressBook',
		resource: 'contact',
		operation: 'getMany',
		parameters: () => ({ addressBook: rl(CUSTOMERS), returnAll: true }),
	},
	{
		node: 'ovhSmsAddressBook',
		resource: 'contact',
		operation: 'get',
		parameters: () => ({ addressBook: rl(CUSTOMERS), contactId: 5000001 }),
	},
	{ node: 'ovhSmsAddressBook', resource: 'recipientList', operation: 'getMany', parameters: () => ({}) },
	{ node: 'ovhSmsAddressBook', resource: 'recipientList', operation: 'get', parameters: () => ({ recipientListSlot: rl('1') }) },
	{
		node: 'ovhSmsAddressBook',
		resource: 'recipientList',
		operation: 'download',
		parameters: () => ({ recipientListSlot: rl('1'), binaryPropertyName: 'data' }),
	},
	{ node: 'ovhSmsAddressBook', resource: 'addressBook', operation: 'create', parameters: () => ({ bookName: 'Canary book' }) },
	{
		node: 'ovhSmsAddressBook',
		resource: 'addressBook',
		operation: 'rename',
		parameters: (f) => ({ addressBook: rl(f.spareBookKey), newName: 'Spare 2' }),
	},
	{
		node: 'ovhSmsAddressBook',
		resource: 'addressBook',
		operation: 'import',
		parameters: (f) => ({ importMode: 'contactByContact', addressBook: rl(f.spareBookKey), binaryPropertyName: 'data' }),
		items: [file('group;name;surname;homeMobile\nLeads;Doe;Jane;+33699000001\n', 'text/csv', 'contacts.csv')],
	},
	{
		node: 'ovhSmsAddressBook',
		resource: 'contact',
		operation: 'create',
		parameters: () => ({
			addressBook: rl(CUSTOMERS),
			group: 'Leads',
			name: 'Doe',
			surname: 'John',
			phoneNumbers: { homeMobile: '+33699000002' },
		}),
	},
	{
		node: 'ovhSmsAddressBook',
		resource: 'contact',
		operation: 'update',
		parameters: () => ({ addressBook: rl(CUSTOMERS), contactId: 5000002, updateFields: { surname: 'Jack' } }),
	},
	{
		node: 'ovhSmsAddressBook',
		resource: 'contact',
		operation: 'upsert',
		parameters: () => ({ addressBook: rl(CUSTOMERS), name: 'Roe', surname: 'Ann', phoneNumbers: { homeMobile: '+33699000003' } }),
	},
	{
		node: 'ovhSmsAddressBook',
		resource: 'recipientList',
		operation: 'create',
		parameters: () => ({
			newSlotId: 4,
			listDescription: 'Canary list',
			listSource: 'binary',
			binaryPropertyName: 'data',
			numberColumn: 'number',
		}),
		items: [file('number\n+33622000001\n', 'text/csv', 'list.csv')],
	},
	{
		node: 'ovhSmsAddressBook',
		resource: 'recipientList',
		operation: 'clean',
		parameters: () => ({ recipientListSlot: rl('1'), cleaningType: 'hlr', spendCredits: false }),
	},
	{
		node: 'ovhSmsAddressBook',
		resource: 'contact',
		operation: 'delete',
		parameters: () => ({ addressBook: rl(CUSTOMERS), contactId: 5000003 }),
	},
	{ node: 'ovhSmsAddressBook', resource: 'recipientList', operation: 'delete', parameters: () => ({ recipientListSlot: rl('4') }) },
	{ node: 'ovhSmsAddressBook', resource: 'addressBook', operation: 'delete', parameters: (f) => ({ addressBook: rl(f.spareBookKey) }) },
];

/** Every operation each node's description offers, read from the description itself. */
function describedOperations(): string[] {
	const nodes = { ovhSms: new OvhSms(), ovhSmsSender: new OvhSmsSender(), ovhSmsAddressBook: new OvhSmsAddressBook() };
	const out: string[] = [];
	for (const [name, node] of Object.entries(nodes)) {
		for (const property of node.description.properties) {
			if (property.name !== 'operation') continue;
			for (const resource of property.displayOptions?.show?.resource ?? []) {
				for (const option of property.options ?? []) out.push(`${name} ${String(resource)}.${String((option as { value: string }).value)}`);
			}
		}
	}
	return out.sort();
}

// ---------------------------------------------------------------------------------------------
// Credential scenarios.

type CredentialKind = 'apiKey' | 'oAuth2';

interface Scenario {
	name: string;
	kind: CredentialKind;
	/** Whether the operations are expected to work. */
	works: boolean;
	through?: ProxyMode;
	prepare?: () => void;
	credentials?: (base: ICredentialDataDecryptedObject) => ICredentialDataDecryptedObject;
}

function credentialsFor(kind: CredentialKind, scenario: Scenario): Record<string, ICredentialDataDecryptedObject> {
	const base = scenario.through ? proxy.url : sandbox.url;
	const data: ICredentialDataDecryptedObject =
		kind === 'apiKey'
			? {
					endpoint: 'custom',
					customEndpoint: `${base}/1.0`,
					applicationKey: sandbox.credentials.applicationKey,
					applicationSecret: CANARY.applicationSecret,
					consumerKey: CANARY.consumerKey,
				}
			: {
					endpoint: 'custom',
					customEndpoint: `${base}/1.0`,
					customTokenUrl: `${base}/auth/oauth2/token`,
					clientId: sandbox.oauth2.clientId,
					clientSecret: CANARY.oauth2Secret,
					accessToken: '',
				};
	const final = scenario.credentials ? scenario.credentials(data) : data;
	return { [kind === 'apiKey' ? 'ovhCloudApi' : 'ovhCloudOAuth2Api']: final };
}

const SCENARIOS: Scenario[] = [
	{ name: 'working API keys', kind: 'apiKey', works: true },
	{ name: 'working service account', kind: 'oAuth2', works: true },
	{
		name: 'expired consumer key',
		kind: 'apiKey',
		works: false,
		prepare: () => {
			sandbox.state.credentials.consumerKeys[CANARY.consumerKey].status = 'expired';
		},
	},
	{
		name: 'wrong application secret',
		kind: 'apiKey',
		works: false,
		credentials: (c) => ({ ...c, applicationSecret: CANARY.wrongApplicationSecret }),
	},
	{ name: 'revoked service-account secret', kind: 'oAuth2', works: false, prepare: () => sandbox.revokeOAuth2() },
	{
		name: 'wrong service-account secret',
		kind: 'oAuth2',
		works: false,
		credentials: (c) => ({ ...c, clientSecret: CANARY.wrongOAuth2Secret }),
	},
	{ name: 'API keys, every call 5xx', kind: 'apiKey', works: false, prepare: () => sandbox.setFaults({ rate5xx: 1 }) },
	{ name: 'service account, every call 5xx', kind: 'oAuth2', works: false, prepare: () => sandbox.setFaults({ rate5xx: 1 }) },
	{ name: 'API keys, every call 401', kind: 'apiKey', works: false, through: { kind: 'status', status: 401, echo: false } },
	{ name: 'service account, every call 401', kind: 'oAuth2', works: false, through: { kind: 'status', status: 401, echo: false } },
	{
		name: 'API keys, an edge echoing the request in its 401 page',
		kind: 'apiKey',
		works: false,
		through: { kind: 'status', status: 401, echo: 'plain' },
	},
	{
		name: 'service account, an edge echoing the request in its 502 page',
		kind: 'oAuth2',
		works: false,
		through: { kind: 'status', status: 502, echo: 'plain' },
	},
	{
		name: 'service account, an edge echoing the token request in its 401 page',
		kind: 'oAuth2',
		works: false,
		through: { kind: 'status', status: 401, echo: 'plain', tokenEndpointToo: true },
	},
	// The same edge repeating the request headers encoded: base64 (both credential kinds),
	// base64url, percent-encoded, JSON-escaped.
	...(['apiKey', 'oAuth2'] as const).flatMap((kind): Scenario[] =>
		(['base64', 'base64url', 'percent', 'json-unicode'] as const).map((echo) => ({
			name: `${kind === 'apiKey' ? 'API keys' : 'service account'}, an edge echoing the request ${echo}-encoded in its 502 page`,
			kind,
			works: false,
			through: { kind: 'status', status: 502, echo },
		})),
	),
	{
		name: 'service account, an edge echoing the token request base64-encoded in its 502 page',
		kind: 'oAuth2',
		works: false,
		through: { kind: 'status', status: 502, echo: 'base64', tokenEndpointToo: true },
	},
];

interface RunRecord {
	label: string;
	result: RunResult;
}

/** Runs every operation under one scenario; returns the runs, to be scanned once the tokens are known. */
async function runScenario(scenario: Scenario): Promise<RunRecord[]> {
	const fixtures = await prepareSandbox();
	proxy.mode = scenario.through ?? { kind: 'pass' };
	scenario.prepare?.();
	const credentials = credentialsFor(scenario.kind, scenario);
	const records: RunRecord[] = [];
	for (const op of OPERATIONS) {
		const result = await runNode({
			type: op.node,
			credentials,
			parameters: { serviceName: rl(sandbox.serviceName), resource: op.resource, operation: op.operation, ...op.parameters(fixtures) },
			items: op.items,
			continueOnFail: true,
		});
		rememberTokens();
		records.push({ label: `${scenario.name} › ${op.node} ${op.resource}.${op.operation}`, result });
	}
	proxy.mode = { kind: 'pass' };
	return records;
}

function scanRecord(record: RunRecord): Finding[] {
	const { result, label } = record;
	figures.runs++;
	figures.itemsScanned += result.output.length;
	figures.errorItems += result.output.filter((item) => item.json.error !== undefined).length;
	figures.logLines += result.logs.length;
	return [
		...scanRun(result.run, secrets(), label),
		...findSecrets(result.logs.map(formatLogLine).join('\n'), secrets(), `${label}: log lines`),
	];
}

const failedItems = (result: RunResult) => result.output.filter((item) => item.json.error !== undefined);
const describe_ = (records: RunRecord[]) =>
	records
		.filter((r) => r.result.status !== 'success' || failedItems(r.result).length > 0)
		.map((r) => `${r.label}: ${r.result.error?.message ?? String(failedItems(r.result)[0]?.json.error)}`);

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 20, senderValidationDelayMs: 60_000, credits: 100_000 });
	proxy = await startProxy(() => sandbox.url);
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		const original = console[method].bind(console);
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
			consoleLines.push(args.map((a) => (typeof a === 'string' ? a : reachableStrings(a).join(' '))).join(' '));
			original(...args);
		});
	}
});
afterAll(async () => {
	jest.restoreAllMocks();
	await proxy?.close();
	await sandbox?.close();
	process.stderr.write(
		`[reliability/secrets] ${figures.runs} node runs (${figures.operations} operations × ${SCENARIOS.length} credential scenarios), ` +
			`${figures.itemsScanned} output items (${figures.errorItems} error items), ${figures.triggerCalls} trigger polls/hooks/webhook calls, ` +
			`${engineLogLines.length} log lines, ${consoleLines.length} console lines, ${issuedTokens.size} access tokens searched; findings: ${findings.length}\n`,
	);
});

test('the operation list covers every operation the three action nodes describe', async () => {
	const covered = OPERATIONS.map((op) => `${op.node} ${op.resource}.${op.operation}`).sort();
	expect(covered).toEqual(describedOperations());
	figures.operations = OPERATIONS.length;
});

describe.each(SCENARIOS)('every operation with $name', (scenario) => {
	test(
		scenario.works
			? 'works, and no secret is in the run data or the logs'
			: 'fails item by item, and no secret is in the run data or the logs',
		async () => {
			const records = await runScenario(scenario);
			const problems = describe_(records);
			if (scenario.works) {
				expect(problems).toEqual([]);
			} else {
				// Every operation reached OVHcloud and failed on the credentials or the answer: each
				// item is an error item (continue-on-fail), none stopped the workflow.
				expect(records.filter((r) => r.result.status !== 'success').map((r) => r.label)).toEqual([]);
				expect(records.filter((r) => failedItems(r.result).length === 0).map((r) => r.label)).toEqual([]);
			}
			const found = records.flatMap(scanRecord);
			findings.push(...found);
			expect(found).toEqual([]);
		},
	);
});

describe('the trigger', () => {
	const triggerSecrets = (token: string): Secret[] => [...secrets(), { name: 'webhook token', value: token }];

	async function triggerUnder(kind: CredentialKind, scenario: Scenario | undefined, parameters: IDataObject) {
		let credentials = credentialsFor(kind, scenario ?? { name: 'working', kind, works: true });
		if (kind === 'oAuth2') {
			// The trigger harness does not fetch tokens (n8n does it before the contexts run): fetch one as n8n would.
			const response = await fetch(`${sandbox.url}/auth/oauth2/token`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					grant_type: 'client_credentials',
					client_id: sandbox.oauth2.clientId,
					client_secret: CANARY.oauth2Secret,
				}).toString(),
			});
			const { access_token } = (await response.json()) as { access_token: string };
			credentials = { ovhCloudOAuth2Api: { ...credentials.ovhCloudOAuth2Api, accessToken: access_token } };
			rememberTokens();
		}
		return TriggerHarness.start({ parameters: { serviceName: sandbox.serviceName, ...parameters }, credentials });
	}

	test.each(['apiKey', 'oAuth2'] as const)(
		'with %s credentials: polls, hooks and webhook calls, working then failing, leak nothing',
		async (kind) => {
			await prepareSandbox();
			const mark = logMark();
			const consoleMark = consoleLines.length;
			const seen: unknown[] = [];
			const record = async (what: string, action: () => Promise<unknown>) => {
				figures.triggerCalls++;
				try {
					seen.push({ what, value: await action() });
				} catch (error) {
					seen.push({ what, error });
				}
			};

			// Polling mode: a reply to find, then the same poll with the keys failing.
			const polling = await triggerUnder(kind, undefined, { mode: 'polling', event: 'smsReceived' });
			await record('first poll', () => polling.poll());
			await sandbox.injectIncoming({ sender: '+33611111111', message: 'YES' });
			await record('poll with a reply', () => polling.poll());
			await record('manual poll', () => polling.poll('manual'));

			// Webhook mode: activation, calls with the right and wrong tokens, deactivation.
			const webhook = await triggerUnder(kind, undefined, { mode: 'webhook', event: 'smsReceived' });
			await record('activate', () => webhook.activate());
			const registered = sandbox.state.accounts[sandbox.serviceName].smsResponse.cgiUrl!;
			const token = new URL(registered).searchParams.get('token')!;
			await sandbox.injectIncoming({ sender: '+33611111111', message: 'Oui' });
			await webhook.waitForExecutions(1);
			const callUrl = (t: string) => `${webhook.productionWebhookUrl}?token=${encodeURIComponent(t)}`;
			const form = (id: string) => ({
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: `id=${id}&message=YES&senderid=%2B33611111111`,
			});
			const answers: string[] = [];
			const call = async (url: string, init: RequestInit) => {
				figures.triggerCalls++;
				const response = await fetch(url, init);
				answers.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`);
			};
			await call(callUrl(token.slice(0, -1)), form('1'));
			await call(callUrl(token), form('99999'));

			// The keys fail now: polls, webhook checks and the hooks must fail without telling them.
			if (kind === 'apiKey') sandbox.state.credentials.consumerKeys[CANARY.consumerKey].status = 'expired';
			else sandbox.revokeOAuth2();
			await record('poll, keys failing', () => polling.poll());
			await call(callUrl(token), form('1'));
			const reactivated = await triggerUnder(kind, undefined, { mode: 'webhook', event: 'deliveryReport' });
			await record('activate, keys failing', () => reactivated.activate());
			await record('deactivate, keys failing', () => webhook.deactivate());
			sandbox.setFaults({ rate5xx: 1 });
			await record('poll, every call 5xx', () => polling.poll());
			await call(callUrl(token), form('1'));
			sandbox.setFaults({});

			const events = webhook.executions;
			const logs = linesSince(mark).map(formatLogLine).join('\n');
			const consoleText = consoleLines.slice(consoleMark).join('\n');
			for (const harness of [polling, webhook, reactivated]) await harness.close();
			rememberTokens();
			const all = triggerSecrets(token);
			const found = [
				...findSecrets(reachableStrings(seen).join('\n'), all, `trigger ${kind}: poll outputs and hook errors`),
				...findSecrets(reachableStrings(events).join('\n'), all, `trigger ${kind}: webhook events`),
				...findSecrets(webhook.calls.map((c) => c.responseBody).join('\n') + answers.join('\n'), all, `trigger ${kind}: webhook answers`),
				...findSecrets(logs, all, `trigger ${kind}: log lines`),
				...findSecrets(consoleText, all, `trigger ${kind}: console`),
			];
			findings.push(...found);
			expect(events).toHaveLength(1);
			// The log was captured: the refused checks were logged (so a leak there would be seen).
			expect(logs).toMatch(/could not check a callback/);
			// Failing keys were seen as failures (the checks can fail).
			expect(seen.filter((s) => (s as { error?: unknown }).error !== undefined).length).toBeGreaterThanOrEqual(3);
			expect(answers.map((a) => a.slice(0, 3))).toEqual(['401', '404', '503', '503']);
			expect(found).toEqual([]);
		},
	);

	test("the OVHcloud SMS node's Account › Get does not hand out the trigger's webhook token", async () => {
		await prepareSandbox();
		const webhook = await triggerUnder('apiKey', undefined, { mode: 'webhook', event: 'smsReceived' });
		await webhook.activate();
		const token = new URL(sandbox.state.accounts[sandbox.serviceName].smsResponse.cgiUrl!).searchParams.get('token')!;
		const result = await runNode({
			type: 'ovhSms',
			credentials: credentialsFor('apiKey', SCENARIOS[0]),
			parameters: { serviceName: rl(sandbox.serviceName), resource: 'account', operation: 'get' },
		});
		await webhook.close();
		expect(result.status).toBe('success');
		expect(JSON.stringify(result.output[0].json)).toContain(webhook.productionWebhookUrl.split('?')[0].replace(/^http:\/\/[^/]+/, ''));
		expect(scanRun(result.run, [{ name: 'webhook token', value: token }], 'account get')).toEqual([]);
	});
});

test('nothing the nodes or n8n printed to the console holds a secret', () => {
	expect(findSecrets(consoleLines.join('\n'), secrets(), 'console')).toEqual([]);
	// The checks searched real tokens: the service-account scenarios did get some.
	expect(issuedTokens.size).toBeGreaterThan(0);
});
