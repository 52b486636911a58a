import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import {
	CampaignInputError,
	deferredStart,
	estimateCampaign,
	launchCampaign,
	startInstant,
	type BatchParams,
} from '../../../../lib/campaigns';
import { buildPath, type OvhClient } from '../../../../lib/ovh';
import { errorItemJson, toNodeError } from '../../../shared/errors';
import { campaignJson } from './campaignJson';
import { showFor, waitFields, type WaitOptions } from './fields';
import { senderTypeOfName, stopMentionAdded, type Transliteration } from '../../../../lib/messages';
import {
	csvColumnProperty,
	defaultCountryProperty,
	dryRunOption,
	messageProperty,
	nonCommercialOption,
	recipientListProperty,
	recipientSourceProperty,
	senderProperty,
	senderTypeProperty,
	transliterationOption,
} from '../common/messageFields';
import { messageCostNotices } from '../common/messageCost';
import { planFromCsv, planFromItems, planFromRecipientList, type CampaignPlan, type PlanOptions } from './recipients';
import { waitAndReport } from './waitForCompletion';
import { putToUploadUrl } from '../../../shared/upload';

const show = showFor('create');

export const description: INodeProperties[] = [
	{
		displayName: 'Campaign Name',
		name: 'campaignName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Monday promotion',
		displayOptions: { show },
	},
	senderTypeProperty({ show }, ['sender', 'shortNumber']),
	senderProperty({ show: { ...show, senderType: ['sender'] } }),
	recipientSourceProperty({ show }, ['csv', 'items', 'recipientList'], 'items'),
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.phone }}',
		description: 'The receiver of each item, in international format (+33…) or national format of the default country',
		displayOptions: { show: { ...show, recipientSource: ['items'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The binary field holding the CSV file (a header line, then one receiver per line; ; , or tab separated)',
		displayOptions: { show: { ...show, recipientSource: ['csv'] } },
	},
	csvColumnProperty(
		{ show: { ...show, recipientSource: ['csv'] } },
		'Header name of the column of the CSV file holding the phone numbers. Empty: the column named number.',
	),
	recipientListProperty({ show: { ...show, recipientSource: ['recipientList'] } }),
	defaultCountryProperty({ show }),
	messageProperty(
		{ show },
		{
			placeholder: 'Hello #firstname#, -20% in our #city# shop this Monday!',
			description:
				"Expressions ({{ }}) are evaluated for each item. With a CSV file or a recipient list, #column# placeholders are replaced by each receiver's value in that column; an unknown column stops the campaign before anything is sent.",
		},
	),
	...messageCostNotices(show),
	{
		displayName: 'Start',
		name: 'startMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Now', value: 'now' },
			{ name: 'At a Date', value: 'scheduled' },
		],
		default: 'now',
		displayOptions: { show },
	},
	{
		displayName: 'Start At',
		name: 'startAt',
		type: 'dateTime',
		default: '',
		required: true,
		description: "When OVHcloud starts sending (in the workflow's time zone unless the date has an offset)",
		displayOptions: { show: { ...show, startMode: ['scheduled'] } },
	},
	...waitFields(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			dryRunOption(
				'Whether to only check the receivers and the message and estimate the cost (parts of the longest personalised text, credits needed, credits left), without creating the campaign (nor waiting for it)',
			),
			nonCommercialOption,
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				description: 'A label OVHcloud stores with every SMS of the campaign (to filter the history)',
			},
			{
				...transliterationOption,
				description:
					'Replace characters outside the GSM alphabet in the message and in the #column# values. OVHcloud only puts GSM-7 text in placeholders: with None, a value outside it stops the campaign before anything is sent.',
			},
		],
	},
];

interface CampaignOptions {
	dryRun?: boolean;
	noStopClause?: boolean;
	tag?: string;
	transliteration?: Transliteration;
}

