// Runs real workflows on n8n's own engine (WorkflowExecute from n8n-core, expressions and
// request helpers from n8n-workflow) with this pack's nodes and credentials, the recipe of
// n8n's own node-test harness (packages/core/nodes-testing in n8n-io/n8n, which n8n-core does
// not publish), rebuilt here. No server: one workflow takes about 0.1 s.
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { TestCredentialsHelper } from './credentialsHelper';
import { OvhSms } from '../../nodes/OvhSms/OvhSms.node';
import { linesSince, logMark, type EngineLogLine } from './engineLogs';

export const PACKAGE = 'n8n-nodes-ovh-sms';

class Start implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['input'],
		version: 1,
		description: '',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: any) {
		return [this.getInputData()];
	}
}

const nodeTypeMap: Record<string, INodeType> = {
	'test.start': new Start(),
	[`${PACKAGE}.ovhSms`]: new OvhSms(),
};

export function registerNodeType(name: string, nodeType: INodeType): void {
	nodeTypeMap[name] = nodeType;
}

const nodeTypes = {
	getByName: (type: string) => nodeTypeMap[type],
	getByNameAndVersion: (type: string, version?: number) => NodeHelpers.getVersionedNodeType(nodeTypeMap[type], version),
	getKnownTypes: () => ({}),
} as any;

export interface RunNodeOptions {
	/** Node type without the package prefix, e.g. 'ovhSms'. */
	type: string;
	parameters: IDataObject;
	items?: Array<IDataObject | INodeExecutionData>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** The node's "Retry On Fail" setting: this many tries in all, no wait between them. */
	maxTries?: number;
	/**
	 * Run again as n8n's Retry does (`ExecutionService.retry` in packages/cli): a new execution id,
	 * mode 'retry', the failed execution's data with its error and the failed node's last run
	 * removed, resumed from its stack (so the node gets all its input items again).
	 */
	retryOf?: RunResult;
	/** Resume from execution data as n8n stored it (e.g. the progress saved before a crash), in mode 'retry'. */
	retryFromData?: unknown;
	/** Called with the execution data after each node, as n8n's "Save Execution Progress" stores it. */
	onProgress?: (data: unknown) => void;
	/** The workflow's settings, such as its `timezone`. */
	workflowSettings?: IDataObject;
}

export interface RunResult {
	run: IRun;
	status: IRun['status'];
	/** The node's first output, or [] when it failed. */
	output: INodeExecutionData[];
	/** The workflow error, when the node failed without continue-on-fail. */
	error?: { message: string; description?: string | null; httpCode?: string | null };
	credentialsHelper: TestCredentialsHelper;
	/** What n8n's logger received while the run went (every level, debug included). */
	logs: EngineLogLine[];
}

let executionCounter = 0;

/** Runs Start → the node, with the items given as the Start node's output. */
export async function runNode(options: RunNodeOptions): Promise<RunResult> {
	const nodeName = 'Node Under Test';
	const logStart = logMark();
	const credentialType = Object.keys(options.credentials)[0];
	const workflowData = {
		id: 'wf-test',
		name: 'test',
		active: false,
		settings: options.workflowSettings ?? {},
		nodes: [
			{ id: '1', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
			{
				id: '2',
				name: nodeName,
				type: `${PACKAGE}.${options.type}`,
				typeVersion: 1,
				position: [200, 0] as [number, number],
				parameters: {
					authentication: credentialType === 'ovhCloudOAuth2Api' ? 'oAuth2' : 'apiKey',
					...options.parameters,
				},
				credentials: { [credentialType]: { id: 'cred-1', name: 'OVHcloud' } },
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				...(options.maxTries ? { retryOnFail: true, maxTries: options.maxTries, waitBetweenTries: 0 } : {}),
			},
		],
		connections: { Start: { main: [[{ node: nodeName, type: 'main' as const, index: 0 }]] } },
	};
	const workflow = new Workflow({ ...workflowData, nodeTypes });
	const executionId = String(++executionCounter);
	const mode = options.retryOf || options.retryFromData ? 'retry' : 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData as any);
	const done = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	const credentialsHelper = new TestCredentialsHelper(structuredClone(options.credentials));
	const base = 'http://127.0.0.1:5678';
	const additionalData = {
		hooks,
		credentialsHelper,
		executionId,
		currentNodeParameters: undefined,
		variables: {},
		userId: 'user-1',
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		formWaitingBaseUrl: `${base}/form-waiting`,
	} as unknown as IWorkflowExecuteAdditionalData;
	const items = (options.items ?? [{}]).map((item) =>
		'json' in item && typeof item.json === 'object' ? item : { json: item },
	) as INodeExecutionData[];
	const retried = options.retryOf
		? retryData(options.retryOf.run, nodeName)
		: options.retryFromData
			? JSON.parse(JSON.stringify(options.retryFromData))
			: undefined;
	const runExecutionData =
		retried ??
		({
			startData: {},
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				metadata: {},
				waitingExecution: {},
				waitingExecutionSource: null,
				nodeExecutionStack: [{ node: workflow.getNode('Start')!, source: null, data: { main: [items] } }],
			},
		} as any);
	if (options.onProgress) hooks.addHandler('nodeExecuteAfter', () => options.onProgress!(runExecutionData));
	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	const run = await done;
	const nodeRuns = run.data.resultData.runData[nodeName];
	const output = (nodeRuns?.[nodeRuns.length - 1]?.data?.main?.[0] ?? []) as INodeExecutionData[];
	const error = run.data.resultData.error as RunResult['error'] | undefined;
	return { run, status: run.status, output, error, credentialsHelper, logs: linesSince(logStart) };
}

/** What n8n's retry starts from: the old data, minus its error and the failed node's errored run. */
function retryData(previous: IRun, nodeName: string): any {
	if (previous.status !== 'error') throw new Error('n8n retries only failed executions');
	const data = JSON.parse(JSON.stringify(previous.data)) as any; // as stored in the database
	delete data.resultData.error;
	const runs = data.resultData.runData[data.resultData.lastNodeExecuted ?? nodeName];
	if (runs?.length && runs[runs.length - 1].error !== undefined) runs.pop();
	return data;
}
