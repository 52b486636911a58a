import type { IDataObject, IHookFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import { createReplyFilter, parseFilterList, type DeliveryStatus, type ReplyFilter } from '../../lib/replies';

export type TriggerEvent = 'smsReceived' | 'deliveryReport' | 'stopReceived';
export type TriggerMode = 'poll' | 'webhook';
export type TriggerContext = IPollFunctions | IHookFunctions | IWebhookFunctions;

export interface TriggerSettings {
	event: TriggerEvent;
	mode: TriggerMode;
	serviceName: string;
	/** A virtual number of the account, or '' for every reply of the account. */
	receivingNumber: string;
	statuses: DeliveryStatus[];
	replyFilter: ReplyFilter;
	reportTags: string[];
	deleteAfterRead: boolean;
	lookUpOriginalSms: boolean;
	verifyWithApi: boolean;
	/** A call with the right token whose event the API cannot be reached to confirm. */
	unconfirmedEvents: 'refuse' | 'emitUnverified';
	replaceExistingUrl: boolean;
}

const EVENTS: TriggerEvent[] = ['smsReceived', 'deliveryReport', 'stopReceived'];
const STATUSES: DeliveryStatus[] = ['delivered', 'failed', 'pending'];

function objectParameter(ctx: TriggerContext, name: string): IDataObject {
	const value = ctx.getNodeParameter(name, {}) as unknown;
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

function stringValue(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

export function readTriggerSettings(ctx: TriggerContext): TriggerSettings {
	const event = ctx.getNodeParameter('event', 'smsReceived') as TriggerEvent;
	const filters = objectParameter(ctx, 'filters');
	const reportFilters = objectParameter(ctx, 'reportFilters');
	const options = objectParameter(ctx, 'options');
	const statuses = ctx.getNodeParameter('statuses', ['delivered', 'failed']) as unknown;
	return {
		event: EVENTS.includes(event) ? event : 'smsReceived',
		mode: ctx.getNodeParameter('mode', 'poll') === 'webhook' ? 'webhook' : 'poll',
		serviceName: String(ctx.getNodeParameter('serviceName', '', { extractValue: true }) ?? '').trim(),
		receivingNumber: event === 'smsReceived' ? stringValue(ctx.getNodeParameter('receivingNumber', '')).trim() : '',
		statuses: Array.isArray(statuses) ? STATUSES.filter((status) => statuses.includes(status)) : ['delivered', 'failed'],
		replyFilter: createReplyFilter({
			senders: stringValue(filters.senders),
			keywords: stringValue(filters.keywords),
			tags: stringValue(filters.tags),
		}),
		reportTags: parseFilterList(stringValue(reportFilters.tags)),
		deleteAfterRead: options.deleteAfterRead === true,
		lookUpOriginalSms: options.lookUpOriginalSms === true,
		verifyWithApi: options.verifyWithApi !== false,
		unconfirmedEvents: options.unconfirmedEvents === 'emitUnverified' ? 'emitUnverified' : 'refuse',
		replaceExistingUrl: options.replaceExistingUrl === true,
	};
}

/**
 * The state of a trigger is kept per event and account (and receiving number): changing them
 * starts over (no flood of old messages) instead of reading another stream with a stale mark.
 */
export function stateKey(settings: TriggerSettings): string {
	return [settings.event, settings.serviceName, settings.receivingNumber].join(':');
}
