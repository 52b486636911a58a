import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { senderLocator } from '../common/fields';
import type { PerItemContext } from '../types';
import { putToUploadUrl } from '../../../shared/upload';

/** What the control panel accepts as a supporting document. */
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const ACCEPTED_TYPES: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

const show = { resource: ['supportingDocument'], operation: ['upload'] };

export const description: INodeProperties[] = [
	senderLocator(show),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description: 'The binary field of the input item that holds the document (PDF, JPEG or PNG, 10 MB at most)',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'documentOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Document Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Name shown to the moderators; the file name when empty',
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		],
	},
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const sender = this.getNodeParameter('sender', itemIndex, '', { extractValue: true }) as string;
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const options = this.getNodeParameter('documentOptions', itemIndex, {}) as { name?: string; description?: string };
	const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
	const fileName = binary.fileName ?? 'document';
	const extension = (binary.fileExtension ?? fileName.split('.').pop() ?? '').toLowerCase();
	const mimeType = ACCEPTED_TYPES[extension] ?? (Object.values(ACCEPTED_TYPES).includes(binary.mimeType) ? binary.mimeType : undefined);
	if (!mimeType) {
		throw new NodeOperationError(this.getNode(), `"${fileName}" is not a PDF, JPEG or PNG file`, {
			itemIndex,
			description: 'OVHcloud accepts supporting documents as PDF, JPEG or PNG. Nothing was sent.',
		});
	}
	if (bytes.length > MAX_DOCUMENT_BYTES) {
		throw new NodeOperationError(this.getNode(), `"${fileName}" is ${(bytes.length / 1048576).toFixed(1)} MB: the limit is 10 MB`, {
			itemIndex,
		});
	}
	const document = await api.createSenderDocument(sender, {
		name: options.name?.trim() || fileName,
		...(options.description ? { description: options.description } : {}),
	});
	if (!document.putUrl) {
		throw new NodeOperationError(this.getNode(), 'OVHcloud created the document but gave no upload URL', { itemIndex });
	}
	await putToUploadUrl(this, document.putUrl, bytes, mimeType);
	const shown: IDataObject = { ...document };
	delete shown.putUrl;
	return [{ json: { sender, ...shown, size: bytes.length, uploaded: true } }];
}
