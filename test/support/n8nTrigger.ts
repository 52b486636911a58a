// Runs a trigger node the way n8n's server does, on n8n's own contexts: PollContext for
// `poll()` (production polls and "Fetch test event"), HookContext for `webhookMethods`
// (activation, deactivation, "Listen for test event"), WebhookContext for `webhook()` behind a
// real loopback HTTP server that routes `/webhook/...` and `/webhook-test/...` like n8n, parses
// bodies like n8n (JSON, form, text) and answers like n8n when the node does not.
// Static data lives in `workflow.staticData`, as n8n persists it; `staticDataSnapshot()` and
// the `staticData` option play a restart or another queue-mode process.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';
import {
	NodeHelpers,
	resolveWebhookDescriptionField,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IWebhookData,
	type IWebhookDescription,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import { TestCredentialsHelper } from './credentialsHelper';
import { OvhSmsTrigger } from '../../nodes/OvhSmsTrigger/OvhSmsTrigger.node';
// Installs the log recorder: the trigger's contexts log through it too (`engineLogLines`).
import './engineLogs';

const PACKAGE = 'n8n-nodes-ovh-sms';
const NODE_NAME = 'OVHcloud SMS Trigger';
const WEBHOOK_ID = 'a3f1c9d2-5b6e-4f70-8a91-0c2d3e4f5a6b';

/** Each harness is its own n8n process: its own workflow id, so the trigger's in-memory state is its own. */
let harnessCount = 0;

const nodeTypeMap: Record<string, INodeType> = { [`${PACKAGE}.ovhSmsTrigger`]: new OvhSmsTrigger() };
const nodeTypes = {
	getByName: (type: string) => nodeTypeMap[type],
	getByNameAndVersion: (type: string, version?: number) => NodeHelpers.getVersionedNodeType(nodeTypeMap[type], version),
	getKnownTypes: () => ({}),
} as any;

export interface TriggerHarnessOptions {
	/** The trigger node's parameters (authentication is derived from the credential type). */
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Workflow static data to start from, e.g. a snapshot of another harness's (a restart). */
	staticData?: IDataObject;
}

/** One HTTP call the webhook server answered. */
export interface WebhookCall {
	method: string;
	/** Path and query as received. */
	url: string;
	status: number;
	responseBody: string;
	/** The call started a workflow execution. */
	started: boolean;
}

interface Registration {
	webhook: IWebhookData;
	workflow: Workflow;
	mode: WorkflowExecuteMode;
}

export class TriggerHarness {
	/** Items of every execution a webhook call started, in order. */
	readonly executions: INodeExecutionData[][] = [];
	readonly calls: WebhookCall[] = [];
	readonly workflow: Workflow;
	private readonly workflowId = `wf-trigger-${++harnessCount}`;
	private readonly node: INode;
	private readonly credentialsHelper: TestCredentialsHelper;
	private readonly registrations = new Map<string, Registration>();
	private testWorkflow?: Workflow;
	private readonly waiters: Array<() => void> = [];
	/** Calls still being handled (the node answers before n8n is done, e.g. ending test listening). */
	private readonly inFlight = new Set<Promise<void>>();

	private constructor(
		private readonly server: http.Server,
		readonly baseUrl: string,
		options: TriggerHarnessOptions,
	) {
		const credentialType = Object.keys(options.credentials)[0];
		this.credentialsHelper = new TestCredentialsHelper(structuredClone(options.credentials));
		this.node = {
			id: 'trigger-1',
			name: NODE_NAME,
			type: `${PACKAGE}.ovhSmsTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: {
				authentication: credentialType === 'ovhCloudOAuth2Api' ? 'oAuth2' : 'apiKey',
				...options.parameters,
			},
			credentials: { [credentialType]: { id: 'cred-1', name: 'OVHcloud' } },
		};
		this.workflow = this.createWorkflow(structuredClone(options.staticData ?? {}));
	}

	static async start(options: TriggerHarnessOptions): Promise<TriggerHarness> {
		const server = http.createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const harness = new TriggerHarness(server, `http://127.0.0.1:${port}`, options);
		server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => harness.track(req, res));
		return harness;
	}

	private track(req: http.IncomingMessage, res: http.ServerResponse): void {
		const handling = this.handle(req, res).catch((error: unknown) => {
			if (!res.headersSent) res.writeHead(500);
			res.end(String(error));
		});
		this.inFlight.add(handling);
		void handling.finally(() => {
			this.inFlight.delete(handling);
			for (const wake of this.waiters.splice(0)) wake();
		});
	}

	/** This node's static data (`getWorkflowStaticData('node')`). */
	get nodeStaticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** A deep copy of the workflow's static data, as n8n would save it. */
	staticDataSnapshot(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}

	get productionWebhookUrl(): string {
		return `${this.baseUrl}/webhook/${WEBHOOK_ID}/ovh-sms`;
	}

	/**
	 * One poll: a scheduled one (`trigger`) or "Fetch test event" (`manual`). Returns the first
	 * output. `activation`: how n8n started the workflow (`init` when n8n boots with it active).
	 */
	async poll(
		mode: 'trigger' | 'manual' = 'trigger',
		activation: WorkflowActivateMode = mode === 'manual' ? 'manual' : 'activate',
	): Promise<INodeExecutionData[] | null> {
		const context = new PollContext(this.workflow, this.node, this.additionalData(), mode, activation);
		const out = await this.nodeType().poll!.call(context);
		return out ? out[0] : null;
	}

	/** The webhooks n8n would register for the node's current parameters (none in polling mode). */
	webhooks(workflow = this.workflow, isTest = false): IWebhookData[] {
		const out: IWebhookData[] = [];
		for (const description of this.nodeType().description.webhooks ?? []) {
			// As n8n's WebhookService: native resolvers first, the expression engine otherwise.
			const native = resolveWebhookDescriptionField(workflow.nodes[this.node.name], description, 'httpMethod');
			const methods = native.resolved
				? native.value
				: workflow.expression.getSimpleParameterValue(this.node, description.httpMethod, 'internal', {}, undefined, 'GET');
			const path = NodeHelpers.getNodeWebhookPath(workflow.id, this.node, String(description.path), false, false);
			for (const method of String(methods).split(',')) {
				if (!method) continue;
				out.push({
					httpMethod: method.trim() as IWebhookData['httpMethod'],
					node: this.node.name,
					path,
					webhookDescription: description as IWebhookDescription,
					workflowId: workflow.id,
					workflowExecuteAdditionalData: this.additionalData(),
					isTest,
				});
			}
		}
		return out;
	}

	/**
	 * Publishing the workflow, in n8n's order: each webhook is routed, then its checkExists runs,
	 * then create when it does not exist, before the next webhook is routed.
	 */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		for (const webhook of this.webhooks()) {
			this.registrations.set(this.key(webhook.httpMethod, `webhook/${webhook.path}`), {
				webhook,
				workflow: this.workflow,
				mode: 'webhook',
			});
			if (!(await this.runHook('checkExists', this.workflow, webhook, 'trigger', activation))) {
				await this.runHook('create', this.workflow, webhook, 'trigger', activation);
			}
		}
	}

	/** The HTTP methods routed now for the production URL. */
	routedMethods(): string[] {
		return [...this.registrations.values()].filter((r) => r.mode === 'webhook').map((r) => r.webhook.httpMethod);
	}

	/** Unpublishing, in n8n's order: every delete hook, then the routes go. */
	async deactivate(): Promise<void> {
		for (const webhook of this.webhooks()) await this.runHook('delete', this.workflow, webhook, 'internal', 'update');
		for (const webhook of this.webhooks()) this.registrations.delete(this.key(webhook.httpMethod, `webhook/${webhook.path}`));
	}

	/** "Listen for test event": test URLs, a workflow copy with its own static data, as n8n does. */
	async listenForTestEvent(): Promise<void> {
		const workflow = this.createWorkflow({});
		this.testWorkflow = workflow;
		for (const webhook of this.webhooks(workflow, true)) {
			this.registrations.set(this.key(webhook.httpMethod, `webhook-test/${webhook.path}`), { webhook, workflow, mode: 'manual' });
			if (!(await this.runHook('checkExists', workflow, webhook, 'manual', 'manual'))) {
				await this.runHook('create', workflow, webhook, 'manual', 'manual');
			}
		}
	}

	/** Ends test listening (n8n does it after the first test call, or on timeout). */
	async stopListening(): Promise<void> {
		const workflow = this.testWorkflow;
		if (!workflow) return;
		this.testWorkflow = undefined;
		for (const [key, registration] of this.registrations) {
			if (registration.workflow !== workflow) continue;
			this.registrations.delete(key);
			await this.runHook('delete', workflow, registration.webhook, 'internal', 'update');
		}
	}

	/** Resolves once `count` executions have started and their calls are fully handled (rejects after `timeoutMs`). */
	async waitForExecutions(count: number, timeoutMs = 5000): Promise<INodeExecutionData[][]> {
		const deadline = Date.now() + timeoutMs;
		while (this.executions.length < count || this.inFlight.size > 0) {
			const left = deadline - Date.now();
			if (left <= 0) throw new Error(`expected ${count} executions, got ${this.executions.length}`);
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, left);
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
		return this.executions;
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	private createWorkflow(staticData: IDataObject): Workflow {
		return new Workflow({
			id: this.workflowId,
			name: 'trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData,
			settings: {},
		});
	}

	private nodeType(): INodeType {
		return nodeTypeMap[this.node.type];
	}

	private key(method: string, path: string): string {
		return `${method.toUpperCase()} /${path}`;
	}

	private additionalData(extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: this.credentialsHelper,
			executionId: 'trigger-execution',
			currentNodeParameters: undefined,
			variables: {},
			userId: 'user-1',
			restApiUrl: `${this.baseUrl}/rest`,
			instanceBaseUrl: `${this.baseUrl}/`,
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${this.baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
			formWaitingBaseUrl: `${this.baseUrl}/form-waiting`,
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	private async runHook(
		method: 'checkExists' | 'create' | 'delete',
		workflow: Workflow,
		webhook: IWebhookData,
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
	): Promise<boolean | undefined> {
		const fn = this.nodeType().webhookMethods?.[webhook.webhookDescription.name]?.[method];
		if (!fn) return undefined;
		const context = new HookContext(workflow, this.node, this.additionalData(), mode, activation, webhook);
		return await fn.call(context);
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const target = new URL(req.url ?? '/', this.baseUrl);
		const method = req.method ?? 'GET';
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const registration = this.registrations.get(this.key(method, target.pathname.slice(1)));
		const record = (started: boolean, status: number, body: string) =>
			this.calls.push({ method, url: `${target.pathname}${target.search}`, status, responseBody: body, started });
		if (!registration) {
			const body = JSON.stringify({ code: 404, message: `The requested webhook "${method} ${target.pathname}" is not registered.` });
			res.writeHead(404, { 'Content-Type': 'application/json' });
			res.end(body);
			record(false, 404, body);
			return;
		}

		// What n8n's body parser and express leave on the request for a node.
		const contentType = String(req.headers['content-type'] ?? '')
			.split(';')[0]
			.trim()
			.toLowerCase();
		const text = rawBody.toString('utf8');
		let body: unknown;
		if (rawBody.length > 0) {
			if (contentType === 'application/json') body = JSON.parse(text);
			else if (contentType === 'application/x-www-form-urlencoded') body = { ...parseQueryString(text) };
			else if (contentType === 'text/plain') body = text;
		}
		const request = Object.assign(req, {
			rawBody,
			body,
			contentType,
			query: { ...parseQueryString(target.search.slice(1)) },
			params: {},
		});
		const sent = captureResponse(res);
		const { workflow, webhook, mode } = registration;
		const additionalData = this.additionalData({ httpRequest: request as any, httpResponse: res as any });
		const context = new WebhookContext(workflow, this.node, additionalData, mode, webhook, [], null);

		let result;
		try {
			result = await this.nodeType().webhook!.call(context);
		} catch (error) {
			// n8n answers with a generic error and records a failed execution.
			if (!res.headersSent) {
				res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ message: 'Workflow Webhook Error: Workflow could not be started!' }));
			}
			record(false, 500, String(error));
			return;
		}
		const started = result.workflowData !== undefined;
		if (!res.headersSent && !result.noWebhookResponse) {
			// responseMode onReceived with responseData noData: an empty 200.
			const answer = started ? '' : JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' });
			res.writeHead(200);
			res.end(answer);
		}
		if (started) this.executions.push(result.workflowData![0]);
		record(started, res.statusCode, sent());
		// n8n ends test listening once a test call has started the workflow.
		if (started && mode === 'manual') await this.stopListening();
	}
}

/** Collects what a response sends, for the call log. */
function captureResponse(res: http.ServerResponse): () => string {
	const parts: string[] = [];
	const end = res.end.bind(res);
	res.end = ((chunk?: unknown, ...rest: unknown[]) => {
		if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) parts.push(chunk.toString());
		return (end as (...args: unknown[]) => http.ServerResponse)(chunk, ...rest);
	}) as typeof res.end;
	return () => parts.join('');
}
