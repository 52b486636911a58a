import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { recipientListProperty } from '../../../shared/descriptions';
import type { PerItemContext } from '../types';

const show = { resource: ['recipientList'], operation: ['clean'] };

export const description: INodeProperties[] = [
	recipientListProperty({ show }),
	{
		displayName: 'Check',
		name: 'cleaningType',
		type: 'options',
		displayOptions: { show },
		options: [
			{
				name: 'Live Lookup (Paid)',
				value: 'hlr',
				description: 'Asks the operators whether each number is live (HLR lookup) and removes dead ones; costs credits per number',
			},
			{ name: 'Syntax Only (Free)', value: 'syntax', description: 'Removes numbers that are not well-formed' },
		],
		default: 'hlr',
	},
	{
		displayName: 'Spend Credits',
		name: 'spendCredits',
		type: 'boolean',
		default: false,
		description:
			'Whether to run the cleaning. When off, OVHcloud only quotes its price and nothing is spent: check the quote, then run again with this on.',
		displayOptions: { show },
	},
	{
		displayName: 'Maximum Credits',
		name: 'maxCredits',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Refuse to clean when the quote is above this; 0 means no limit',
		displayOptions: { show: { ...show, spendCredits: [true] } },
	},
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const slotId = this.getNodeParameter('recipientListSlot', itemIndex, '', { extractValue: true }) as string;
	const freemium = this.getNodeParameter('cleaningType', itemIndex) === 'syntax';
	const spend = this.getNodeParameter('spendCredits', itemIndex, false) as boolean;
	// Always quote first: the price is known before any credit is spent.
	const quote = await api.cleanReceiver(slotId, { freemium, priceOnly: true });
	const price = quote.totalCreditsRemoved;
	if (!spend) {
		return [
			{
				json: {
					slotId: Number(slotId),
					quotedCredits: price,
					spent: false,
					summary: `Cleaning would cost ${price} credits; nothing was spent`,
				},
			},
		];
	}
	const maxCredits = this.getNodeParameter('maxCredits', itemIndex, 0) as number;
	if (maxCredits > 0 && price > maxCredits) {
		throw new NodeOperationError(this.getNode(), `Cleaning would cost ${price} credits, above the maximum of ${maxCredits}`, {
			itemIndex,
			description: 'Nothing was spent.',
		});
	}
	const cleaning = await api.cleanReceiver(slotId, { freemium, priceOnly: false });
	return [
		{
			json: {
				slotId: Number(slotId),
				quotedCredits: price,
				spent: true,
				creditsRemoved: cleaning.totalCreditsRemoved,
				taskId: cleaning.taskId,
				summary: `Cleaning started for ${cleaning.totalCreditsRemoved} credits (task ${cleaning.taskId}); OVHcloud e-mails its report`,
			},
		},
	];
}
