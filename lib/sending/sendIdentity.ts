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
	/**
	 * Whether an earlier attempt of this run may already have sent: a Retry, or this node
	 * running again in the same execution (Retry On Fail). Only then is the history read
	 * before sending; a first attempt cannot find anything under its tags, and skipping
	 * that read keeps a send at one request per job.
	 */
	mayHaveSentBefore: boolean;
}

/** The facts of the n8n execution the identity is made from. */
export interface RunFacts {
	workflowId?: string;
	nodeId: string;
	executionId?: string;
	/** `getExecutionContext()?.establishedAt`: kept by n8n in the execution data, so by a Retry. */
	establishedAtMs?: number;
	triggerNodeName?: string;
	/** n8n's mode is 'retry': a Retry of a failed execution. */
	retried: boolean;
	nowMs: number;
}

/**
 * The runs of send nodes this process has started, oldest first, so that a node run again in
 * the same execution (n8n's Retry On Fail runs it again in the same process) knows it. Bounded:
 * a run old enough to be forgotten has long finished its tries.
 */
const startedRuns = new Set<string>();
const STARTED_RUNS_KEPT = 10_000;

/** Notes that this run starts now; true when it had started before in this process. */
function startedBefore(runKey: string): boolean {
	if (startedRuns.has(runKey)) return true;
	startedRuns.add(runKey);
	if (startedRuns.size > STARTED_RUNS_KEPT) startedRuns.delete(startedRuns.values().next().value!);
	return false;
}

export function sendIdentityOf(facts: RunFacts): SendIdentity {
	const established = facts.establishedAtMs !== undefined && Number.isFinite(facts.establishedAtMs);
	const workflowId = facts.workflowId ?? '';
	// Without n8n's execution context (older n8n), a run is known by its execution alone.
	const runKey = established
		? `run:${facts.establishedAtMs}:${facts.triggerNodeName ?? ''}`
		: `execution:${facts.executionId ?? facts.nowMs}`;
	// Keyed by the run, not the execution: the same run re-entered in this process (Retry On Fail,
	// a partial re-run that keeps n8n's execution context) looks before sending.
	const ranBefore = startedBefore([workflowId, facts.nodeId, runKey].join('\u0000'));
	return {
		workflowId,
		nodeId: facts.nodeId,
		runKey,
		runStartedAtMs: established ? facts.establishedAtMs! : facts.nowMs,
		mayHaveSentBefore: facts.retried || ranBefore,
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
		// Fed one by one, the same bytes as the receivers joined by commas, without building that string.
		receivers.forEach((receiver: string, index: number) => (index ? hash.update(',') : hash).update(receiver));
	}
	return BATCH_TAG_PREFIX + hash.digest('hex').slice(0, HEX_DIGITS);
}
