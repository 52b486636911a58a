import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { writeContactsCsv } from '../../../../lib/contacts';
import { addressBookLocator } from '../common/fields';
import { readContacts } from '../common/phonebook';
import type { PerItemContext } from '../types';

const show = { resource: ['addressBook'], operation: ['export'] };

export const description: INodeProperties[] = [
	addressBookLocator(show),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description:
			"The binary field of the output item that receives the CSV file. Values a spreadsheet would run as a formula (starting with = + - @) get a leading ' so they open as text.",
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const book = await api.getPhonebook(bookKey);
	const contacts = await readContacts(api, bookKey);
	const fileName = `${book.name.replace(/[^\w.-]+/g, '_') || bookKey}.csv`;
	const file = await this.helpers.prepareBinaryData(
		Buffer.from(writeContactsCsv(contacts, { forSpreadsheets: true }), 'utf8'),
		fileName,
		'text/csv',
	);
	return [{ json: { bookKey, name: book.name, contacts: contacts.length, fileName }, binary: { [binaryPropertyName]: file } }];
}
