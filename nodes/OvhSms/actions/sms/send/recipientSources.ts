import type { IExecuteFunctions } from 'n8n-workflow';
import type { RunMemo } from '../../../../../lib/memo';
import { SmsApi, type OvhClient } from '../../../../../lib/ovh';
import {
	readRecipientCsv,
	RecipientList,
	splitNumberList,
	type ByteChunks,
	type InvalidRecipient,
	type RecipientCsv,
	type RecipientCsvOptions,
} from '../../../../../lib/recipients';
import { itemError } from '../../common/itemError';
import type { ItemParameters } from '../../common/itemParameters';
import type { RecipientSource } from './types';

/** The Recipients parameter of Send. */
type RecipientSourceKind = RecipientSource['kind'];

interface PhonebookContact {
	id: number;
	group?: string | null;
	name?: string | null;
	surname?: string | null;
	homeMobile?: string | null;
	homePhone?: string | null;
	workMobile?: string | null;
	workPhone?: string | null;
}

const NUMBER_FIELD_WORDS: Record<string, string> = {
	mobile: 'mobile number',
	homeMobile: 'home mobile number',
	workMobile: 'work mobile number',
	homePhone: 'home phone number',
	workPhone: 'work phone number',
};

function describeInvalid(invalid: InvalidRecipient[]): string {
	const shown = invalid
		.slice(0, 3)
		.map(
			(entry) => `${entry.line === undefined ? '' : `line ${entry.line}: `}${entry.receiver ? `"${entry.receiver}" ` : ''}${entry.reason}`,
		);
	return shown.join('; ') + (invalid.length > 3 ? `; and ${invalid.length - 3} more` : '');
}

/**
 * Reads the receivers of each item from the source it chose. Recipient lists and address
 * books are read once per run (the run's memo), however many items use them.
 */
