import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { ContactFileError, prepareRecipientListFile, type RecipientListFile } from '../../../../lib/contacts';
import { normaliserFor } from '../common/contactInput';
import { binaryField, defaultCountryField } from '../common/fields';
import type { SmsReceiverCreate } from '../../../../lib/ovh/models';
import { deleteDocument, expireDocument, readInputText, uploadDocument } from '../common/phonebook';
import type { PerItemContext } from '../types';

const show = { resource: ['recipientList'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Slot',
		name: 'newSlotId',
		type: 'options',
		required: true,
		options: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((slot) => ({ name: String(slot), value: slot })),
		default: 1,
		description: 'OVHcloud keeps up to nine recipient lists, one per slot',
		displayOptions: { show },
	},
	{ displayName: 'Description', name: 'listDescription', type: 'string', required: true, default: '', displayOptions: { show } },
	{
		displayName: 'Source',
		name: 'listSource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Input File',
				value: 'binary',
				description: 'A CSV file of the input item, checked here and uploaded to OVHcloud as a document',
			},
			{ name: 'URL', value: 'url', description: 'A CSV file that OVHcloud downloads itself (and can re-download before each send)' },
		],
		default: 'binary',
	},
	binaryField(
		{ ...show, listSource: ['binary'] },
		'The binary field of the input item that holds the CSV file: a header line with a "number" column; other columns can be used as #column# placeholders in messages',
	),
	{
		displayName: 'Number Column',
		name: 'numberColumn',
		type: 'string',
		default: 'number',
		description: 'The header of the column with the phone numbers',
		displayOptions: { show: { ...show, listSource: ['binary'] } },
	},
	defaultCountryField({ ...show, listSource: ['binary'] }),
	{
		displayName: 'CSV URL',
		name: 'csvUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/recipients.csv',
		description: 'A ; separated file with a "number" column of international numbers',
		displayOptions: { show: { ...show, listSource: ['url'] } },
	},
	{
		displayName: 'Update Before Each Send',
		name: 'autoUpdate',
		type: 'boolean',
		default: false,
		description: 'Whether OVHcloud downloads the file again before each send to this list',
		displayOptions: { show: { ...show, listSource: ['url'] } },
	},
];

function prepare(ctx: IExecuteFunctions, itemIndex: number, text: string): RecipientListFile {
	let file: RecipientListFile | undefined;
	let problem = 'The file could not be read';
	try {
		file = prepareRecipientListFile(text, {
			normaliseNumber: normaliserFor(ctx, itemIndex),
			numberColumn: ctx.getNodeParameter('numberColumn', itemIndex, 'number') as string,
		});
	} catch (error) {
		if (!(error instanceof ContactFileError)) throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		problem = error.message;
	}
	if (!file) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex });
	if (file.records === 0) {
		throw new NodeOperationError(ctx.getNode(), 'The file has no valid phone number', {
			itemIndex,
			description: file.rejected
				.slice(0, 5)
				.map((row) => `line ${row.line}: ${row.reason}`)
				.join('; '),
		});
	}
	return file;
}

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const slotId = Number(this.getNodeParameter('newSlotId', itemIndex));
	const description = (this.getNodeParameter('listDescription', itemIndex) as string).trim();
	if (this.getNodeParameter('listSource', itemIndex) === 'url') {
		const receiver = await api.createReceiver({
			slotId,
			description,
			autoUpdate: this.getNodeParameter('autoUpdate', itemIndex, false) as boolean,
			csvUrl: (this.getNodeParameter('csvUrl', itemIndex) as string).trim(),
		});
		return [{ json: receiver }];
	}
	const { text, fileName } = await readInputText(this, itemIndex, this.getNodeParameter('binaryPropertyName', itemIndex) as string);
	const file = prepare(this, itemIndex, text);
	const document = await uploadDocument(this, api, `n8n-recipients-${fileName}`, Buffer.from(file.csv, 'utf8'), itemIndex);
	// The file expires on its own, so no failure below can leave it behind for good.
	const documentExpiresAt = await expireDocument(api, document.id, Date.now());
	const body: SmsReceiverCreate = { slotId, description, autoUpdate: false, documentId: document.id };
	const receiver = await api.createReceiver(body);
	// Assumed, not published: OVHcloud has read the file when its answer counts every number of
	// it. If it counts fewer, it may still be reading: the file stays until it expires.
	const read = receiver.records >= file.records;
	const documentDeleted = read && (await deleteDocument(api, document.id));
	return [
		{
			json: {
				...(receiver as unknown as IDataObject),
				columns: file.columns,
				rejected: file.rejected.length,
				rejectedRows: file.rejected as unknown as IDataObject[],
				documentDeleted,
				...(read
					? {}
					: {
							documentExpiresAt: documentExpiresAt ?? null,
							warning: `OVHcloud counted ${receiver.records} of the ${file.records} numbers sent when it created the list: it may still be reading the file, kept until ${documentExpiresAt ?? 'you delete it'}. Check the list with Get before sending to it.`,
						}),
			},
		},
	];
}
