/**
 * Webhook mode: points the account's URL for the event at this node's webhook (with a secret
 * token), remembers what was there, and puts it back on deactivation. OVHcloud has one such
 * URL per account and event, so taking over a URL that is not this node's needs the user's
 * consent ("Replace Existing URL").
 */
import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';
import type { OvhClient } from '../../lib/ovh';
import { createWebhookToken, describeHost, sameWebhookEndpoint, urlWithToken, withoutQuery } from '../../lib/replies';
import { toNodeError } from '../shared/errors';
import { createOvhClient } from '../shared/transport';
import { activeUrlOf, TRIGGER_EVENTS, UNLIMITED, type PreviousSetting } from './events';
import { readAccountCallbacks, updateAccount } from './ovhSmsApi';
import { readTriggerSettings, type TriggerEvent, type TriggerSettings } from './settings';

export interface WebhookRegistration {
	key: string;
	token: string;
	/** The URL registered at OVHcloud, token included. */
	url: string;
	previous: PreviousSetting;
}

function registrationKey(settings: TriggerSettings): string {
	return `${settings.event}:${settings.serviceName}`;
}

export function readRegistration(staticData: IDataObject, settings: TriggerSettings): WebhookRegistration | undefined {
	const value = staticData.webhook as Partial<WebhookRegistration> | undefined;
	if (!value || value.key !== registrationKey(settings) || typeof value.token !== 'string' || typeof value.url !== 'string') {
		return undefined;
	}
	return value as WebhookRegistration;
}

/** Why the current setting belongs to someone else, or undefined when this node may take it. */
function ownerConflict(setting: PreviousSetting, event: TriggerEvent, webhookUrl: string): string | undefined {
	const handler = TRIGGER_EVENTS[event];
	const url = handler.activeUrl(setting);
	if (url && !sameWebhookEndpoint(url, webhookUrl)) {
		return `its ${handler.settingName} already points to ${describeHost(url)}`;
	}
	return handler.takeoverConflict(setting);
}

interface HookSetup {
	settings: TriggerSettings;
	client: OvhClient;
	staticData: IDataObject;
}

async function setUp(ctx: IHookFunctions): Promise<HookSetup> {
	const settings = readTriggerSettings(ctx);
	if (!settings.serviceName) throw new NodeOperationError(ctx.getNode(), 'Choose the SMS account to watch');
	return { settings, client: await createOvhClient(ctx, { sharedApiClock: true }), staticData: ctx.getWorkflowStaticData('node') };
}

function webhookUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave no webhook URL for this node');
	return url;
}

/** True when the account still calls the URL this node registered. */
export async function webhookExists(this: IHookFunctions): Promise<boolean> {
	try {
		const { settings, client, staticData } = await setUp(this);
		const registration = readRegistration(staticData, settings);
		if (!registration) return false;
		const account = await readAccountCallbacks(client, settings.serviceName);
		return activeUrlOf(account, settings.event) === registration.url;
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}

export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(this);
	try {
		const { settings, client, staticData } = await setUp(this);
		const known = readRegistration(staticData, settings);
		const account = await readAccountCallbacks(client, settings.serviceName);
		const handler = TRIGGER_EVENTS[settings.event];
		const current = handler.currentSetting(account);
		const currentUrl = handler.activeUrl(current);

		let previous: PreviousSetting;
		if (currentUrl && withoutQuery(currentUrl) === withoutQuery(webhookUrl)) {
			// This very webhook with an older token (its static data was lost or reset).
			previous = known?.previous ?? { url: null, responseType: 'none' };
		} else {
			const conflict = ownerConflict(current, settings.event, webhookUrl);
			if (conflict && !settings.replaceExistingUrl) {
				throw new NodeOperationError(this.getNode(), `The SMS account ${settings.serviceName} is already in use: ${conflict}`, {
					description:
						'Deactivate the workflow or tool that uses it, or turn on "Replace Existing URL" in the options: the current setting is then restored when this workflow is deactivated.',
				});
			}
			// Includes this node's other URL (test vs production), so that a test run gives it back.
			previous = current;
		}
		// Where the reconciling poll starts: what exists before OVHcloud calls this webhook is
		// old; anything later that no push brings is emitted by the poll, even before its first
		// tick. n8n saves this static data once activation ends.
		const start = await handler.poll(client, settings, undefined, UNLIMITED, 'fromNow');
		staticData.poll = start.state as unknown as IDataObject;
		const token = known?.token ?? createWebhookToken();
		const url = urlWithToken(webhookUrl, token);
		await updateAccount(client, settings.serviceName, handler.registerBody(url));
		const registration: WebhookRegistration = { key: registrationKey(settings), token, url, previous };
		staticData.webhook = registration as unknown as IDataObject;
		return true;
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}

export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(this);
	try {
		const { settings, client, staticData } = await setUp(this);
		const registration = readRegistration(staticData, settings);
		const account = await readAccountCallbacks(client, settings.serviceName);
		const current = activeUrlOf(account, settings.event);
		const handler = TRIGGER_EVENTS[settings.event];
		if (registration) {
			// Someone else may have taken the URL since: then it is theirs, leave it.
			if (current === registration.url) {
				await updateAccount(client, settings.serviceName, handler.restoreBody(registration.previous));
			}
		} else if (current && withoutQuery(current) === withoutQuery(webhookUrl)) {
			// This webhook is registered but its static data was never saved (n8n can fail after
			// create): what was there before is unknown, so the setting is cleared rather than
			// left pointing at a webhook that is going away.
			await updateAccount(client, settings.serviceName, handler.restoreBody({ url: null, responseType: 'none' }));
		}
		delete staticData.webhook;
		return true;
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}
