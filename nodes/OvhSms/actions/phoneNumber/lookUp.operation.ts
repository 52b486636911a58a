import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { lookUpNumbers, ovhLookupGateway, type NumberLookup } from '../../../../lib/numberLookup';
import { SmsApi } from '../../../../lib/ovh';
import { RecipientList, splitNumberList, type InvalidRecipient } from '../../../../lib/recipients';
import { errorItem, toNodeError } from '../../../shared/errors';
import { itemError } from '../common/itemError';
import { ItemParameters } from '../common/itemParameters';
import { OptionValues } from '../common/optionValues';
import { DEFAULT_MAX_LOOKUPS, DEFAULT_WAIT_MINUTES, LOOKUPS_PER_REQUEST, lookUpFields, MAX_LOOKUPS, WAIT_MINUTES } from './lookUp/fields';
import { invalidNumberJson, lookupJson } from './lookUp/itemOutput';
import type { RunContext } from '../types';

export const description: INodeProperties[] = lookUpFields;

interface LookUpItem {
	itemIndex: number;
	serviceName: string;
	numbers: string[];
	invalid: InvalidRecipient[];
	dryRun: boolean;
	operatorName: boolean;
	maxLookups: number;
	waitMinutes: number;
}

const FIRST_READ_MS = 2_000;
const MAX_READ_INTERVAL_MS = 30_000;

function readItem(ctx: IExecuteFunctions, parameters: ItemParameters, itemIndex: number): LookUpItem {
	const node = ctx.getNode();
	const raw = parameters.get<Record<string, unknown>>('options', itemIndex, {});
	const options = new OptionValues(node, itemIndex, raw ?? {}, 'nothing was looked up');
	const entries = splitNumberList(parameters.get<unknown>('phoneNumbers', itemIndex, ''));
	if (entries.length === 0) throw itemError(node, itemIndex, 'No phone number in "Phone Numbers"; nothing was looked up');
	const list = new RecipientList({ defaultCountry: String(parameters.get('defaultCountry', itemIndex, '') ?? '') }).addAll(entries);
	return {
		itemIndex,
		serviceName: parameters.get<string>('serviceName', itemIndex, '', { extractValue: true }),
		numbers: list.numbers,
		invalid: list.invalid,
		dryRun: options.flag('dryRun', 'Dry Run') ?? false,
		operatorName: options.flag('operatorName', 'Include Operator Name') ?? false,
		maxLookups: options.wholeNumber('maxLookups', 'Maximum Lookups', { min: 1, max: MAX_LOOKUPS }) ?? DEFAULT_MAX_LOOKUPS,
		waitMinutes: options.number('waitMinutes', 'Wait for Result (Minutes)', WAIT_MINUTES) ?? DEFAULT_WAIT_MINUTES,
	};
}

/**
 * Looks up every input item's numbers: the items are read and checked first (numbers, options,
 * the run's size against Maximum Lookups, credits left), so nothing is billed for a bad run;
 * then the distinct numbers of all items are asked together (a request per 500) and waited
 * for with back-off; each input item gets one output item per number, paired with it.
 */
