import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import {
	CampaignInputError,
	deferredStart,
	estimateCampaign,
	findEarlierLaunch,
	launchCampaign,
	startInstant,
	type BatchParams,
} from '../../../../lib/campaigns';
import { senderTypeOfName, stopMentionAdded, type MessageSenderType } from '../../../../lib/messages';
import { SmsApi, type OvhClient } from '../../../../lib/ovh';
import { formatInZone } from '../../../../lib/sendWindow';
import { errorItem, toNodeError } from '../../../shared/errors';
import { forEachItem, type RunContext } from '../../../shared/router';
import { putToUploadUrl } from '../../../shared/upload';
import { timeItemSend } from '../common/sendWindow';
import { campaignJson } from './common/campaignJson';
import { waitAndReport } from './common/waitForCompletion';
import { createFields } from './create/fields';
import { readCampaignOptions } from './create/readOptions';
import {
	planFromCsv,
	planFromItems,
	planFromRecipientList,
	type CampaignPlan,
	type CampaignSource,
	type PlanOptions,
} from './create/recipients';

export const description: INodeProperties[] = createFields;

/** A campaign's sender: what the batch gets, how OVHcloud counts the STOP mention, and its name in the output. */
interface CampaignSender {
	params: Pick<BatchParams, 'from' | 'senderForResponse'>;
	type: MessageSenderType;
	label: string;
}

/** The Sender Types a campaign offers; `name` is the Sender parameter's trimmed text. */
const CAMPAIGN_SENDERS: Record<'sender' | 'shortNumber', (name: () => string) => CampaignSender> = {
	sender: (name) => {
		const from = name();
		if (!from) throw new CampaignInputError('"Sender" is empty: nothing was created');
		return { params: { from }, type: senderTypeOfName(from), label: from };
	},
	shortNumber: () => ({ params: { senderForResponse: true }, type: 'shortcode', label: 'short number' }),
};

function readCampaignSender(ctx: IExecuteFunctions, itemIndex: number): CampaignSender {
	const senderType = String(ctx.getNodeParameter('senderType', itemIndex));
	if (!Object.keys(CAMPAIGN_SENDERS).includes(senderType)) {
		throw new CampaignInputError(
			`"Sender Type" is "${senderType}": use one of ${Object.keys(CAMPAIGN_SENDERS).join(', ')}; nothing was created`,
		);
	}
	const name = () => String(ctx.getNodeParameter('sender', itemIndex, '', { extractValue: true }) ?? '').trim();
	return CAMPAIGN_SENDERS[senderType as keyof typeof CAMPAIGN_SENDERS](name);
}

/** Reads the recipients of one campaign from its source. */
type Planner = (serviceName: string, options: PlanOptions) => Promise<CampaignPlan>;
/** Makes the campaigns of a run: their output items, paired. */
type CampaignsOf = (ctx: IExecuteFunctions, run: RunContext, claimed: Set<string>) => Promise<INodeExecutionData[]>;

async function createOne(
	this: IExecuteFunctions,
	client: OvhClient,
	itemIndex: number,
	plan: Planner,
	claimed: Set<string>,
): Promise<IDataObject> {
	const serviceName = this.getNodeParameter('serviceName', itemIndex, '', { extractValue: true }) as string;
	const name = (this.getNodeParameter('campaignName', itemIndex) as string).trim();
	const sender = readCampaignSender(this, itemIndex);
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
	const stopClause = stopMentionAdded(sender.type, noStop);
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
		return { dryRun: true, name, message: recipients.template, sender: sender.label, deferred: deferred ?? null, ...summary };
	}

	const params: Omit<BatchParams, 'to' | 'slotID'> = {
		name,
		message: recipients.template,
		...sender.params,
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

/** Input items: one campaign for all of them, paired with every item. */
const oneCampaignForAllItems: CampaignsOf = async (ctx, { client }, claimed) => {
	const pairedItem = Array.from({ length: ctx.getInputData().length }, (_, item) => ({ item }));
	try {
		const json = await createOne.call(ctx, client, 0, async (_serviceName, options) => planFromItems.call(ctx, options), claimed);
		return [{ json, pairedItem }];
	} catch (error) {
		const nodeError = toNodeError(ctx.getNode(), error, 0);
		if (!ctx.continueOnFail()) throw nodeError;
		return [errorItem(ctx.getNode(), nodeError, pairedItem)];
	}
};

/** A CSV file or a recipient list: one campaign per input item (each may hold its own file). */
function campaignPerItem(planOf: (ctx: IExecuteFunctions, client: OvhClient, itemIndex: number) => Planner): CampaignsOf {
	return async (ctx, run, claimed) =>
		await forEachItem(ctx, run, async ({ client, itemIndex }) => [
			{ json: await createOne.call(ctx, client, itemIndex, planOf(ctx, client, itemIndex), claimed) },
		]);
}

const CAMPAIGNS_BY_SOURCE: Record<CampaignSource, CampaignsOf> = {
	items: oneCampaignForAllItems,
	csv: campaignPerItem((ctx, _client, itemIndex) => async (_serviceName, options) => await planFromCsv.call(ctx, itemIndex, options)),
	recipientList: campaignPerItem(
		(ctx, client, itemIndex) => async (serviceName, options) =>
			await planFromRecipientList.call(ctx, client, serviceName, itemIndex, options),
	),
};

export async function executeAll(this: IExecuteFunctions, run: RunContext): Promise<INodeExecutionData[]> {
	const source = this.getNodeParameter('recipientSource', 0) as CampaignSource;
	const campaigns = CAMPAIGNS_BY_SOURCE[source];
	if (!campaigns) throw new NodeOperationError(this.getNode(), `Recipients "${String(source)}" is not supported`);
	// A Retry finds what the first run created: each campaign is claimed once, so two identical items make two.
	return await campaigns(this, run, new Set<string>());
}
