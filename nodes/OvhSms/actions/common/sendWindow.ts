/**
 * "Send Window", one option for Send and Campaign › Create: when commercial SMS may go out, and
 * what to do with one due outside. A rule (the French commercial hours, or a custom window) whose
 * every part can be overridden; read and checked per item like any option. The window itself is
 * lib/sendWindow.
 */
import type { INode, INodeProperties } from 'n8n-workflow';
import {
	FRENCH_COMMERCIAL_HOURS,
	formatInZone,
	HOLIDAY_COUNTRIES,
	isKnownTimeZone,
	timeSend,
	type ClosedReason,
	type HolidayCountry,
	type SendTiming,
	type SendWindow,
	type SendWindowPolicy,
} from '../../../../lib/sendWindow';
import { itemError } from './itemError';
import { OptionValues } from './optionValues';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const HOLIDAY_CHOICES = Object.keys(HOLIDAY_COUNTRIES) as HolidayCountry[];

export const sendWindowOption: INodeProperties = {
	displayName: 'Send Window',
	name: 'sendWindow',
	type: 'fixedCollection',
	placeholder: 'Add Send Window',
	default: {},
	description:
		'When commercial SMS (those that get the STOP mention) may go out. One due outside the window (now, or at "Send At") is deferred to the next opening, where OVHcloud holds it (it can still be cancelled), or fails its item.',
	options: [
		{
			displayName: 'Window',
			name: 'window',
			values: [
				{
					displayName: 'Based On',
					name: 'rule',
					type: 'options',
					default: 'frenchCommercial',
					description: 'The starting point; each other field, when set, overrides it',
					options: [
						{
							name: 'French Commercial Hours',
							value: 'frenchCommercial',
							description: 'Monday to Friday, 08:00 to 20:00, Europe/Paris, closed on French public holidays',
						},
						{ name: 'Custom', value: 'custom', description: "Every day, all day, in the workflow's time zone, unless set below" },
					],
				},
				{
					displayName: 'Closes At',
					name: 'closesAt',
					type: 'string',
					default: '',
					placeholder: '20:00',
					description: "The time the window closes each allowed day (HH:MM, 24:00 for midnight). Empty: the rule's.",
				},
				{
					displayName: 'Days',
					name: 'days',
					type: 'multiOptions',
					default: [],
					description: "The days SMS may go out. Empty: the rule's days.",
					options: DAYS.map((value, index) => ({ name: DAY_NAMES[index], value })),
				},
				{
					displayName: 'Hold Non-Commercial Messages Too',
					name: 'nonCommercialToo',
					type: 'boolean',
					default: false,
					description:
						'Whether messages certified non-commercial (codes, alerts, without the STOP mention) obey the window too. Off: they go when due.',
				},
				{
					displayName: 'Opens At',
					name: 'opensAt',
					type: 'string',
					default: '',
					placeholder: '08:00',
					description: "The time the window opens each allowed day (HH:MM). Empty: the rule's.",
				},
				{
					displayName: 'Outside the Window',
					name: 'outside',
					type: 'options',
					default: 'defer',
					options: [
						{
							name: 'Defer to the Next Opening',
							value: 'defer',
							description: 'OVHcloud holds the SMS until the window opens; it can be cancelled until then',
						},
						{ name: 'Fail the Item', value: 'fail', description: 'Nothing is sent for the item; the error says when the window opens' },
					],
				},
				{
					displayName: 'Public Holidays',
					name: 'holidays',
					type: 'options',
					default: 'rule',
					description: 'Public holidays of this country are closed all day (nationwide days; regional ones are not included)',
					options: [
						{ name: "The Rule's (France for French Commercial Hours, None for Custom)", value: 'rule' },
						{ name: 'None', value: 'none' },
						...HOLIDAY_CHOICES.map((code) => ({ name: HOLIDAY_COUNTRIES[code], value: code })),
					],
				},
				{
					displayName: 'Time Zone',
					name: 'timeZone',
					type: 'string',
					default: '',
					placeholder: 'Europe/Paris',
					description: "The IANA time zone the days and hours are read in. Empty: the rule's (the workflow's for Custom).",
				},
			],
		},
	],
};

const HOURS = /^([01]?\d|2[0-4]):([0-5]\d)$/;

function minutesOf(values: OptionValues, name: string, label: string): number | undefined {
	const text = values.text(name, label, 5);
	if (text === undefined) return undefined;
	const match = HOURS.exec(text);
	const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
	if (!(minutes <= 1440)) values.refuse(label, 'a time of day such as 08:00 (00:00 to 24:00)', text);
	return minutes;
}

