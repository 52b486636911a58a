import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { analyzeMessage, toGsm } from '../../../../lib/encoding';
import { buildPath, type OvhClient } from '../../../../lib/ovh';
import { analysisJson } from '../common/messageAnalysis';
import { itemError } from '../common/itemError';
import { OptionValues } from '../common/optionValues';
import { DEFAULT_MAX_PARTS } from './send/fields';
import type { ItemContext } from '../types';

const show = { resource: ['sms'], operation: ['estimate'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Sender Kind',
		name: 'senderKind',
		type: 'options',
		default: 'alpha',
		description: 'Decides whether OVHcloud adds its STOP opt-out mention, which counts in the length',
		options: [
			{ name: 'Alphanumeric Sender', value: 'alpha', description: 'Such as MyCompany: STOP mention added unless not commercial' },
			{ name: 'Phone Number Sender', value: 'numeric', description: 'No STOP mention' },
			{ name: 'Short Number for Replies', value: 'shortcode', description: 'STOP mention added unless not commercial' },
			{ name: 'Virtual Number', value: 'virtual', description: 'No STOP mention' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		displayOptions: { show },
	},
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
			{
				displayName: 'Not Commercial',
				name: 'noStopClause',
				type: 'boolean',
				default: false,
				description: 'Whether the message is certified not commercial, so OVHcloud adds no STOP mention',
			},
			{
				displayName: 'Transliteration',
				name: 'transliteration',
				type: 'options',
				default: 'none',
				options: [
					{ name: 'None', value: 'none' },
					{ name: 'Safe', value: 'safe' },
					{ name: 'Lossy', value: 'lossy' },
				],
				description: 'Estimate the text as the Send operation would send it with this transliteration',
			},
		],
	},
];

// Per run (a client lives for one execution): many items estimated against one account read it once.
const creditsByClient = new WeakMap<OvhClient, Map<string, Promise<number>>>();

function creditsLeftOf(client: OvhClient, serviceName: string): Promise<number> {
	let byService = creditsByClient.get(client);
	if (!byService) creditsByClient.set(client, (byService = new Map()));
	let credits = byService.get(serviceName);
	if (!credits) {
		credits = client.get<{ creditsLeft?: number }>(buildPath(['sms', serviceName])).then((a) => Number(a.creditsLeft ?? 0));
		credits.catch(() => byService.delete(serviceName));
		byService.set(serviceName, credits);
	}
	return credits;
}

/** What a send would cost, without sending: the counter of the control panel and the credit check. */
export async function execute(this: IExecuteFunctions, { client, serviceName, itemIndex }: ItemContext): Promise<IDataObject> {
	const fields = new OptionValues(
		this.getNode(),
		itemIndex,
		{ senderKind: this.getNodeParameter('senderKind', itemIndex, 'alpha'), recipientCount: this.getNodeParameter('recipientCount', itemIndex, 1) },
		'nothing was estimated',
	);
	const senderKind = fields.choice('senderKind', 'Sender Kind', ['alpha', 'numeric', 'shortcode', 'virtual']) ?? 'alpha';
	const message = String(this.getNodeParameter('message', itemIndex, '') ?? '');
	if (message === '') throw itemError(this.getNode(), itemIndex, '"Message" is empty');
	const recipientCount = fields.wholeNumber('recipientCount', 'Number of Recipients', { min: 0, max: 100_000_000 }) ?? 1;
	const values = new OptionValues(this.getNode(), itemIndex, this.getNodeParameter('options', itemIndex, {}) as IDataObject, 'nothing was estimated');
	const options = {
		maxParts: values.wholeNumber('maxParts', 'Maximum Parts', { min: 1, max: 255 }),
		noStopClause: values.flag('noStopClause', 'Not Commercial'),
		transliteration: values.choice('transliteration', 'Transliteration', ['none', 'safe', 'lossy']),
	};
	const converted =
		options.transliteration === 'safe' || options.transliteration === 'lossy'
			? toGsm(message, options.transliteration)
			: { text: message, changes: [] };
	const stopClause = !options.noStopClause && (senderKind === 'alpha' || senderKind === 'shortcode');
	const analysis = analyzeMessage(converted.text, { stopClause });
	const maxParts = options.maxParts ?? DEFAULT_MAX_PARTS;
	const creditsLeft = await creditsLeftOf(client, serviceName);
	const creditsNeeded = analysis.parts * recipientCount;
	return {
		serviceName,
		message: analysisJson(converted.text, analysis, { stopClause, transliterations: converted.changes }),
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
