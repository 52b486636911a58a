import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import {
	CampaignInputError,
	deferredStart,
	estimateCampaign,
	findEarlierLaunch,
	launchCampaign,
	startInstant,
	type BatchParams,
} from '../../../../lib/campaigns';
import { SmsApi, type OvhClient } from '../../../../lib/ovh';
import { errorItem, toNodeError } from '../../../shared/errors';
import { forEachItem } from '../../../shared/router';
import { campaignJson } from './common/campaignJson';
import { showFor, waitFields, type WaitOptions } from './common/fields';
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
import { planFromCsv, planFromItems, planFromRecipientList, type CampaignPlan, type PlanOptions } from './create/recipients';
import { waitAndReport } from './common/waitForCompletion';
import { putToUploadUrl } from '../../../shared/upload';
import { COUNTRIES } from '../../../../lib/recipients';
import { OptionValues } from '../common/optionValues';
import { MAX_TAG_LENGTH } from '../../../../lib/batching';
import { readSendWindow, sendWindowOption, timeItemSend } from '../common/sendWindow';
import { formatInZone, type SendWindowPolicy } from '../../../../lib/sendWindow';

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
				displayName: 'Fallback for Empty Values',
				name: 'emptyValueFallback',
				type: 'string',
				default: '',
				placeholder: 'customer',
				description:
					'The text a #column# placeholder gets when a row has no value in that column (may be left empty). Without this option such rows are left out and reported with their line, as a message like "Hello , your order is ready" is rarely meant.',
			},
			sendWindowOption,
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
	noStop: boolean;
	dryRun: boolean;
	defaultCountry?: string;
	transliteration: Transliteration;
	tag?: string;
	emptyValue?: string;
	waitForCompletion: boolean;
	wait: WaitOptions;
	sendWindow?: SendWindowPolicy;
}

/** The campaign's switches and options, checked whatever their source (see OptionValues). */
function readCampaignOptions(ctx: IExecuteFunctions, itemIndex: number): CampaignOptions {
	const node = ctx.getNode();
	const created = 'nothing was created';
	const raw = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const options = new OptionValues(node, itemIndex, raw, created);
	const countryValue = ctx.getNodeParameter('defaultCountry', itemIndex, 'FR');
	const country = typeof countryValue === 'string' ? countryValue.trim().toUpperCase() : countryValue;
	const fields = new OptionValues(
		node,
		itemIndex,
		{ defaultCountry: country, waitForCompletion: ctx.getNodeParameter('waitForCompletion', itemIndex, false) },
		created,
	);
	const waitForCompletion = fields.flag('waitForCompletion', 'Wait for Completion') ?? false;
	const wait = new OptionValues(
		node,
		itemIndex,
		waitForCompletion ? (ctx.getNodeParameter('waitOptions', itemIndex, {}) as IDataObject) : {},
		created,
	);
	return {
		noStop: options.flag('noStopClause', 'Non-Commercial (No STOP Mention)') ?? false,
		dryRun: options.flag('dryRun', 'Dry Run') ?? false,
		// Empty means no default country (international numbers only), not the default FR.
		defaultCountry:
			country === ''
				? ''
				: fields.choice(
						'defaultCountry',
						'Default Country',
						COUNTRIES.map((c) => c.code),
					),
		transliteration: (options.choice('transliteration', 'Transliteration', ['none', 'safe', 'lossy']) ?? 'none') as Transliteration,
		tag: options.text('tag', 'Tag', MAX_TAG_LENGTH),
		// Present (even empty) means "use this text"; absent means "reject such rows".
		emptyValue: 'emptyValueFallback' in raw ? (options.text('emptyValueFallback', 'Fallback for Empty Values', 160) ?? '') : undefined,
		waitForCompletion,
		sendWindow: readSendWindow(node, itemIndex, raw.sendWindow, ctx.getTimezone(), created),
		wait: {
			// A day: a campaign of a million SMS at OVHcloud's pace is done well before.
			timeLimitMinutes: wait.number('timeLimitMinutes', 'Time Limit (Minutes)', { min: 0, max: 1440 }),
			pollIntervalSeconds: wait.number('pollIntervalSeconds', 'First Check After (Seconds)', { min: 0.01, max: 300 }),
		},
	};
}

