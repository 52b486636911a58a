// Shared set-up of the OVHcloud SMS node tests: one sandbox per test file, reset between tests,
// and the node run on n8n's real engine.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { runNode, type RunResult } from '../../support/n8nEngine';

export interface NodeHarness {
	readonly sandbox: Sandbox;
	run(
		parameters: IDataObject,
		items?: Array<IDataObject | INodeExecutionData>,
		options?: { continueOnFail?: boolean; workflowSettings?: IDataObject },
	): Promise<RunResult>;
	/** Every SMS the sandbox holds (sent or waiting), one entry per SMS. */
	allSms(): Array<{
		id: number;
		receiver: string;
		message: string;
		tag: string | null;
		sender: string;
		class: string;
		priority: string;
		validityPeriod: number;
		differedDelivery: number;
	}>;
	/** The JSON bodies of the `POST …/jobs` the sandbox received. */
	jobBodies(): IDataObject[];
	account(): Sandbox['state']['accounts'][string];
	/** How many SMS (sent or waiting) each receiver holds. */
	smsPerReceiver(): Map<string, number>;
}

/** Starts a sandbox for the file; `run` sends the node's parameters with the sandbox's keys. */
export function useNodeHarness(options: { deliveryDelayMs?: number } = {}): NodeHarness {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ deliveryDelayMs: options.deliveryDelayMs ?? 60_000, credits: 100_000 });
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	beforeEach(() => {
		sandbox.reset();
		sandbox.setCredits(100_000);
	});

	return {
		get sandbox() {
			return sandbox;
		},
		run: (parameters, items, runOptions = {}) =>
			runNode({
				type: 'ovhSms',
				credentials: { ovhCloudApi: { endpoint: 'custom', customEndpoint: sandbox.apiBaseUrl, ...sandbox.credentials } },
				parameters: { serviceName: { __rl: true, mode: 'id', value: sandbox.serviceName }, ...parameters },
				items,
				continueOnFail: runOptions.continueOnFail,
				workflowSettings: runOptions.workflowSettings,
			}),
		allSms: () => {
			const account = sandbox.state.accounts[sandbox.serviceName];
			return [...Object.values(account.outgoing), ...Object.values(account.jobs)];
		},
		jobBodies: () =>
			sandbox.requests
				.filter((request) => request.method === 'POST' && /\/jobs$/.test(request.path))
				.map((request) => JSON.parse(request.body) as IDataObject),
		account: () => sandbox.state.accounts[sandbox.serviceName],
		smsPerReceiver() {
			const counts = new Map<string, number>();
			for (const sms of this.allSms()) counts.set(sms.receiver, (counts.get(sms.receiver) ?? 0) + 1);
			return counts;
		},
	};
}

/** Parameters of a Send from MyCompany (enabled, alphanumeric) to a list of numbers. */
export function sendParameters(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'sms',
		operation: 'send',
		senderType: 'sender',
		sender: { __rl: true, mode: 'name', value: 'MyCompany' },
		recipientSource: 'numbers',
		receivers: '+33611111111',
		message: 'Your parcel arrives tomorrow',
		options: {},
		...overrides,
	};
}

/** Parameters of a Campaign › Create from MyCompany, one receiver per input item (its `phone`), starting now. */
export function campaignParameters(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'campaign',
		operation: 'create',
		campaignName: 'Monday promotion',
		senderType: 'sender',
		sender: { __rl: true, mode: 'name', value: 'MyCompany' },
		recipientSource: 'items',
		phoneNumber: '={{ $json.phone }}',
		message: '-20% in our shop this Monday',
		startMode: 'now',
		...overrides,
	};
}

export const jsonOf = (result: RunResult) => result.output.map((item) => item.json);