export async function executeAll(this: IExecuteFunctions, { client, memo }: RunContext): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const continueOnFail = this.continueOnFail();
	const outputs = new Map<number, INodeExecutionData[]>();
	const fail = (itemIndex: number, error: unknown) => {
		const nodeError = toNodeError(node, error, itemIndex);
		if (!continueOnFail) throw nodeError;
		outputs.set(itemIndex, [errorItem(node, nodeError, { item: itemIndex })]);
	};
	const emit = (itemIndex: number, json: IDataObject) =>
		outputs.set(itemIndex, [...(outputs.get(itemIndex) ?? []), { json, pairedItem: { item: itemIndex } }]);

	const parameters = new ItemParameters(this, memo);
	const items: LookUpItem[] = [];
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		try {
			items.push(readItem(this, parameters, itemIndex));
		} catch (error) {
			fail(itemIndex, error);
		}
	}

	for (const serviceName of new Set(items.map((item) => item.serviceName))) {
		const ofService = items.filter((item) => item.serviceName === serviceName);
		let live = ofService.filter((item) => !item.dryRun);
		const numbers = [...new Set(live.flatMap((item) => item.numbers))];
		const maxLookups = Math.min(...live.map((item) => item.maxLookups));
		if (numbers.length > maxLookups) {
			for (const item of live) {
				fail(
					item.itemIndex,
					itemError(
						node,
						item.itemIndex,
						`This run would look up ${numbers.length} distinct numbers on ${serviceName}, more than "Maximum Lookups" (${maxLookups}); nothing was looked up`,
						'Each lookup is billed. Raise "Maximum Lookups" if you mean it, or look fewer numbers up.',
					),
				);
			}
			live = [];
		}
		let creditsLeft: number;
		try {
			creditsLeft = (await new SmsApi(client, serviceName).getAccount()).creditsLeft;
		} catch (error) {
			for (const item of [...live, ...ofService.filter((entry) => entry.dryRun)]) fail(item.itemIndex, error);
			continue;
		}
		for (const item of ofService.filter((entry) => entry.dryRun)) {
			emit(item.itemIndex, {
				status: 'dryRun',
				serviceName,
				lookups: item.numbers.length,
				numbers: item.numbers,
				invalidNumbers: item.invalid.map((invalid) => ({ ...invalid })),
				account: { creditsLeft, fits: creditsLeft > 0 },
				withinMaximumLookups: item.numbers.length <= item.maxLookups,
				summary: `${item.numbers.length} number(s) would be looked up, each billed by OVHcloud; ${creditsLeft} credits left; nothing was looked up`,
			});
		}
		if (live.length === 0) continue;
		if (numbers.length > 0 && creditsLeft <= 0) {
			for (const item of live) {
				fail(
					item.itemIndex,
					itemError(
						node,
						item.itemIndex,
						`No credits left on ${serviceName}; nothing was looked up`,
						'Number lookups are billed in SMS credits: buy credits in the OVHcloud control panel.',
					),
				);
			}
			continue;
		}
		const run = await lookUpNumbers(ovhLookupGateway(client, serviceName), numbers, {
			chunkSize: LOOKUPS_PER_REQUEST,
			withOperator: live.some((item) => item.operatorName),
			sleep,
			nowMs: () => Date.now(),
			timeLimitMs: Math.max(0, ...live.map((item) => item.waitMinutes)) * 60_000,
			firstIntervalMs: FIRST_READ_MS,
			maxIntervalMs: MAX_READ_INTERVAL_MS,
		});
		const billed = [...run.byNumber.values()].filter((result) => result.state === 'final' || result.state === 'pending').length;
		const creditsPerLookup = billed ? Math.round((run.creditsRemoved / billed) * 1000) / 1000 : 0;
		for (const item of live) {
			const failed = item.numbers.map((number) => run.byNumber.get(number)!).find((result) => result.state === 'notLookedUp');
			if (failed) {
				fail(item.itemIndex, lookupFailure(this, item, failed));
				continue;
			}
			for (const number of item.numbers) {
				const result = run.byNumber.get(number) as Exclude<NumberLookup, { state: 'notLookedUp' }>;
				const json = lookupJson(number, result, serviceName, creditsPerLookup);
				if (!item.operatorName) delete json.operator;
				emit(item.itemIndex, json);
			}
			for (const invalid of item.invalid) emit(item.itemIndex, invalidNumberJson(invalid));
		}
		const pending = [...run.byNumber.values()].filter((result) => result.state === 'pending').length;
		if (numbers.length === 0) continue;
		this.addExecutionHints({
			message: `Number lookup on ${serviceName}: ${billed} number(s) looked up for ${run.creditsRemoved} credits${pending ? `, ${pending} still without an answer (status "pending")` : ''}`,
			type: pending ? 'warning' : 'info',
			location: 'outputPane',
		});
	}

	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) out.push(...(outputs.get(itemIndex) ?? []));
	return out;
}

/** A request that failed: "unconfirmed" when OVHcloud may have looked the numbers up (and billed them). */
function lookupFailure(ctx: IExecuteFunctions, item: LookUpItem, failed: Extract<NumberLookup, { state: 'notLookedUp' }>) {
	const cause = toNodeError(ctx.getNode(), failed.error, item.itemIndex);
	const advice = failed.unconfirmed
		? 'Unconfirmed: OVHcloud’s answer was lost, so these numbers may have been looked up and billed. Check the lookups in the control panel (SMS › HLR) before running again: a new run looks them up, and bills them, again.'
		: 'Not looked up, not billed.';
	return itemError(
		ctx.getNode(),
		item.itemIndex,
		`Number lookup failed: ${cause.message.replace(/ \[item \d+\]$/, '')}`,
		`${advice}${cause.description ? ` ${cause.description}` : ''}`,
	);
}
