import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';
import { DEFAULT_MAX_RECEIVERS_PER_JOB, groupIntoJobs } from '../../../../lib/batching';
import {
	checkCredits,
	dispatchSends,
	SenderRefusedError,
	SenderResolver,
	sendIdentityOf,
	type ItemDelivery,
} from '../../../../lib/sending';
import { errorItem, errorItemJson, toNodeError } from '../../../shared/errors';
import { itemError } from '../common/itemError';
import { ItemParameters } from '../common/itemParameters';
import { addDeliveryOutcomes } from './send/deliveryWait';
import { DEFAULT_PARALLEL_JOBS, sendFields } from './send/fields';
import { dryRunItemJson, sentItemJson } from './send/itemOutput';
import { prepareSend, readSendItem } from './send/readItem';
import { RecipientReader } from './send/recipientSources';
import type { PreparedSend } from './send/types';
import type { RunContext } from '../types';

export const description: INodeProperties[] = sendFields;

type ItemFailure = ReturnType<typeof toNodeError>;

/**
 * Sends every input item: items are read and checked first (receivers, sender, parts,
 * credits), so a bad item fails before anything goes out; then items that share account,
 * sender, text and options go out together as jobs of many receivers, and each item gets its
 * own output with its SMS ids, receivers and cost.
 */
export async function executeAll(this: IExecuteFunctions, { client, memo }: RunContext): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const node = this.getNode();
	const continueOnFail = this.continueOnFail();
	const failures = new Map<number, ItemFailure>();
	const fail = (itemIndex: number, error: unknown) => {
		const nodeError = toNodeError(node, error, itemIndex);
		if (!continueOnFail) throw nodeError;
		failures.set(itemIndex, nodeError);
	};

	const runStartedAt = Date.now();
	const parameters = new ItemParameters(this, memo);
	const recipients = new RecipientReader(this, parameters, client, memo);
	const senders = new SenderResolver(client, memo);
	let sends: PreparedSend[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const item = await readSendItem(this, parameters, itemIndex, recipients, runStartedAt);
			const sender = await senders.resolve(item.serviceName, item.sender).catch((error: unknown) => {
				throw error instanceof SenderRefusedError ? itemError(node, itemIndex, error.message) : error;
			});
			sends.push(prepareSend(this, item, sender, runStartedAt));
		} catch (error) {
			fail(itemIndex, error);
		}
	}

	const needs = await checkCredits(client, sends);
	for (const need of needs.values()) {
		if (need.needed <= need.creditsLeft) continue;
		const refused = sends.filter((send) => send.sender.target.serviceName === need.serviceName);
		sends = sends.filter((send) => send.sender.target.serviceName !== need.serviceName);
		for (const send of refused) {
			fail(
				send.item.itemIndex,
				itemError(
					node,
					send.item.itemIndex,
					`Not enough credits on ${need.serviceName}: this run needs at least ${need.needed} credits for ${need.smsCount} SMS, ${need.creditsLeft} are left; nothing was sent`,
					'Buy credits in the OVHcloud control panel (or turn on automatic top-up), or send to fewer receivers. One SMS part to France costs 1 credit; other destinations cost more.',
				),
			);
		}
	}

	const firstOptions = sends[0]?.item.options ?? {};
	const maxReceiversPerJob = firstOptions.maxReceiversPerJob ?? DEFAULT_MAX_RECEIVERS_PER_JOB;
	const results = new Map<number, INodeExecutionData>();

	const dryRun = sends.filter((send) => send.item.options.dryRun);
	if (dryRun.length) {
		const { duplicatesByItem } = groupIntoJobs(
			dryRun.flatMap((send) =>
				send.item.recipients.kind === 'recipientList'
					? []
					: [{ itemIndex: send.item.itemIndex, key: send.key, payload: null, receivers: send.item.recipients.numbers }],
			),
			maxReceiversPerJob,
		);
		for (const send of dryRun) {
			const need = needs.get(send.sender.target.serviceName)!;
			const json = dryRunItemJson(send, duplicatesByItem.get(send.item.itemIndex) ?? [], {
				creditsLeft: need.creditsLeft,
				creditsNeeded: need.needed,
			});
			results.set(send.item.itemIndex, { json, pairedItem: { item: send.item.itemIndex } });
		}
	}

	const live = sends.filter((send) => !send.item.options.dryRun);
	const executionContext = this.getExecutionContext();
	const identity = sendIdentityOf({
		workflowId: this.getWorkflow().id,
		nodeId: node.id,
		executionId: this.getExecutionId(),
		establishedAtMs: executionContext?.establishedAt,
		triggerNodeName: executionContext?.triggerNode?.name,
		retried: this.getMode() === 'retry',
		nowMs: runStartedAt,
	});
	const deliveries = await dispatchSends(client, live, {
		identity,
		nowMs: runStartedAt,
		maxReceiversPerJob,
		parallelJobs: firstOptions.parallelJobs ?? DEFAULT_PARALLEL_JOBS,
		stopAfterFailure: !continueOnFail,
		sleep,
	});
	let firstFailure: ItemFailure | undefined;
	for (const send of live) {
		const itemIndex = send.item.itemIndex;
		const delivery = deliveries.get(itemIndex)!;
		const json = sentItemJson(send, delivery);
		if (!delivery.failure) {
			results.set(itemIndex, { json, pairedItem: { item: itemIndex } });
			continue;
		}
		const failure = sendFailure(this, itemIndex, delivery);
		firstFailure ??= failure;
		if (continueOnFail) {
			results.set(itemIndex, {
				json: { ...errorItemJson(failure), ...json, ...failedReceivers(delivery) } as JsonObject,
				// No `error` on this item: n8n would then show only the error, not which receivers got the SMS.
				pairedItem: { item: itemIndex },
			});
		}
	}
	if (firstFailure && !continueOnFail) throw withRunSummary(this, firstFailure, live, deliveries);
	await addDeliveryOutcomes(this, client, live, deliveries, results, runStartedAt);

	hintAtReceiversLeftOut(this, [...results.values()]);
	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const failure = failures.get(itemIndex);
		if (failure) out.push(errorItem(this.getNode(), failure, { item: itemIndex }));
		else {
			const result = results.get(itemIndex);
			if (result) out.push(result);
		}
	}
	return out;
}