async function createOne(
	this: IExecuteFunctions,
	client: OvhClient,
	itemIndex: number,
	plan: (serviceName: string, options: PlanOptions) => Promise<CampaignPlan>,
	claimed: Set<string>,
): Promise<IDataObject> {
	const serviceName = this.getNodeParameter('serviceName', itemIndex, '', { extractValue: true }) as string;
	const name = (this.getNodeParameter('campaignName', itemIndex) as string).trim();
	const senderType = this.getNodeParameter('senderType', itemIndex) as string;
	const sender = senderType === 'sender' ? String(this.getNodeParameter('sender', itemIndex, '', { extractValue: true }) ?? '').trim() : '';
	const options = readCampaignOptions(this, itemIndex);
	const { noStop, dryRun } = options;

	// Everything is checked before anything is created.
	const startMode = this.getNodeParameter('startMode', itemIndex) as string;
	const nowMs = Date.now();
	let deferred =
		startMode === 'scheduled'
			? deferredStart(startInstant(this.getNodeParameter('startAt', itemIndex) as string, this.getTimezone()), nowMs)
			: undefined;
	const recipients = await plan(serviceName, {
		defaultCountry: options.defaultCountry ?? 'FR',
		transliteration: options.transliteration,
		emptyValue: options.emptyValue,
	});
	if (recipients.template.trim() === '') throw new CampaignInputError('"Message" is empty: nothing was created');
	const stopClause = stopMentionAdded(senderType === 'sender' ? senderTypeOfName(sender) : 'shortcode', noStop);
	// A commercial campaign due outside its Send Window starts at the next opening: OVHcloud holds it, Cancel still works.
	const windowJson: IDataObject = {};
	if (options.sendWindow) {
		const timing = timeItemSend(this.getNode(), itemIndex, options.sendWindow, {
			dueMs: deferred ? Date.parse(deferred) : nowMs,
			commercial: stopClause,
			dueField: deferred ? 'Start At' : undefined,
			workflowTimeZone: this.getTimezone(),
			consequence: 'nothing was created',
		});
		if (timing.kind === 'deferred') deferred = new Date(timing.atMs).toISOString();
		Object.assign(windowJson, { sendWindow: timing.kind, sendsAt: formatInZone(timing.atMs, this.getTimezone()) });
	}
	const api = new SmsApi(client, serviceName);
	const account = await api.getAccount();
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
		...windowJson,
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
	// A Retry of this execution runs this node again: the campaign its earlier run created is kept, not created twice.
	const runStartedAtMs = this.getExecutionContext()?.establishedAt;
	const earlier = runStartedAtMs === undefined ? undefined : await findEarlierLaunch(client, serviceName, params, runStartedAtMs, claimed);
	const launched = earlier
		? { batch: earlier, temporaryList: undefined }
		: await launchCampaign(client, {
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
	claimed.add(launched.batch.id);
	const out: IDataObject = { ...campaignJson(launched.batch), ...summary, ...(earlier ? { alreadyCreated: true } : {}) };
	if (launched.temporaryList) out.temporaryRecipientList = launched.temporaryList as unknown as IDataObject;
	if (options.waitForCompletion) {
		const { batch, report } = await waitAndReport(api, launched.batch.id, options.wait);
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
	const claimed = new Set<string>();
	if (source === 'items') {
		const pairedItem = Array.from({ length: count }, (_, item) => ({ item }));
		try {
			const json = await createOne.call(this, client, 0, async (_serviceName, options) => planFromItems.call(this, options), claimed);
			return [{ json, pairedItem }];
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, 0);
			if (!this.continueOnFail()) throw nodeError;
			return [errorItem(this.getNode(), nodeError, pairedItem)];
		}
	}
	return await forEachItem(this, client, async ({ itemIndex }) => [
		{
			json: await createOne.call(
				this,
				client,
				itemIndex,
				async (serviceName, options) =>
					source === 'csv'
						? await planFromCsv.call(this, itemIndex, options)
						: await planFromRecipientList.call(this, client, serviceName, itemIndex, options),
				claimed,
			),
		},
	]);
}
