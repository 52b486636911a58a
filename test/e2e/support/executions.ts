/** Reading what n8n recorded: executions, their node outputs, and a trigger's saved state. */
import { eventually } from './eventually';
import type { Execution, ExampleServer, N8nSession, WorkflowRun } from './exampleServer';

type NodeRun = { data?: { main?: Array<Array<{ json: Record<string, any> }> | null> }; error?: { message?: string; description?: string } };

function runsOf(execution: Execution | WorkflowRun, nodeName: string): NodeRun[] {
	return (execution.data?.resultData?.runData?.[nodeName] as NodeRun[] | undefined) ?? [];
}

/** The items a node output in an execution (its first run), from output `output` (0 = main / true branch). */
export function outputOf(execution: Execution | WorkflowRun, nodeName: string, output = 0): Array<Record<string, any>> {
	return (runsOf(execution, nodeName)[0]?.data?.main?.[output] ?? []).map((item) => item.json);
}

/** The error n8n shows for the execution: the failing node's message and description. */
export function errorOf(execution: Execution | WorkflowRun): { node?: string; message: string; description: string } | undefined {
	const error = execution.data?.resultData?.error as { message?: string; description?: string; node?: { name?: string } } | undefined;
	if (!error) return undefined;
	return { node: error.node?.name, message: error.message ?? '', description: error.description ?? '' };
}

/**
 * A workflow's finished executions, newest first. n8n lists an execution as soon as it starts,
 * and its data is complete only once its status leaves 'new' / 'running'.
 */
export async function finishedExecutions(example: ExampleServer, workflowId: string): Promise<Execution[]> {
	return (await example.runtime.getExecutions(example.session, workflowId)).filter(
		(execution: Execution) => execution.status !== 'running' && execution.status !== 'new',
	);
}

/** How many executions n8n recorded for a workflow (from its list: no run data is read). */
export async function countExecutions(session: N8nSession, workflowId: string, status?: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, ...(status ? { status: [status] } : {}) }));
	const list = await session.call('GET', `/rest/executions?filter=${filter}&limit=1`);
	return Number(list.count);
}

/**
 * Waits until a webhook-mode OVHcloud SMS Trigger's registration (its secret token) is saved
 * in the workflow's static data. n8n routes the webhook, and the trigger has already pointed
 * the account at it, a moment before that save: a callback in between is refused (401).
 */
export async function waitForTriggerRegistration(session: N8nSession, workflowId: string, nodeName: string): Promise<void> {
	await eventually(
		async () => {
			const workflow = await session.call('GET', `/rest/workflows/${encodeURIComponent(workflowId)}`);
			return workflow.staticData?.[`node:${nodeName}`]?.webhook?.token ? true : undefined;
		},
		{ describe: () => `the trigger "${nodeName}" of ${workflowId} has no saved webhook registration` },
	);
}