async function createOne(
	this: IExecuteFunctions,
	client: OvhClient,
	itemIndex: number,
	plan: (serviceName: string, options: PlanOptions) => Promise<CampaignPlan>,
): Promise<IDataObject> {
	const serviceName = this.getNodeParameter('serviceName', itemIndex, '', { extractValue: true }) as string;
	const name = (this.getNodeParameter('campaignName', itemIndex) as string).trim();
	const senderType = this.getNodeParameter('senderType', itemIndex) as string;
	const sender =
		senderType === 'sender' ? String(this.getNodeParameter('sender', itemIndex, '', { extractValue: true }) ?? '').trim() : '';
	const options = this.getNodeParameter('options', itemIndex, {}) as CampaignOptions;
	const noStop = options.noStopClause ?? false;
	const dryRun = options.dryRun ?? false;

	// Everything is checked before anything is created.
	const startMode = this.getNodeParameter('startMode', itemIndex) as string;
	const deferred =
		startMode === 'scheduled'
			? deferredStart(startInstant(this.getNodeParameter('startAt', itemIndex) as string, this.getTimezone()), Date.now())
			: undefined;
	const recipients = await plan(serviceName, {
		defaultCountry: this.getNodeParameter('defaultCountry', itemIndex, 'FR') as string,
		transliteration: options.transliteration ?? 'none',
	});
	if (recipients.template.trim() === '') throw new CampaignInputError('"Message" is empty: nothing was created');
	const stopClause = stopMentionAdded(senderType === 'sender' ? senderTypeOfName(sender) : 'shortcode', noStop);
	const account = await client.get<{ creditsLeft?: number }>(buildPath(['sms', serviceName]));
	const estimate = estimateCampaign({
		message: recipients.template,
		recipients: recipients.estimateRecipients,
		stopClause,
		creditsLeft: account.creditsLeft,
	});
	const summary: IDataObject = {
		estimate: estimate as unknown as IDataObject,
		rejectedCount: recipients.rejected.length,
		rejected: recipients.rejected.slice(0, 100),
	};
	if (dryRun) {
		return { dryRun: true, name, message: recipients.template, sender: sender || 'short number', deferred: deferred ?? null, ...summary };
	}

	const params: Omit<BatchParams, 'to' | 'slotID'> = {
		name,
		message: recipients.template,
		...(senderType === 'sender' ? { from: sender } : { senderForResponse: true }),
		noStop,
		...(deferred ? { deferred } : {}),
		...(options.tag ? { tag: options.tag } : {}),
	};
	const launched = await launchCampaign(client, {
		serviceName,
		params,
		recipients: recipients.recipients,
		sleep,
		nowMs: () => Date.now(),
		upload: {
			putFile: async (url, content) => await putToUploadUrl(this, url, content, 'text/csv'),
			documentName: `campaign-${name || 'recipients'}.csv`,
			slotDescription: `Campaign ${name}`.slice(0, 100),
		},
	});
	const out: IDataObject = { ...campaignJson(launched.batch), ...summary };
	if (launched.temporaryList) out.temporaryRecipientList = launched.temporaryList as unknown as IDataObject;
	if (this.getNodeParameter('waitForCompletion', itemIndex, false) as boolean) {
		const waitOptions = this.getNodeParameter('waitOptions', itemIndex, {}) as WaitOptions;
		const { batch, report } = await waitAndReport(client, serviceName, launched.batch.id, waitOptions);
		Object.assign(out, campaignJson(batch), report);
	}
	return out;
}

/**
 * Input items: one campaign for all of them. A CSV file or a recipient list: one campaign per
 * input item (each may hold its own file).
 */
export async function executeAll(this: IExecuteFunctions, client: OvhClient): Promise<INodeExecutionData[]> {
	const count = this.getInputData().length;
	const source = this.getNodeParameter('recipientSource', 0) as string;
	if (source === 'items') {
		const pairedItem = Array.from({ length: count }, (_, item) => ({ item }));
		try {
			const json = await createOne.call(this, client, 0, async (_serviceName, options) => planFromItems.call(this, options));
			return [{ json, pairedItem }];
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, 0);
			if (!this.continueOnFail()) throw nodeError;
			return [{ json: errorItemJson(nodeError), pairedItem, error: nodeError }];
		}
	}
	const out: INodeExecutionData[] = [];
	for (let item = 0; item < count; item++) {
		try {
			const json = await createOne.call(this, client, item, async (serviceName, options) =>
				source === 'csv'
					? await planFromCsv.call(this, item, options)
					: await planFromRecipientList.call(this, client, serviceName, item, options),
			);
			out.push({ json, pairedItem: { item } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, item);
			if (!this.continueOnFail()) throw nodeError;
			out.push({ json: errorItemJson(nodeError), pairedItem: { item }, error: nodeError });
		}
	}
	return out;
}
