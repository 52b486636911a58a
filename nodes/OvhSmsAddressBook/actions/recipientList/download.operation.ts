import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { recipientListProperty } from '../../../shared/descriptions';
import type { PerItemContext } from '../types';

const show = { resource: ['recipientList'], operation: ['download'] };

export const description: INodeProperties[] = [
	recipientListProperty({ show }),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description: 'The binary field of the output item that receives the CSV file',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const slotId = this.getNodeParameter('recipientListSlot', itemIndex, '', { extractValue: true }) as string;
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const text = await api.receiverCsv(slotId);
	const fileName = `recipient-list-${slotId}.csv`;
	const file = await this.helpers.prepareBinaryData(Buffer.from(text, 'utf8'), fileName, 'text/csv');
	const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
	return [{ json: { slotId: Number(slotId), fileName, records: Math.max(0, lines - 1) }, binary: { [binaryPropertyName]: file } }];
}
