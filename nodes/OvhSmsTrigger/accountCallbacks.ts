/**
 * The account setting each event uses: `smsResponse` (CGI) for replies, `callBack` for
 * delivery reports, `stopCallBack` for STOP notices; how to read it, take it and give it back.
 */
import type { AccountCallbacks } from './ovhSmsApi';
import type { TriggerEvent } from './settings';

/** The account setting one event uses, as it was before this node took it. */
export interface PreviousSetting {
	url: string | null;
	/** Replies only: `smsResponse.responseType` and its automatic text. */
	responseType?: string | null;
	text?: string | null;
}

export function currentSetting(account: AccountCallbacks, event: TriggerEvent): PreviousSetting {
	if (event === 'deliveryReport') return { url: account.callBack || null };
	if (event === 'stopReceived') return { url: account.stopCallBack || null };
	const response = account.smsResponse ?? {};
	return {
		url: response.cgiUrl || null,
		responseType: response.responseType ?? 'none',
		text: response.text ?? null,
	};
}

/** The URL OVHcloud calls today for this event, or null when it calls none. */
export function activeUrl(setting: PreviousSetting, event: TriggerEvent): string | null {
	if (event === 'smsReceived' && setting.responseType !== 'cgi') return null;
	return setting.url;
}

export function registerBody(event: TriggerEvent, url: string): AccountCallbacks {
	if (event === 'deliveryReport') return { callBack: url };
	if (event === 'stopReceived') return { stopCallBack: url };
	return { smsResponse: { responseType: 'cgi', cgiUrl: url } };
}

export function restoreBody(event: TriggerEvent, previous: PreviousSetting): AccountCallbacks {
	if (event === 'deliveryReport') return { callBack: previous.url ?? '' };
	if (event === 'stopReceived') return { stopCallBack: previous.url ?? '' };
	return {
		smsResponse: {
			responseType: previous.responseType || 'none',
			cgiUrl: previous.url ?? '',
			...(previous.text ? { text: previous.text } : {}),
		},
	};
}

