import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { prepareMessage, senderTypeOfName, type MessageSenderType, type Transliteration } from '../../../../lib/messages';
import { analysisJson, DEFAULT_MAX_PARTS } from './common/messageAnalysis';
import {
	messageProperty,
	nonCommercialOption,
	senderProperty,
	senderTypeProperty,
	transliterationOption,
	type SenderTypeChoice,
} from '../common/messageFields';
import { messageCostNotices } from '../common/messageCost';
import { itemError } from '../common/itemError';
import { OptionValues } from '../common/optionValues';
import type { PerItemContext } from '../types';

const show = { resource: ['sms'], operation: ['estimate'] };

const SENDER_TYPE_OF_CHOICE: Record<SenderTypeChoice, (senderName: string) => MessageSenderType> = {
	sender: senderTypeOfName,
	shortNumber: () => 'shortcode',
	virtualNumber: () => 'virtual',
};

export const description: INodeProperties[] = [
	senderTypeProperty({ show }, ['sender', 'shortNumber', 'virtualNumber']),
	senderProperty(
		{ show: { ...show, senderType: ['sender'] } },
		{
			required: false,
			description:
				'The sender the text would go from: a phone number gets no STOP mention, a sender name does. Empty: counted as a sender name.',
		},
	),
	messageProperty({ show }),
	...messageCostNotices(show),
	{
		displayName: 'Number of Recipients',
		name: 'recipientCount',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1,
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Maximum Parts',
				name: 'maxParts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 255 },
				default: DEFAULT_MAX_PARTS,
				description: 'The limit the Send operation would apply; the output says whether the message stays within it',
			},
			nonCommercialOption,
			transliterationOption,
		],
	},
];

/** The account's credits, read once per run however many items are estimated (a failed read is forgotten with the item). */
async function creditsLeftOf({ api, memo }: PerItemContext): Promise<number> {
	return await memo.once(`creditsLeft:${api.serviceName}`, async () => Number((await api.getAccount()).creditsLeft ?? 0));
}

/** What a send would cost, without sending: the counter of the control panel and the credit check. */
export async function execute(this: IExecuteFunctions, context: PerItemContext): Promise<IDataObject> {
	const { serviceName, itemIndex } = context;
	const fields = new OptionValues(
		this.getNode(),
		itemIndex,
		{
			senderType: this.getNodeParameter('senderType', itemIndex, 'sender'),
			recipientCount: this.getNodeParameter('recipientCount', itemIndex, 1),
		},
		'nothing was estimated',
	);
	const senderType = (fields.choice('senderType', 'Send From', Object.keys(SENDER_TYPE_OF_CHOICE)) ?? 'sender') as SenderTypeChoice;
	const message = String(this.getNodeParameter('message', itemIndex, '') ?? '');
	if (message === '') throw itemError(this.getNode(), itemIndex, '"Message" is empty');
	const recipientCount = fields.wholeNumber('recipientCount', 'Number of Recipients', { min: 0, max: 100_000_000 }) ?? 1;
	const values = new OptionValues(
		this.getNode(),
		itemIndex,
		this.getNodeParameter('options', itemIndex, {}) as IDataObject,
		'nothing was estimated',
	);
	const options = {
		maxParts: values.wholeNumber('maxParts', 'Maximum Parts', { min: 1, max: 255 }),
		noStopClause: values.flag('noStopClause', 'Non-Commercial (No STOP Mention)'),
		transliteration: values.choice('transliteration', 'Transliteration', ['none', 'safe', 'lossy']) as Transliteration | undefined,
	};
	// Estimated without asking the API about the sender: a name that is a phone number is one.
	const senderName =
		senderType === 'sender' ? String(this.getNodeParameter('sender', itemIndex, '', { extractValue: true }) ?? '').trim() : '';
	const prepared = prepareMessage(message, {
		transliteration: options.transliteration,
		senderType: SENDER_TYPE_OF_CHOICE[senderType](senderName),
		nonCommercial: options.noStopClause,
	});
	const { analysis, stopClause } = prepared;
	const maxParts = options.maxParts ?? DEFAULT_MAX_PARTS;
	const creditsLeft = await creditsLeftOf(context);
	const creditsNeeded = analysis.parts * recipientCount;
	return {
		serviceName,
		message: analysisJson(prepared.text, analysis, { stopClause, transliterations: prepared.changes }),
		withinMaxParts: analysis.parts <= maxParts,
		maxParts,
		recipients: recipientCount,
		creditsNeeded,
		creditsLeft,
		creditsAfter: Math.round((creditsLeft - creditsNeeded) * 100) / 100,
		fits: creditsNeeded <= creditsLeft,
		note: 'At 1 credit per SMS part, the price of a part to France; other destinations cost more.',
	};
}
