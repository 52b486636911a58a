/**
 * Workflows the end-to-end tests import next to the examples: the OVHcloud SMS Trigger in each
 * of its modes, wired to what a test can observe. They use the examples' credential.
 */
import { EXAMPLE_CREDENTIAL } from './exampleServer';

const CREDENTIALS = { ovhCloudApi: { id: EXAMPLE_CREDENTIAL.id, name: EXAMPLE_CREDENTIAL.name } };

export const REPLY_TRIGGER_NAME = 'On a reply';
export const REPLY_WEBHOOK_ID = 'e2eReplyWebhook';
export const REPLY_POLLING_ID = 'e2eReplyPolling';
const REPLY_WEBHOOK_NODE_ID = '0d9f6c1e-0001-4a00-8000-0000000000aa';
/** The trigger's production webhook, under `<n8n>/webhook/` (its path is `<webhookId>/ovh-sms`). */
export const REPLY_WEBHOOK_PATH = `${REPLY_WEBHOOK_NODE_ID}/ovh-sms`;

interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
}

function workflow(id: string, name: string, nodes: WorkflowNode[]) {
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

function replyTrigger(id: string, parameters: Record<string, unknown>, webhookId?: string): WorkflowNode {
	return {
		id,
		name: REPLY_TRIGGER_NAME,
		type: 'n8n-nodes-ovh-sms.ovhSmsTrigger',
		typeVersion: 1,
		position: [0, 0],
		...(webhookId ? { webhookId } : {}),
		parameters: { authentication: 'apiKey', serviceName: 'sms-sb00001-1', event: 'smsReceived', ...parameters },
		credentials: CREDENTIALS,
	};
}

/**
 * n8n refuses a schedule more frequent than once a minute in one entry, but accepts several
 * entries: six fixed seconds give a poll every 10 s.
 */
export const EVERY_TEN_SECONDS = {
	item: [0, 10, 20, 30, 40, 50].map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })),
};

/**
 * Webhook mode: OVHcloud (the sandbox) pushes each reply; every one is posted to `collectorUrl`.
 * `pollTimes`: how often the trigger reconciles with the API (n8n's default: every minute).
 */
export function replyWebhookWorkflow(collectorUrl: string, options: { pollTimes?: object; id?: string; mode?: 'webhook' | 'poll' } = {}) {
	const mode = options.mode ?? 'webhook';
	return workflow(options.id ?? REPLY_WEBHOOK_ID, `e2e: replies by ${mode}${options.id ? ` (${options.id})` : ''}`, [
		replyTrigger(
			'0d9f6c1e-0001-4a00-8000-000000000001',
			{ mode, options: {}, ...(options.pollTimes ? { pollTimes: options.pollTimes } : {}) },
			mode === 'webhook' ? REPLY_WEBHOOK_NODE_ID : undefined,
		),
		{
			id: '0d9f6c1e-0001-4a00-8000-000000000002',
			name: 'Post to the collector',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [220, 0],
			parameters: {
				method: 'POST',
				url: collectorUrl,
				sendBody: true,
				specifyBody: 'json',
				jsonBody:
					'={{ JSON.stringify({ id: $json.id, message: $json.message, sender: $json.sender, source: $json.source, workflowId: $workflow.id, executionMode: $execution.mode }) }}',
				options: {},
			},
		},
	]);
}

/** Polling mode, a poll every 10 s, so the test sees several polls in under a minute. */
export function replyPollingWorkflow() {
	return workflow(REPLY_POLLING_ID, 'e2e: replies by polling', [
		replyTrigger('0d9f6c1e-0002-4a00-8000-000000000001', { mode: 'poll', pollTimes: EVERY_TEN_SECONDS, options: {} }),
	]);
}
