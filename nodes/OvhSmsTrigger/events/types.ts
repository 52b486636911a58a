/**
 * What one trigger event is, as a table row: the account setting OVHcloud calls for it, how
 * a poll reads it, how a pushed call is checked, and the test event. `TRIGGER_EVENTS` in
 * index.ts holds one row per `TriggerEvent`, so the compiler refuses an event left half done.
 * Leaves out: the order of polls and calls (polling.ts, webhookReceive.ts own that).
 */
import type { IDataObject } from 'n8n-workflow';
import type { OvhClient } from '../../../lib/ovh';
import type { CallbackFields } from '../../../lib/replies';
import type { AccountCallbacks } from '../ovhSmsApi';
import type { TriggerSettings } from '../settings';
import type { PollBudget } from './shared';

export type EventJson = IDataObject;

/** What one event kind keeps between polls (all JSON). */
export interface PollState {
	key: string;
	cursor?: unknown;
	tracker?: unknown;
	known?: string[];
}

/** One event a poll found, with the id that says "the same event" whichever path brings it. */
export interface FoundEvent {
	eventId: string;
	json: EventJson;
}

/**
 * Where a poll with no saved state starts. `fromNow`: the workflow was just activated, what is
 * already there is history. `lookBack`: the workflow was active before this n8n process started
 * it (n8n restarted, or another main took over), so what arrived meanwhile is news; replies look
 * back a bounded window (RESUME_LOOK_BACK_MS). Delivery reports and STOPs start from now either
 * way: their first poll records current states, with no time to look back from.
 */
export type FirstPoll = 'fromNow' | 'lookBack';

export interface PollOutcome {
	events: FoundEvent[];
	state: PollState;
}

/** The answer to one pushed call; `event` starts the workflow. */
export interface Verdict {
	status: number;
	text: string;
	event?: EventJson;
	/** The id of `event` (see FoundEvent). */
	eventId?: string;
}

export const ACCEPTED: Verdict = { status: 200, text: 'OK' };

/** The account setting one event uses, as it was before this node took it. */
export interface PreviousSetting {
	url: string | null;
	/** Replies only: `smsResponse.responseType` and its automatic text. */
	responseType?: string | null;
	text?: string | null;
}

export interface TriggerEventHandler {
	/** The account setting, in words for errors. */
	settingName: string;
	/** The setting as the account has it now. */
	currentSetting(account: AccountCallbacks): PreviousSetting;
	/** The URL OVHcloud calls today for this event, or null when it calls none. */
	activeUrl(setting: PreviousSetting): string | null;
	/** Why taking the setting would change what the account does, beyond its URL. */
	takeoverConflict(setting: PreviousSetting): string | undefined;
	registerBody(url: string): AccountCallbacks;
	restoreBody(previous: PreviousSetting): AccountCallbacks;
	/**
	 * One poll: what is new since `saved` (undefined: no state yet, see FirstPoll).
	 * Starts no API call once `budget` has expired; what it did not reach stays unseen.
	 */
	poll(
		client: OvhClient,
		settings: TriggerSettings,
		saved: PollState | undefined,
		budget: PollBudget,
		firstPoll: FirstPoll,
	): Promise<PollOutcome>;
	/** One pushed call; `client` undefined: the API is out of reach and the event comes from the call alone. */
	receive(client: OvhClient | undefined, settings: TriggerSettings, fields: CallbackFields): Promise<Verdict>;
	/** The newest event, for "Fetch Test Event". */
	latest(client: OvhClient, settings: TriggerSettings): Promise<EventJson | undefined>;
	/** Why the test event is empty. */
	nothingYet: string;
}

/** The account-setting half of a handler. */
export type AccountSettingHandler = Pick<
	TriggerEventHandler,
	'currentSetting' | 'activeUrl' | 'takeoverConflict' | 'registerBody' | 'restoreBody'
>;

/** An event whose account setting is a plain URL field (`callBack`, `stopCallBack`); "" clears it. */
export function urlFieldSetting(field: 'callBack' | 'stopCallBack'): AccountSettingHandler {
	return {
		currentSetting: (account) => ({ url: account[field] || null }),
		activeUrl: (setting) => setting.url,
		takeoverConflict: () => undefined,
		registerBody: (url) => ({ [field]: url }),
		restoreBody: (previous) => ({ [field]: previous.url ?? '' }),
	};
}