/** Receivers the API refused are `notSent`; those whose fate it could not tell are `unconfirmed`, never `notSent`. */
function failedReceivers(delivery: ItemDelivery): JsonObject {
	const failure = delivery.failure!;
	const receivers = failure.unsent ?? 'the whole recipient list';
	return failure.unconfirmed ? { status: 'unconfirmed', unconfirmed: receivers } : { status: 'failed', notSent: receivers };
}

/** A green node whose items reached only some receivers says so above its output. */
function hintAtReceiversLeftOut(ctx: IExecuteFunctions, results: INodeExecutionData[]): void {
	const partly = results.filter((result) => result.json.status === 'partlySent' || result.json.status === 'nothingSent');
	if (partly.length === 0) return;
	// A summarised item (a very large send) counts them instead of listing them all.
	const leftOut = (json: IDataObject) =>
		(json.invalidReceiverCount as number | undefined) ?? (json.invalidReceivers as unknown[] | undefined)?.length ?? 0;
	const receivers = partly.reduce((sum, result) => sum + leftOut(result.json), 0);
	ctx.addExecutionHints({
		message: `${receivers} receiver(s) of ${partly.length} item(s) got no SMS (invalid number, or refused by OVHcloud such as on the STOP list): see status and invalidReceivers`,
		type: 'warning',
		location: 'outputPane',
	});
}

function sendFailure(ctx: IExecuteFunctions, itemIndex: number, delivery: ItemDelivery): ItemFailure {
	const failure = delivery.failure!;
	const cause = toNodeError(ctx.getNode(), (failure.error as { cause?: unknown }).cause ?? failure.error, itemIndex);
	const tags = delivery.tags.join(', ');
	const unsent = failure.unsent ? `${failure.unsent.length} receiver(s) of this item` : 'the recipient list';
	const sent = delivery.counts.ids
		? ` ${delivery.counts.ids} SMS of this item did go out (${delivery.summarised ? "ids in the outgoing history under the output's tags" : 'ids in the output'}).`
		: '';
	const advice = failure.unconfirmed
		? `Unconfirmed: OVHcloud's answer was lost and its history could not confirm ${unsent}; they may have been sent. Look in the outgoing history for tag ${tags} before sending again: running this node again with the same input (Retry) looks there first and sends only to the receivers it does not find.`
		: `Not sent: ${unsent}.`;
	return itemError(
		ctx.getNode(),
		itemIndex,
		`Sending failed: ${cause.message.replace(/ \[item \d+\]$/, '')}`,
		`${advice}${sent}${cause.description ? ` ${cause.description}` : ''}`,
	);
}

/** Without "continue on fail", n8n keeps no output: the error must say what did go out. */
function withRunSummary(
	ctx: IExecuteFunctions,
	failure: ItemFailure,
	sends: PreparedSend[],
	deliveries: Map<number, ItemDelivery>,
): NodeOperationError {
	let smsSent = 0;
	const tags = new Set<string>();
	for (const send of sends) {
		const delivery = deliveries.get(send.item.itemIndex)!;
		smsSent += delivery.sameAsItem === undefined ? delivery.counts.ids : 0;
		if (delivery.counts.ids) for (const tag of delivery.tags) tags.add(tag);
	}
	const summary = smsSent
		? ` Before it failed, this run sent ${smsSent} SMS (tags: ${[...tags].slice(0, 10).join(', ')}${tags.size > 10 ? ', …' : ''}). Retry this execution once the cause is fixed: receivers who already got it are found in the history and skipped. Turn on "Continue On Fail" to get one output item per input item with its ids.`
		: ' Nothing was sent by this run.';
	return new NodeOperationError(ctx.getNode(), failure.message, {
		itemIndex: (failure as { context?: { itemIndex?: number } }).context?.itemIndex,
		description: `${failure.description ?? ''}${summary}`.trim(),
	});
}
