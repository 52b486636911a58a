/** One row per trigger event: adding an event is adding a file and a row here. */
import type { AccountCallbacks } from '../ovhSmsApi';
import type { TriggerEvent } from '../settings';
import { deliveryReport } from './deliveryReport';
import { smsReceived } from './smsReceived';
import { stopReceived } from './stopReceived';
import type { TriggerEventHandler } from './types';

export const TRIGGER_EVENTS: Record<TriggerEvent, TriggerEventHandler> = { smsReceived, deliveryReport, stopReceived };

/** The URL OVHcloud calls today for the event, or null. */
export function activeUrlOf(account: AccountCallbacks, event: TriggerEvent): string | null {
	const handler = TRIGGER_EVENTS[event];
	return handler.activeUrl(handler.currentSetting(account));
}

export { ACCEPTED } from './types';
export { UNLIMITED } from './shared';
export type { EventJson, FirstPoll, FoundEvent, PollOutcome, PollState, PreviousSetting, TriggerEventHandler, Verdict } from './types';