export class RecipientReader {
	private readonly readers: Record<RecipientSourceKind, (itemIndex: number, serviceName: string) => Promise<RecipientSource>> = {
		numbers: async (itemIndex) => this.readNumbers(itemIndex),
		csv: async (itemIndex) => await this.readCsv(itemIndex),
		addressBook: async (itemIndex, serviceName) => await this.readAddressBook(itemIndex, serviceName),
		recipientList: async (itemIndex, serviceName) => await this.readRecipientList(itemIndex, serviceName),
	};

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly parameters: ItemParameters,
		private readonly client: OvhClient,
		private readonly memo: RunMemo,
	) {}

	async read(itemIndex: number, serviceName: string): Promise<RecipientSource> {
		const source = this.parameters.get<string>('recipientSource', itemIndex, 'numbers');
		const reader = Object.keys(this.readers).includes(source) ? this.readers[source as RecipientSourceKind] : undefined;
		if (!reader) {
			throw itemError(this.ctx.getNode(), itemIndex, `"Recipients" is "${source}": use one of ${Object.keys(this.readers).join(', ')}`);
		}
		return await reader(itemIndex, serviceName);
	}

	private defaultCountry(itemIndex: number): string {
		return String(this.parameters.get('defaultCountry', itemIndex, '') ?? '');
	}

	private readNumbers(itemIndex: number): RecipientSource {
		const raw = this.parameters.get<unknown>('receivers', itemIndex, '');
		const entries = splitNumberList(raw);
		const node = this.ctx.getNode();
		if (entries.length === 0) throw itemError(node, itemIndex, 'No phone number in "Phone Numbers"');
		const list = new RecipientList({ defaultCountry: this.defaultCountry(itemIndex) }).addAll(entries);
		if (list.size === 0) {
			throw itemError(node, itemIndex, `No valid phone number in "Phone Numbers": ${describeInvalid(list.invalid)}`);
		}
		return { kind: 'numbers', numbers: list.numbers, invalid: list.invalid, duplicates: list.duplicates };
	}

	private async readCsv(itemIndex: number): Promise<RecipientSource> {
		const node = this.ctx.getNode();
		const field = String(this.parameters.get('binaryPropertyName', itemIndex, 'data')).trim();
		const binary = this.ctx.getInputData()[itemIndex]?.binary?.[field];
		if (!binary) {
			const present = Object.keys(this.ctx.getInputData()[itemIndex]?.binary ?? {});
			throw itemError(
				node,
				itemIndex,
				`No binary field "${field}" on the input item: set "Input Binary Field" to the field holding the CSV file`,
				present.length ? `The item has these binary fields: ${present.join(', ')}` : 'The item has no binary data.',
			);
		}
		const fileName = binary.fileName ? `"${binary.fileName}"` : `in "${field}"`;
		const read = await readCsvOrProblem(this.fileChunks(itemIndex, field, binary.id), {
			column: String(this.parameters.get('csvColumn', itemIndex, '') ?? ''),
			header: this.parameters.get('csvHeader', itemIndex, 'auto') as 'auto' | 'yes' | 'no',
			defaultCountry: this.defaultCountry(itemIndex),
		});
		if (typeof read === 'string') throw itemError(node, itemIndex, `CSV file ${fileName}: ${read}`);
		const { recipients } = read;
		if (recipients.size === 0) {
			throw itemError(
				node,
				itemIndex,
				`No valid phone number in CSV file ${fileName} (${read.rows} rows): ${describeInvalid(recipients.invalid)}`,
			);
		}
		return {
			kind: 'csv',
			numbers: recipients.numbers,
			invalid: recipients.invalid,
			duplicates: recipients.duplicates,
			file: {
				rows: read.rows,
				delimiter: read.delimiter === '\t' ? 'tab' : read.delimiter,
				column: read.column.name ?? String(read.column.index + 1),
			},
		};
	}

	/**
	 * The file's bytes as a stream: from n8n's binary data store (filesystem, S3, database) in
	 * 64 KB chunks, so a 1-million-row file is never held whole; an item holding its data
	 * in memory (no id: base64 in the item) is decoded 64 KB at a time, never as one buffer.
	 */
	private fileChunks(itemIndex: number, field: string, binaryId: string | undefined): () => ByteChunks {
		if (binaryId) {
			const helpers = this.ctx.helpers;
			return () => streamChunks(async () => await helpers.getBinaryStream(binaryId, FILE_CHUNK_BYTES));
		}
		const base64 = this.ctx.getInputData()[itemIndex]?.binary?.[field]?.data;
		if (typeof base64 === 'string' && PLAIN_BASE64.test(base64)) return () => base64Chunks(base64, FILE_CHUNK_BYTES);
		let bytes: Promise<Uint8Array> | undefined;
		return () =>
			streamChunks(async () => {
				bytes ??= this.ctx.helpers.getBinaryDataBuffer(itemIndex, field);
				return slices(await bytes, FILE_CHUNK_BYTES);
			});
	}

	private async readRecipientList(itemIndex: number, serviceName: string): Promise<RecipientSource> {
		const slotId = String(this.parameters.get('recipientListSlot', itemIndex, '', { extractValue: true }) ?? '').trim();
		if (!slotId) throw itemError(this.ctx.getNode(), itemIndex, 'No recipient list chosen in "Recipient List"');
		const count = await this.memo.once(`recipientList:${serviceName}:${slotId}`, async () => {
			const slot = await new SmsApi(this.client, serviceName).findReceiver(slotId);
			return slot ? Number(slot.records ?? 0) : undefined;
		});
		if (count === undefined) {
			throw itemError(this.ctx.getNode(), itemIndex, `Recipient list ${slotId} does not exist on ${serviceName}`);
		}
		return { kind: 'recipientList', slotId, records: count };
	}

	private async readAddressBook(itemIndex: number, serviceName: string): Promise<RecipientSource> {
		const node = this.ctx.getNode();
		const bookKey = String(this.parameters.get('phonebook', itemIndex, '') ?? '').trim();
		if (!bookKey) throw itemError(node, itemIndex, 'No address book chosen in "Address Book"');
		const numberField = String(this.parameters.get('phonebookNumberField', itemIndex, 'mobile'));
		const group = String(this.parameters.get('phonebookGroup', itemIndex, '') ?? '').trim();
		const contacts = await this.phonebookContacts(serviceName, bookKey);
		if (!contacts) throw itemError(node, itemIndex, `Address book ${bookKey} does not exist on ${serviceName}`);
		const chosen = group ? contacts.filter((contact) => (contact.group ?? '') === group) : contacts;
		if (chosen.length === 0) {
			throw itemError(node, itemIndex, `No contact in address book ${bookKey}${group ? ` in group "${group}"` : ''}`);
		}
		const list = new RecipientList();
		for (const contact of chosen) {
			const number = numberField === 'mobile' ? contact.homeMobile || contact.workMobile : contact[numberField as keyof PhonebookContact];
			const who = [contact.name, contact.surname].filter(Boolean).join(' ') || `contact ${contact.id}`;
			if (!number) list.reject(who, `no ${NUMBER_FIELD_WORDS[numberField] ?? numberField}`);
			else if (list.add(number) === 'invalid') list.invalid[list.invalid.length - 1].receiver = `${who} (${number})`;
		}
		if (list.size === 0) {
			throw itemError(
				node,
				itemIndex,
				`No contact of address book ${bookKey} has a usable ${NUMBER_FIELD_WORDS[numberField] ?? numberField}`,
			);
		}
		return { kind: 'addressBook', numbers: list.numbers, invalid: list.invalid, duplicates: list.duplicates };
	}

	private async phonebookContacts(serviceName: string, bookKey: string): Promise<PhonebookContact[] | undefined> {
		return await this.memo.once(`addressBook:${serviceName}:${bookKey}`, async () => {
			const api = new SmsApi(this.client, serviceName);
			const ids = await api.findContactIds(bookKey);
			if (!ids) return undefined;
			const read = await api.readContacts(bookKey, ids);
			return read.flatMap((entry) => (entry.value ? [entry.value] : []));
		});
	}
}

const FILE_CHUNK_BYTES = 65_536;

/** Base64 without line breaks or spaces: cut anywhere at a multiple of 4 characters, it decodes piece by piece. */
const PLAIN_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of plain base64 text, decoded in chunks of at most `size` bytes. */
export function* base64Chunks(base64: string, size: number): Generator<Uint8Array> {
	const step = Math.max(1, Math.floor(size / 3)) * 4;
	for (let start = 0; start < base64.length; start += step) yield Buffer.from(base64.slice(start, start + step), 'base64');
}

/** A buffer as chunks of `size` bytes, without copying. */
function* slices(bytes: Uint8Array, size: number): Generator<Uint8Array> {
	for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

/** Chunks from a source opened on first read. */
async function* streamChunks(open: () => Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>): AsyncGenerator<Uint8Array> {
	for await (const chunk of await open()) yield chunk;
}

/** Any failure of the CSV reader is a problem of the file, said in words. */
async function readCsvOrProblem(open: () => ByteChunks, options: RecipientCsvOptions): Promise<RecipientCsv | string> {
	try {
		return await readRecipientCsv(open, options);
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}
