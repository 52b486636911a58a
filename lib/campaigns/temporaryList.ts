/**
 * OVHcloud's campaigns read personalised receivers only from a recipient list (a "slot", 1 to
 * 9). A campaign built from a CSV file or from input items therefore goes through a list of its
 * own: the file is uploaded as a document, a free slot is filled from it, and both are removed
 * once the campaign has copied its receivers.
 */
import { OvhApiError, SmsApi, type OvhClient, type UploadedDocument } from '../ovh';
import { CampaignInputError } from './errors';
import { settle } from './settle';

export const SLOT_IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export interface TemporaryListUpload {
	/** PUTs the file to OVHcloud's upload URL: plain HTTP, never signed (the URL is pre-signed storage). */
	putFile: (url: string, content: string) => Promise<void>;
	documentName: string;
	slotDescription: string;
}

export interface TemporaryList {
	slotId: number;
	documentId: string;
}

async function freeSlots(client: OvhClient, serviceName: string): Promise<number[]> {
	const used = new Set((await new SmsApi(client, serviceName).listReceivers()).map(Number));
	// From 9 down: users fill their own lists from 1 up.
	return SLOT_IDS.filter((slot) => !used.has(slot)).reverse();
}

/** `expiresAt`: OVHcloud deletes the uploaded file on its own then, in case removing it fails. */
export async function createTemporaryList(
	client: OvhClient,
	serviceName: string,
	csv: string,
	upload: TemporaryListUpload,
	expiresAt: Date,
): Promise<TemporaryList> {
	const slots = await freeSlots(client, serviceName);
	if (slots.length === 0) {
		throw new CampaignInputError(
			'All 9 recipient lists of the SMS account are in use, and this campaign needs one for its personalised receivers: delete a list, or send to an existing one',
		);
	}
	const api = new SmsApi(client, serviceName);
	const document = await api.createDocument(upload.documentName);
	const filled = await settle(fillSlot(client, serviceName, { csv, upload, document, expiresAt }, slots));
	if ('error' in filled) {
		await settle(api.deleteDocument(document.id));
		throw filled.error;
	}
	return { slotId: filled.value, documentId: document.id };
}

interface ListFile {
	csv: string;
	upload: TemporaryListUpload;
	document: UploadedDocument;
	expiresAt: Date;
}

async function fillSlot(client: OvhClient, serviceName: string, file: ListFile, slots: number[]): Promise<number> {
	const { csv, upload, document } = file;
	if (!document.putUrl) throw new Error('OVHcloud created the document but gave no upload URL');
	await upload.putFile(document.putUrl, csv);
	const api = new SmsApi(client, serviceName);
	await api.expireDocument(document.id, file.expiresAt.toISOString());
	let candidates = slots;
	for (;;) {
		const slotId = candidates[0];
		const created = await settle(
			api.createReceiver({
				slotId,
				description: upload.slotDescription,
				autoUpdate: false,
				documentId: document.id,
			}),
		);
		if (!('error' in created)) return slotId;
		// Another execution took that slot in the meantime: try the next free one.
		const taken = created.error instanceof OvhApiError && created.error.httpStatus === 409;
		candidates = taken ? (await freeSlots(client, serviceName)).filter((slot) => slot !== slotId) : [];
		if (candidates.length === 0) throw created.error;
	}
}

export interface TemporaryListRemoval {
	removed: boolean;
	/** Why it is still there (the campaign may still need it, or removing failed). */
	reason?: string;
}

export async function removeTemporaryList(client: OvhClient, serviceName: string, list: TemporaryList): Promise<TemporaryListRemoval> {
	const removed = await settle(
		(async () => {
			const api = new SmsApi(client, serviceName);
			await api.deleteReceiver(list.slotId);
			await api.deleteDocument(list.documentId);
		})(),
	);
	if ('error' in removed) {
		return { removed: false, reason: removed.error instanceof Error ? removed.error.message : String(removed.error) };
	}
	return { removed: true };
}
