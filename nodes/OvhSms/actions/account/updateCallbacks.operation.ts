import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itemError } from '../common/itemError';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [
	{
		displayName: 'Callback URLs',
		name: 'callbacks',
		type: 'collection',
		placeholder: 'Add URL',
		default: {},
		description:
			'Account-wide URLs OVHcloud calls. An empty URL turns the call off. The OVHcloud SMS Trigger node in webhook mode sets these URLs itself.',
		displayOptions: { show: { resource: ['account'], operation: ['updateCallbacks'] } },
		options: [
			{
				displayName: 'Delivery Report URL',
				name: 'deliveryReportUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/sms/delivery?token=…',
				description:
					'Called (GET) each time a sent SMS changes state, with the SMS identifier, ptt, date, description and descriptionDlr in the query (callBack). OVHcloud does not sign these calls: put a secret token in the URL.',
			},
			{
				displayName: 'Reply URL',
				name: 'replyUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/sms/reply?token=…',
				description:
					'Called (POST form with the message, its sender, the short number and the tag) for each SMS the account receives (smsResponse CGI URL)',
			},
			{
				displayName: 'STOP URL',
				name: 'stopUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/sms/stop?token=…',
				description: 'Called when a receiver answers STOP and is added to the account’s STOP list (stopCallBack)',
			},
		],
	},
];

const URL_LABELS: Record<string, string> = {
	deliveryReportUrl: 'Delivery Report URL',
	replyUrl: 'Reply URL',
	stopUrl: 'STOP URL',
};

/** Sets the account's callback URLs (delivery reports, STOP, replies) and returns them as saved. */
export async function execute(this: IExecuteFunctions, { api, serviceName, itemIndex }: PerItemContext): Promise<IDataObject> {
	const callbacks = this.getNodeParameter('callbacks', itemIndex, {}) as {
		deliveryReportUrl?: string;
		stopUrl?: string;
		replyUrl?: string;
	};
	const entries = Object.entries(callbacks).filter(([, value]) => value !== undefined);
	if (entries.length === 0) throw itemError(this.getNode(), itemIndex, 'Add at least one URL to "Callback URLs"');
	for (const [field, value] of entries) {
		const url = String(value).trim();
		if (url && !/^https?:\/\/\S+$/i.test(url)) {
			const label = URL_LABELS[field] ?? field;
			throw itemError(this.getNode(), itemIndex, `"${label}" must be a URL starting with http:// or https:// (got "${url}")`);
		}
	}
	const body: IDataObject = {};
	if (callbacks.deliveryReportUrl !== undefined) body.callBack = callbacks.deliveryReportUrl.trim();
	if (callbacks.stopUrl !== undefined) body.stopCallBack = callbacks.stopUrl.trim();
	if (callbacks.replyUrl !== undefined) {
		const cgiUrl = callbacks.replyUrl.trim();
		body.smsResponse = cgiUrl ? { responseType: 'cgi', cgiUrl } : { responseType: 'none', cgiUrl: '' };
	}
	await api.updateAccount(body);
	const account = await api.getAccount();
	// Turning a call off with "" is a guess (OVHcloud documents no way): check it took.
	const stillOn = [
		body.callBack === '' && account.callBack ? `${URL_LABELS.deliveryReportUrl} (${String(account.callBack)})` : undefined,
		body.stopCallBack === '' && account.stopCallBack ? `${URL_LABELS.stopUrl} (${String(account.stopCallBack)})` : undefined,
		callbacks.replyUrl?.trim() === '' && (account.smsResponse as IDataObject | undefined)?.responseType === 'cgi'
			? URL_LABELS.replyUrl
			: undefined,
	].filter((label): label is string => label !== undefined);
	if (stillOn.length > 0) {
		throw itemError(
			this.getNode(),
			itemIndex,
			`OVHcloud kept ${stillOn.join(' and ')}: an empty URL did not turn the call off`,
			'The other URLs were saved. Turn the call off in the OVHcloud Control Panel (Options of the SMS account).',
		);
	}
	return {
		serviceName,
		callBack: account.callBack ?? null,
		stopCallBack: account.stopCallBack ?? null,
		smsResponse: account.smsResponse ?? null,
	};
}
