/**
 * STOP notices: the account's `stopCallBack` URL when pushed, the blacklist when polled. The
 * event id is the number put on the blacklist.
 */
import { parseOvhDatetime, readStopCallback, stopReceivedEvent, type BlacklistEntry } from '../../../lib/replies';
import { SmsApi } from '../../../lib/ovh';
import { MAX_IDS_PER_POLL } from '../ovhSmsApi';
import { stateKey, type TriggerSettings } from '../settings';
import { readWithinBudget, TEST_EVENT_SEARCH_LIMIT } from './shared';
import { ACCEPTED, urlFieldSetting, type EventJson, type TriggerEventHandler } from './types';

function byDateCreation(a: BlacklistEntry, b: BlacklistEntry): number {
	return (parseOvhDatetime(a.dateCreation) ?? 0) - (parseOvhDatetime(b.dateCreation) ?? 0);
}

function stopEvent(settings: TriggerSettings, entry: BlacklistEntry): EventJson {
	return stopReceivedEvent(entry, { serviceName: settings.serviceName, source: 'poll', verified: true });
}

/**
 * A number and when it was put on the blacklist: a number taken off and put back is another
 * STOP. A STOP pushed while the API could not confirm it (no date) can match none.
 */
function stopEventId(entry: BlacklistEntry): string {
	return `${plusForm(entry.number)}@${entry.dateCreation ?? ''}`;
}

/** International form with a +, as the blacklist lists numbers. */
function plusForm(number: string): string {
	return number.startsWith('00') ? `+${number.slice(2)}` : number;
}

export const stopReceived: TriggerEventHandler = {
	settingName: 'STOP URL (stopCallBack)',
	nothingYet: 'No number is on the blacklist of this account yet',

	...urlFieldSetting('stopCallBack'),

	/**
	 * The blacklist cannot be listed by date, so STOP polling remembers every number on it and
	 * reports the numbers that appear (a number removed and added again is reported again).
	 */
	async poll(client, settings, saved, budget) {
		const key = stateKey(settings);
		const api = new SmsApi(client, settings.serviceName);
		const numbers = await api.listBlacklist();
		if (!Array.isArray(saved?.known)) return { events: [], state: { key, known: numbers } };
		const known = new Set(saved.known);
		const fresh = numbers.filter((number) => !known.has(number)).slice(0, MAX_IDS_PER_POLL);
		const entries = (await readWithinBudget(fresh, budget, async (chunk) => await api.readBlacklist(chunk)))
			.flatMap((item) => (item.value ? [{ listed: item.id, entry: item.value }] : []))
			.sort((a, b) => byDateCreation(a.entry, b.entry));
		const read = new Set(entries.map(({ listed }) => listed));
		return {
			events: entries.map(({ entry }) => ({ eventId: stopEventId(entry), json: stopEvent(settings, entry) })),
			state: { key, known: numbers.filter((number) => known.has(number) || read.has(number)) },
		};
	},

	async receive(client, settings, fields) {
		const call = readStopCallback(fields);
		if (!call) return { status: 400, text: 'Not a STOP notice' };
		let entry: BlacklistEntry = { number: plusForm(call.number) };
		if (client && settings.verifyWithApi) {
			const stored = await new SmsApi(client, settings.serviceName).findBlacklistEntry(entry.number);
			if (!stored) return { status: 404, text: 'Unknown number' };
			entry = stored;
		}
		return {
			...ACCEPTED,
			eventId: stopEventId(entry),
			event: stopReceivedEvent(entry, {
				serviceName: settings.serviceName,
				source: 'webhook',
				verified: client !== undefined && settings.verifyWithApi,
				replyId: call.id ?? null,
			}),
		};
	},

	async latest(client, settings) {
		const api = new SmsApi(client, settings.serviceName);
		const numbers = (await api.listBlacklist()).slice(-TEST_EVENT_SEARCH_LIMIT);
		const entries = (await api.readBlacklist(numbers)).flatMap((item) => (item.value ? [item.value] : []));
		const newest = entries.sort(byDateCreation).pop();
		return newest && stopEvent(settings, newest);
	},
};
