/**
 * Where the receivers of a campaign come from, read into what the campaign library needs: the
 * text for OVHcloud, the receivers, the rows for the estimate, and the rows left out.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import {
	CampaignInputError,
	checkPlaceholders,
	factorMessages,
	findNonGsmValues,
	nonGsmValuesError,
	placeholderNames,
	readCsvTable,
	readRecipientTable,
	transliterateValues,
	type CampaignRecipients,
	type RecipientRow,
	type RejectedRecipient,
} from '../../../../../lib/campaigns';
import { SmsApi, type OvhClient } from '../../../../../lib/ovh';
import { prepareText, type Transliteration } from '../../../../../lib/messages';
import { phoneNumberNormaliser } from '../../../../../lib/recipients';

/** Where a campaign's recipients come from (the Recipients parameter). */
export type CampaignSource = 'csv' | 'items' | 'recipientList';

export interface CampaignPlan {
	/** The text given to OVHcloud (placeholders included). */
	template: string;
	recipients: CampaignRecipients;
	/** For the estimate: the personalised rows, or how many receivers get the text as it is. */
	estimateRecipients: RecipientRow[] | number;
	rejected: IDataObject[];
}

export interface PlanOptions {
	defaultCountry: string;
	transliteration: Transliteration;
	/** The text for an empty placeholder value; undefined rejects such rows. */
	emptyValue?: string;
}

function requireGsmValues(rows: RecipientRow[], columns: string[], options: PlanOptions, lineLabel: string): void {
	const left =
		options.transliteration === 'none' ? findNonGsmValues(rows, columns) : transliterateValues(rows, columns, options.transliteration);
	if (left.length > 0) throw nonGsmValuesError(left, lineLabel);
}

function noReceiver(rejected: RejectedRecipient[], where: string): CampaignInputError {
	const reasons = rejected
		.slice(0, 3)
		.map((row) => `${where} ${row.line}: ${row.reason}`)
		.join('; ');
	return new CampaignInputError(`No receiver to send to${reasons ? ` (${reasons})` : ''}`);
}

const rejectedLines = (rejected: RejectedRecipient[]): IDataObject[] =>
	rejected.map(({ line, value, reason }) => ({ line, value, reason }));

/** One campaign for every input item: each item is a receiver, with its own message. */
export function planFromItems(this: IExecuteFunctions, options: PlanOptions): CampaignPlan {
	const normalise = phoneNumberNormaliser(options.defaultCountry);
	const accepted: Array<{ item: number; number: string; message: string }> = [];
	const rejected: RejectedRecipient[] = [];
	const firstItemOf = new Map<string, number>();
	const count = this.getInputData().length;
	for (let item = 0; item < count; item++) {
		const raw = String(this.getNodeParameter('phoneNumber', item, '') ?? '').trim();
		const message = prepareText(String(this.getNodeParameter('message', item, '') ?? ''), options.transliteration).text;
		const checked = raw === '' ? ({ valid: false, reason: 'no phone number' } as const) : normalise(raw);
		if (!checked.valid) {
			rejected.push({ line: item, value: raw, reason: checked.reason });
		} else if (firstItemOf.has(checked.number)) {
			rejected.push({ line: item, value: raw, reason: `duplicate of item ${firstItemOf.get(checked.number)}` });
		} else if (message.trim() === '') {
			rejected.push({ line: item, value: raw, reason: 'empty message' });
		} else {
			firstItemOf.set(checked.number, item);
			accepted.push({ item, number: checked.number, message });
		}
	}
	if (accepted.length === 0) throw noReceiver(rejected, 'item');
	const itemRejections = rejected.map(({ line, value, reason }) => ({ item: line, value, reason }));

	const variants = factorMessages(accepted.map((receiver) => receiver.message));
	if (!variants.column) {
		return {
			template: variants.template,
			recipients: { kind: 'numbers', numbers: accepted.map((receiver) => receiver.number) },
			estimateRecipients: accepted.length,
			rejected: itemRejections,
		};
	}
	const column = variants.column;
	const rows = accepted.map((receiver, k) => ({
		line: receiver.item,
		number: receiver.number,
		values: { [column]: variants.variants[k] },
	}));
	requireGsmValues(rows, [column], options, 'item');
	return {
		template: variants.template,
		recipients: { kind: 'rows', rows, columns: [column] },
		estimateRecipients: rows,
		rejected: itemRejections,
	};
}

/** One campaign for the CSV file of one input item. */
export async function planFromCsv(this: IExecuteFunctions, itemIndex: number, options: PlanOptions): Promise<CampaignPlan> {
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const phoneColumn = (this.getNodeParameter('csvColumn', itemIndex, 'number') as string).trim() || 'number';
	const message = prepareText(this.getNodeParameter('message', itemIndex) as string, options.transliteration).text;
	const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const table = readCsvTable(await this.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName));
	const columns = placeholderNames(message);
	checkPlaceholders(message, table.header, `the CSV file${binary.fileName ? ` "${binary.fileName}"` : ''}`);
	const { rows, rejected } = readRecipientTable(table, {
		phoneColumn,
		columns,
		normalise: phoneNumberNormaliser(options.defaultCountry),
		emptyValue: options.emptyValue,
	});
	if (rows.length === 0) throw noReceiver(rejected, 'line');
	if (columns.length === 0) {
		return {
			template: message,
			recipients: { kind: 'numbers', numbers: rows.map((row) => row.number) },
			estimateRecipients: rows.length,
			rejected: rejectedLines(rejected),
		};
	}
	requireGsmValues(rows, columns, options, 'line');
	return { template: message, recipients: { kind: 'rows', rows, columns }, estimateRecipients: rows, rejected: rejectedLines(rejected) };
}

/** One campaign to an existing recipient list: its CSV is read to check placeholders and estimate. */
export async function planFromRecipientList(
	this: IExecuteFunctions,
	client: OvhClient,
	serviceName: string,
	itemIndex: number,
	options: PlanOptions,
): Promise<CampaignPlan> {
	const slotId = Number(this.getNodeParameter('recipientListSlot', itemIndex, '', { extractValue: true }));
	const message = prepareText(this.getNodeParameter('message', itemIndex) as string, options.transliteration).text;
	const table = readCsvTable(await new SmsApi(client, serviceName).receiverCsv(slotId));
	const columns = placeholderNames(message);
	checkPlaceholders(message, table.header, `recipient list ${slotId}`);
	// OVHcloud checked the list when it was created: the rows here serve the estimate, and the
	// check of empty values, which OVHcloud would send as they are (a stored list cannot be
	// changed here, so a fallback text cannot apply: the list must be fixed).
	const { rows, rejected } = readRecipientTable(table, {
		phoneColumn: 'number',
		columns,
		normalise: phoneNumberNormaliser(options.defaultCountry),
	});
	const empty = rejected.filter((row) => row.reason.startsWith('no value for'));
	if (empty.length > 0) {
		throw new CampaignInputError(
			`Recipient list ${slotId} has rows without a value for the message's placeholders (${empty
				.slice(0, 5)
				.map((row) => `line ${row.line}: ${row.reason}`)
				.join(
					'; ',
				)}${empty.length > 5 ? `; ${empty.length - 5} more` : ''}): OVHcloud would send them with the value empty; nothing was created. Fix the list, or send from its CSV file with "Fallback for Empty Values"`,
		);
	}
	return {
		template: message,
		recipients: { kind: 'recipientList', slotId: String(slotId) },
		estimateRecipients: columns.length > 0 ? rows : rows.length,
		rejected: [],
	};
}
