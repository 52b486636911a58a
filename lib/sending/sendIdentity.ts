import { createHash } from 'node:crypto';
import { BATCH_TAG_PREFIX } from '../batching/batchTag';

/**
 * What makes two sends "the same send": the workflow, the node, the job's content and the run
 * they belong to. n8n keeps the run's start (`getExecutionContext().establishedAt`) in the
 * execution data, so a Retry (a new execution with a new id), Retry On Fail and a retry after
 * a crash carry the same run, while a new execution (new trigger data) starts a new one.
 */
export interface SendIdentity {
	workflowId: string;
	nodeId: string;
	/** The run: stable across retries of one execution, new for each new execution. */
	runKey: string;
	/** When the run began (ms, this machine's clock): earlier SMS cannot belong to it. */
	runStartedAtMs: number;
}

/** The facts of the n8n execution the identity is made from. */
export interface RunFacts {
	workflowId?: string;
	nodeId: string;
	executionId?: string;
	/** `getExecutionContext()?.establishedAt`: kept by n8n in the execution data, so by a Retry. */
	establishedAtMs?: number;
	triggerNodeName?: string;
	nowMs: number;
}

export function sendIdentityOf(facts: RunFacts): SendIdentity {
	const established = facts.establishedAtMs !== undefined && Number.isFinite(facts.establishedAtMs);
	return {
		workflowId: facts.workflowId ?? '',
		nodeId: facts.nodeId,
		// Without n8n's execution context (older n8n), a run is known by its execution alone.
		runKey: established ? `run:${facts.establishedAtMs}:${facts.triggerNodeName ?? ''}` : `execution:${facts.executionId ?? facts.nowMs}`,
		runStartedAtMs: established ? facts.establishedAtMs! : facts.nowMs,
	};
}

/** What a job's tag is derived from besides the identity. */
export interface JobContent {
	/** Account, sender, text and options (`PreparedSend.key`). */
	key: string;
	/** The job's receivers, or the recipient list it names. */
	receivers: readonly string[] | { slotId: string };
}

const HEX_DIGITS = 16;

/**
 * The tag of one job: `n8n-` and 16 hex digits (20 characters, the longest OVHcloud takes),
 * the same whenever the same run sends the same job again, so its history finds it.
 * `scope: 'message'` leaves the run and the receivers out: every run of this node that sends
 * this message shares the tag (what "Skip Receivers Who Already Got This Message" looks up).
 */
export function jobTag(identity: SendIdentity, content: JobContent, scope: 'run' | 'message' = 'run'): string {
	const hash = createHash('sha256');
	for (const part of [identity.workflowId, identity.nodeId, content.key]) hash.update(part).update('\u0000');
	if (scope === 'run') {
		hash.update(identity.runKey).update('\u0000');
		const receivers = Array.isArray(content.receivers) ? content.receivers : [`slot:${(content.receivers as { slotId: string }).slotId}`];
		hash.update(receivers.join(','));
	}
	return BATCH_TAG_PREFIX + hash.digest('hex').slice(0, HEX_DIGITS);
}
