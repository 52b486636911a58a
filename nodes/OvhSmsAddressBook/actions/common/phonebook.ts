/**
 * What several Address Book operations share on top of lib/ovh's SmsApi: a book's contacts read in
 * batches and indexed once per run, files uploaded for OVHcloud to read, and the input file as text.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import { ContactIndex, type PhonebookContact } from '../../../../lib/contacts';
import type { RunMemo } from '../../../../lib/memo';
import type { SmsApi } from '../../../../lib/ovh';
import { decodeText, whyNotText, type PhoneNumberNormaliser } from '../../../../lib/recipients';
import { putToUploadUrl } from '../../../shared/upload';

/** Every contact of a book: one list call, then batch reads of 50 (no call per contact). */
export async function readContacts(api: SmsApi, bookKey: string, limit = Infinity): Promise<PhonebookContact[]> {
	const ids = await api.listContacts(bookKey);
	const wanted = Number.isFinite(limit) ? ids.slice(0, limit) : ids;
	const read = await api.readContacts(bookKey, wanted);
	return read.flatMap(({ value }) => (value ? [value as PhonebookContact] : []));
}

/** The book's contacts indexed by number, read once per execution and kept up to date by writers. */
export async function contactIndexOf(
	memo: RunMemo,
	api: SmsApi,
	bookKey: string,
	normaliseNumber: PhoneNumberNormaliser,
): Promise<ContactIndex> {
	return await memo.once(
		`contacts:${api.serviceName}:${bookKey}`,
		async () => new ContactIndex(await readContacts(api, bookKey), normaliseNumber),
	);
}

export interface UploadedDocument {
	id: string;
	putUrl: string;
}

/** A `/me/document` holding the bytes: created through the API, filled by a plain PUT to its URL. */
export async function uploadDocument(
	ctx: IExecuteFunctions,
	api: SmsApi,
	name: string,
	bytes: Buffer,
	itemIndex: number,
): Promise<UploadedDocument> {
	const document = await api.createDocument(name);
	if (!document?.id || !document.putUrl) {
		throw new NodeOperationError(ctx.getNode(), 'OVHcloud created the document but gave no upload URL', { itemIndex });
	}
	await putToUploadUrl(ctx, document.putUrl, bytes, 'text/csv');
	return { id: document.id, putUrl: document.putUrl };
}

/** How long an uploaded file may outlive a run that could not delete it (OVHcloud then removes it). */
export const DOCUMENT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Gives an uploaded file an expiry date (`PUT /me/document/{id} {expirationDate}`), so that it
 * disappears even if this run never gets to delete it; the date, or undefined when OVHcloud
 * refused (the file then stays until deleted).
 */
export async function expireDocument(api: SmsApi, id: string, nowMs: number): Promise<string | undefined> {
	const expirationDate = new Date(nowMs + DOCUMENT_LIFETIME_MS).toISOString();
	try {
		await api.expireDocument(id, expirationDate);
		return expirationDate;
	} catch {
		return undefined;
	}
}

/** Removes an uploaded file once OVHcloud has read it; a failure only leaves a file behind. */
export async function deleteDocument(api: SmsApi, id: string): Promise<boolean> {
	try {
		await api.deleteDocument(id);
		return true;
	} catch {
		return false;
	}
}

export interface ContactCountOutcome {
	/** Contacts in the book at the last read. */
	count: number;
	/** Whether the count reached what was expected within the time limit. */
	reached: boolean;
}

/**
 * Reads the book's contact list (one call, ids only) until it holds `expected` contacts, within
 * a time limit. This is how an import is known to be finished: the `telephony.Task` that
 * `POST .../import` answers has no published route to be read again (`GET /sms/{sn}/task/{id}`
 * is `sms.Task`, receiver cleaning only), while the contact list is the import's result itself.
 */
export async function waitForContactCount(
	api: SmsApi,
	bookKey: string,
	expected: number,
	timing: { timeLimitMs: number; pollIntervalMs: number },
): Promise<ContactCountOutcome> {
	const deadline = Date.now() + timing.timeLimitMs;
	for (;;) {
		const count = (await api.listContacts(bookKey)).length;
		if (count >= expected) return { count, reached: true };
		const left = deadline - Date.now();
		if (left <= 0) return { count, reached: false };
		await sleep(Math.min(Math.max(1, timing.pollIntervalMs), left));
	}
}

/** The text of an input binary file, in whatever encoding a spreadsheet saved it. */
export async function readInputText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	binaryPropertyName: string,
): Promise<{ text: string; fileName: string }> {
	const binary = ctx.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
	const text = decodeText(bytes);
	const fileName = binary.fileName ?? 'file.csv';
	const notText = whyNotText(text);
	if (notText) {
		throw new NodeOperationError(ctx.getNode(), `"${fileName}" is not a text file (${notText}): is it really a CSV file?`, { itemIndex });
	}
	return { text, fileName };
}
