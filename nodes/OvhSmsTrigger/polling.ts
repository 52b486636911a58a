/**
 * Polling mode: each poll reads what is new since the last one, with the high-water mark and
 * seen ids (replies, sent SMS) or the known blacklist (STOP) kept in the node's static data,
 * the only state n8n carries between polls in queue mode. A first activation records what
 * exists and emits nothing; "Fetch test event" returns the latest event without moving the mark.
 */
import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';
import { toNodeError } from '../shared/errors';
import { createOvhClient } from '../shared/transport';
import { TRIGGER_EVENTS, type EventJson, type PollOutcome, type PollState } from './events';
import { readTriggerSettings, stateKey } from './settings';

export async function pollTrigger(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readTriggerSettings(this);
	// n8n schedules a poll for every node that can poll; in webhook mode OVHcloud calls instead.
	if (settings.mode !== 'poll') return null;
	if (!settings.serviceName) throw new NodeOperationError(this.getNode(), 'Choose the SMS account to watch');
	const handler = TRIGGER_EVENTS[settings.event];

	if (this.getMode() === 'manual') {
		let event: EventJson | undefined;
		try {
			event = await handler.latest(await createOvhClient(this), settings);
		} catch (error) {
			throw toNodeError(this.getNode(), error, 0);
		}
		if (!event) {
			throw new NodeOperationError(this.getNode(), `${handler.nothingYet} on ${settings.serviceName}`, {
				description: 'Send an SMS and reply to it (in the sandbox: POST /admin/incoming), then fetch again.',
			});
		}
		return [this.helpers.returnJsonArray([event])];
	}

	const staticData = this.getWorkflowStaticData('node');
	const saved = staticData.poll as PollState | undefined;
	const current = saved && saved.key === stateKey(settings) ? saved : undefined;
	let outcome: PollOutcome;
	try {
		outcome = await handler.poll(await createOvhClient(this), settings, current);
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
	staticData.poll = outcome.state as unknown as IDataObject;
	const events = outcome.events.map((event) => event.json);
	return events.length > 0 ? [this.helpers.returnJsonArray(events)] : null;
}
