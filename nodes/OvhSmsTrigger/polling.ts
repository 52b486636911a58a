/**
 * The poll, in both modes. Polling mode: each poll reads what is new since the last one.
 * Webhook mode: the push is only a doorbell; the same poll, on the node's Poll Times, finds
 * what OVHcloud holds and was not pushed (refused in an API outage, lost, sent while n8n was
 * down) and emits it. Either way an event is emitted once: the emission ledger (emissions.ts)
 * is shared with the webhook, and a lease in static data keeps a poll from starting while
 * another is running (n8n 2.41 starts each tick without waiting for the last one).
 *
 * The high-water mark and seen ids (replies, sent SMS) or the known blacklist (STOP) live in
 * the node's static data, the only state n8n carries between polls in queue mode. A first
 * activation records what exists and emits nothing; a poll without saved state in a workflow
 * n8n (re)started looks back a bounded window instead (FIRST_POLL); "Fetch test event"
 * returns the latest event without moving the mark.
 */
import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type IPollFunctions,
	type WorkflowActivateMode,
} from 'n8n-workflow';
import { createWebhookToken } from '../../lib/replies';
import { toNodeError } from '../shared/errors';
import { createOvhClient } from '../shared/transport';
import { openLedger, saveLedger, takeTestEvent } from './emissions';
import { TRIGGER_EVENTS, type EventJson, type FirstPoll, type PollOutcome, type PollState } from './events';
import { readTriggerSettings, stateKey } from './settings';

export const POLL_LIMITS = {
	/** A poll starts no API call after this; what it did not reach waits for the next poll. */
	budgetMs: 60_000,
	/**
	 * How long a poll holds its lease: its budget plus two request timeouts (the call in
	 * flight when the budget ends, and its retry). A poll that died without releasing it (n8n
	 * stopped mid-poll) blocks the next ones this long at most.
	 */
	leaseMs: 60_000 + 2 * 60_000,
};

/**
 * How n8n started the poll decides where a poll without saved state begins: a workflow the
 * user just activated starts from now; one n8n starts because it was already active (at boot,
 * or on the new leader) may have missed what arrived meanwhile.
 */
const FIRST_POLL: Record<WorkflowActivateMode, FirstPoll> = {
	init: 'lookBack',
	leadershipChange: 'lookBack',
	create: 'fromNow',
	update: 'fromNow',
	activate: 'fromNow',
	manual: 'fromNow',
};

interface PollLease {
	untilMs: number;
	/** The n8n process that took it. */
	holder: string;
}

/**
 * This n8n process. n8n may save static data while a poll holds the lease (an execution
 * ending saves the workflow's static data), so a lease can come back from the database after a
 * restart or a change of leader: one taken by another process is not a running poll here.
 */
const PROCESS_ID = createWebhookToken();

/** Takes the lease unless a running poll holds it. Synchronous: two polls cannot both take it. */
function takeLease(staticData: IDataObject, nowMs: number): boolean {
	const held = staticData.pollLease as Partial<PollLease> | undefined;
	const running =
		held?.holder === PROCESS_ID && typeof held.untilMs === 'number' && held.untilMs > nowMs && held.untilMs - nowMs <= POLL_LIMITS.leaseMs;
	if (running) return false;
	const lease: PollLease = { untilMs: nowMs + POLL_LIMITS.leaseMs, holder: PROCESS_ID };
	staticData.pollLease = lease as unknown as IDataObject;
	return true;
}

async function testEvent(ctx: IPollFunctions): Promise<INodeExecutionData[][]> {
	const settings = readTriggerSettings(ctx);
	const handler = TRIGGER_EVENTS[settings.event];
	// In webhook mode n8n runs poll() on the test call's execution before it looks at the
	// webhook's data (n8n-core's runNode): give back the event that call brought.
	let event: EventJson | undefined = settings.mode === 'webhook' ? takeTestEvent(ctx, Date.now()) : undefined;
	try {
		event ??= await handler.latest(await createOvhClient(ctx, { sharedApiClock: true }), settings);
	} catch (error) {
		throw toNodeError(ctx.getNode(), error, 0);
	}
	if (!event) {
		throw new NodeOperationError(ctx.getNode(), `${handler.nothingYet} on ${settings.serviceName}`, {
			description: 'Send an SMS and reply to it (in the sandbox: POST /admin/incoming), then fetch again.',
		});
	}
	return [ctx.helpers.returnJsonArray([event])];
}

export async function pollTrigger(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readTriggerSettings(this);
	if (!settings.serviceName) throw new NodeOperationError(this.getNode(), 'Choose the SMS account to watch');
	if (this.getMode() === 'manual') return await testEvent(this);

	const handler = TRIGGER_EVENTS[settings.event];
	const staticData = this.getWorkflowStaticData('node');
	const startedMs = Date.now();
	if (!takeLease(staticData, startedMs)) return null;
	try {
		const saved = staticData.poll as PollState | undefined;
		const current = saved && saved.key === stateKey(settings) ? saved : undefined;
		let outcome: PollOutcome;
		try {
			const budget = { expired: () => Date.now() - startedMs > POLL_LIMITS.budgetMs };
			const firstPoll = FIRST_POLL[this.getActivationMode()] ?? 'fromNow';
			outcome = await handler.poll(await createOvhClient(this, { sharedApiClock: true }), settings, current, budget, firstPoll);
		} catch (error) {
			throw toNodeError(this.getNode(), error, 0);
		}
		staticData.poll = outcome.state as unknown as IDataObject;
		const ledger = openLedger(this, settings, staticData);
		const events = outcome.events.filter((event) => ledger.claim(event.eventId)).map((event) => event.json);
		saveLedger(settings, staticData, ledger);
		return events.length > 0 ? [this.helpers.returnJsonArray(events)] : null;
	} finally {
		delete staticData.pollLease;
	}
}