/** The item's Send Window, checked; undefined when the option is not set. */
export function readSendWindow(
	node: INode,
	itemIndex: number,
	raw: unknown,
	workflowTimeZone: string,
	consequence: string,
): SendWindowPolicy | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	const label = 'Send Window';
	const container = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
	const fields = container?.window;
	if (container && fields === undefined && Object.keys(container).length === 0) return undefined;
	if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
		throw itemError(
			node,
			itemIndex,
			`"${label}" must be a window (rule, days, hours…), not ${JSON.stringify(raw)?.slice(0, 60)}; ${consequence}`,
		);
	}
	const values = new OptionValues(node, itemIndex, fields as Record<string, unknown>, consequence);
	const rule = values.choice('rule', `${label} › Based On`, ['frenchCommercial', 'custom']) ?? 'frenchCommercial';
	const base: SendWindow =
		rule === 'frenchCommercial'
			? FRENCH_COMMERCIAL_HOURS
			: { timeZone: workflowTimeZone, days: [0, 1, 2, 3, 4, 5, 6], opensAt: 0, closesAt: 1440 };

	const rawDays = (fields as Record<string, unknown>).days;
	const dayList =
		typeof rawDays === 'string'
			? rawDays
					.split(',')
					.map((day) => day.trim().toLowerCase())
					.filter(Boolean)
			: rawDays;
	let days = base.days;
	if (Array.isArray(dayList) && dayList.length) {
		const unknown = dayList.filter((day) => !(DAYS as readonly unknown[]).includes(day));
		if (unknown.length) values.refuse(`${label} › Days`, `days among ${DAYS.join(', ')}`, unknown);
		days = DAYS.flatMap((day, index) => (dayList.includes(day) ? [index] : []));
	} else if (dayList !== undefined && dayList !== null && !Array.isArray(dayList) && dayList !== '') {
		values.refuse(`${label} › Days`, 'a list of days', dayList);
	}
	const opensAt = minutesOf(values, 'opensAt', `${label} › Opens At`) ?? base.opensAt;
	const closesAt = minutesOf(values, 'closesAt', `${label} › Closes At`) ?? base.closesAt;
	if (opensAt >= closesAt) {
		throw itemError(node, itemIndex, `"${label} › Opens At" must be before "Closes At" (a window within one day); ${consequence}`);
	}
	const timeZone = values.text('timeZone', `${label} › Time Zone`, 64) ?? base.timeZone;
	if (!isKnownTimeZone(timeZone)) values.refuse(`${label} › Time Zone`, 'an IANA time zone such as Europe/Paris', timeZone);
	const holidayChoice = values.choice('holidays', `${label} › Public Holidays`, ['rule', 'none', ...HOLIDAY_CHOICES]) ?? 'rule';
	const holidays = holidayChoice === 'rule' ? base.holidays : holidayChoice === 'none' ? undefined : holidayChoice;
	return {
		window: { timeZone, days, opensAt, closesAt, ...(holidays ? { holidays } : {}) },
		outside: values.choice('outside', `${label} › Outside the Window`, ['defer', 'fail']) ?? 'defer',
		nonCommercialToo: values.flag('nonCommercialToo', `${label} › Hold Non-Commercial Messages Too`) ?? false,
	};
}

const CLOSED: Record<ClosedReason, string> = {
	day: 'a day the window is closed',
	holiday: 'a public holiday',
	hours: 'outside its hours',
};

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "Monday–Friday 08:00–20:00 Europe/Paris, FR public holidays closed". */
export function describeWindow(window: SendWindow): string {
	const days = window.days.map((day) => DAY_NAMES[day]).join(', ');
	return `${days} ${hhmm(window.opensAt)}–${hhmm(window.closesAt)} ${window.timeZone}${window.holidays ? `, ${window.holidays} public holidays closed` : ''}`;
}

/**
 * When the item's SMS go, or its error: `dueMs` is now or its start date; `dueField` names where
 * that came from in the error ("Send At", "Start At", or now).
 */
export function timeItemSend(
	node: INode,
	itemIndex: number,
	policy: SendWindowPolicy,
	send: { dueMs: number; commercial: boolean; dueField: string | undefined; workflowTimeZone: string; consequence: string },
): Exclude<SendTiming, { kind: 'refused' }> {
	const timing = timeSend(send.dueMs, send.commercial, policy);
	if (timing.kind !== 'refused') return timing;
	const due = formatInZone(send.dueMs, policy.window.timeZone);
	const what = send.dueField ? `"${send.dueField}" (${due})` : `Now (${due})`;
	throw itemError(
		node,
		itemIndex,
		`${what} is ${CLOSED[timing.closedBecause]} for "Send Window" (${describeWindow(policy.window)}); ${send.consequence}`,
		`The window next opens at ${formatInZone(timing.nextOpeningMs, send.workflowTimeZone)} (${send.workflowTimeZone}). Set "Send Window › Outside the Window" to "Defer to the Next Opening" to have OVHcloud hold the SMS until then, or send inside the window.`,
	);
}
