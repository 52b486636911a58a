/**
 * OVHcloud's SMS routes, one method a route, typed with the models of `./models`: the one place
 * that knows the paths (`/sms/{serviceName}/…`, and the `/me/document` files lists and imports
 * are uploaded through). Leaves out: the request plumbing, retries and errors (`./client`), and
 * every business rule (what to send, when to wait, what a failure means: `lib/*` and the nodes).
 */
import type { BatchItem, OvhClient } from './client';
import type {
	SmsAccount,
	SmsAccountUpdate,
	SmsBatch,
	SmsBatchParams,
	SmsBatchStatistics,
	SmsBlacklist,
	SmsHlrBody,
	SmsHlrLookup,
	SmsHlrOperator,
	SmsContactCreate,
	SmsContactUpdate,
	SmsIncoming,
	SmsIncomingQuery,
	SmsJob,
	SmsJobsBody,
	SmsOutgoing,
	SmsOutgoingQuery,
	SmsPhonebook,
	SmsPhonebookContact,
	SmsPhonebookCreate,
	SmsPhonebookImport,
	SmsReceiver,
	SmsReceiverClean,
	SmsReceiverCreate,
	SmsReceiversCleanReport,
	SmsSender,
	SmsSenderAvailable,
	SmsSenderCreate,
	SmsSenderDocument,
	SmsSenderUpdate,
	SmsSendingReport,
	SmsVirtualNumber,
	SmsVirtualNumberJob,
	SmsVirtualNumberJobsBody,
	TelephonyTask,
	Wire,
} from './models';
import { buildPath } from './serialization';
import type { Query } from './types';

/** The SMS collections read by id, on the account or under one of its virtual numbers. */
export interface SmsCollections {
	incoming: SmsIncoming;
	outgoing: SmsOutgoing;
	jobs: SmsJob | SmsVirtualNumberJob;
}
export type SmsCollection = keyof SmsCollections;

/** A `/me/document`: created through the API, its bytes sent by a plain PUT to `putUrl`. */
export interface UploadedDocument {
	id: string;
	putUrl?: string | null;
}

type Id = string | number;

export class SmsApi {
	constructor(
		readonly client: OvhClient,
		readonly serviceName: string,
	) {}

	/** The SMS accounts (service names) the credential can use: `GET /sms`. */
	static async listServices(client: OvhClient): Promise<string[]> {
		return (await client.get<string[]>(buildPath(['sms']))) ?? [];
	}

	/** `/sms/{serviceName}/…rest`. */
	path(...rest: Id[]): string {
		return buildPath(['sms', this.serviceName, ...rest.map(String)]);
	}

	// ---- the account ---------------------------------------------------------------------

	async getAccount(): Promise<Wire<SmsAccount>> {
		return await this.client.get<Wire<SmsAccount>>(this.path());
	}

	/** A field sent as null is cleared (how a callback URL is removed). */
	async updateAccount(body: Wire<SmsAccountUpdate>): Promise<void> {
		await this.client.put(this.path(), body);
	}

	// ---- SMS sent, received, waiting -----------------------------------------------------

	/** Where one collection lives: the account's route, or a virtual number's. */
	collectionPath(collection: SmsCollection, virtualNumber?: string): string {
		return virtualNumber === undefined ? this.path(collection) : this.path('virtualNumbers', virtualNumber, collection);
	}

	smsPath(collection: SmsCollection, id: Id, virtualNumber?: string): string {
		return `${this.collectionPath(collection, virtualNumber)}/${encodeURIComponent(String(id))}`;
	}

	async listSmsIds(
		collection: SmsCollection,
		query?: SmsOutgoingQuery | SmsIncomingQuery | Query,
		virtualNumber?: string,
	): Promise<number[]> {
		return (await this.client.get<number[]>(this.collectionPath(collection, virtualNumber), query as Query)) ?? [];
	}

	async readSms<C extends SmsCollection>(
		collection: C,
		ids: Id[],
		virtualNumber?: string,
	): Promise<Array<BatchItem<Wire<SmsCollections[C]>>>> {
		return await this.client.getMany<Wire<SmsCollections[C]>>(this.collectionPath(collection, virtualNumber), ids);
	}

	async findSms<C extends SmsCollection>(collection: C, id: Id, virtualNumber?: string): Promise<Wire<SmsCollections[C]> | undefined> {
		return await this.client.getIfExists<Wire<SmsCollections[C]>>(this.smsPath(collection, id, virtualNumber));
	}

	async deleteSms(collection: SmsCollection, id: Id, virtualNumber?: string): Promise<void> {
		await this.client.delete(this.smsPath(collection, id, virtualNumber));
	}

	/** `POST …/jobs`: never repeated after an ambiguous failure (the client's rule for POST). */
	async sendJob(body: SmsJobsBody | SmsVirtualNumberJobsBody, virtualNumber?: string): Promise<SmsSendingReport> {
		return await this.client.post<SmsSendingReport>(this.collectionPath('jobs', virtualNumber), body);
	}

	// ---- virtual numbers -----------------------------------------------------------------

	async listVirtualNumbers(): Promise<string[]> {
		return (await this.client.get<string[]>(this.path('virtualNumbers'))) ?? [];
	}

	/** The same list, a 404 read as none (where a missing route only means nothing to look through). */
	async listVirtualNumbersIfAny(): Promise<string[]> {
		return (await this.client.getIfExists<string[]>(this.path('virtualNumbers'))) ?? [];
	}

	async findVirtualNumber(number: string): Promise<Wire<SmsVirtualNumber> | undefined> {
		return await this.client.getIfExists<Wire<SmsVirtualNumber>>(this.path('virtualNumbers', number));
	}

	// ---- senders -------------------------------------------------------------------------

	async listSenders(): Promise<string[]> {
		return (await this.client.get<string[]>(this.path('senders'))) ?? [];
	}

	async readSenders(names: string[]): Promise<Array<BatchItem<Wire<SmsSender>>>> {
		return await this.client.getMany<Wire<SmsSender>>(this.path('senders'), names);
	}

	async getSender(name: string): Promise<Wire<SmsSender>> {
		return await this.client.get<Wire<SmsSender>>(this.path('senders', name));
	}

	async findSender(name: string): Promise<Wire<SmsSender> | undefined> {
		return await this.client.getIfExists<Wire<SmsSender>>(this.path('senders', name));
	}

	async createSender(body: SmsSenderCreate): Promise<string> {
		return await this.client.post<string>(this.path('senders'), body);
	}

	async updateSender(name: string, body: SmsSenderUpdate): Promise<void> {
		await this.client.put(this.path('senders', name), body);
	}

	async deleteSender(name: string): Promise<void> {
		await this.client.delete(this.path('senders', name));
	}

	async validateSender(name: string, code: string): Promise<void> {
		await this.client.post(this.path('senders', name, 'validate'), { code });
	}

	async listSenderDocuments(name: string): Promise<string[]> {
		return (await this.client.get<string[]>(this.path('senders', name, 'documents'))) ?? [];
	}

	async readSenderDocuments(name: string, ids: string[]): Promise<Array<BatchItem<Wire<SmsSenderDocument>>>> {
		return await this.client.getMany<Wire<SmsSenderDocument>>(this.path('senders', name, 'documents'), ids);
	}

	async createSenderDocument(
		name: string,
		body: { name: string; description?: string },
	): Promise<Wire<SmsSenderDocument> & { putUrl?: string }> {
		return await this.client.post(this.path('senders', name, 'documents'), body);
	}

	async listSendersAvailableForValidation(query?: Query): Promise<Array<Wire<SmsSenderAvailable>>> {
		return (await this.client.get<Array<Wire<SmsSenderAvailable>>>(this.path('sendersAvailableForValidation'), query)) ?? [];
	}

	// ---- address books (phonebooks) and their contacts -----------------------------------

	async listPhonebooks(): Promise<string[]> {
		return (await this.client.get<string[]>(this.path('phonebooks'))) ?? [];
	}

	async readPhonebooks(keys: string[]): Promise<Array<BatchItem<Wire<SmsPhonebook>>>> {
		return await this.client.getMany<Wire<SmsPhonebook>>(this.path('phonebooks'), keys);
	}

	async getPhonebook(bookKey: string): Promise<Wire<SmsPhonebook>> {
		return await this.client.get<Wire<SmsPhonebook>>(this.path('phonebooks', bookKey));
	}

	async createPhonebook(body: SmsPhonebookCreate): Promise<string> {
		return await this.client.post<string>(this.path('phonebooks'), body);
	}

	async renamePhonebook(bookKey: string, name: string): Promise<void> {
		await this.client.put(this.path('phonebooks', bookKey), { name });
	}

	async deletePhonebook(bookKey: string): Promise<void> {
		await this.client.delete(this.path('phonebooks', bookKey));
	}

	/** `POST …/import` of an uploaded file: not repeated after an ambiguous failure. */
	async importPhonebook(bookKey: string, body: SmsPhonebookImport): Promise<Wire<TelephonyTask>> {
		return await this.client.post<Wire<TelephonyTask>>(this.path('phonebooks', bookKey, 'import'), body);
	}

	async listContacts(bookKey: string): Promise<number[]> {
		return (await this.client.get<number[]>(this.path('phonebooks', bookKey, 'phonebookContact'))) ?? [];
	}

	/** The book's contact ids, or undefined when the book does not exist (404). */
	async findContactIds(bookKey: string): Promise<number[] | undefined> {
		return await this.client.getIfExists<number[]>(this.path('phonebooks', bookKey, 'phonebookContact'));
	}

	async readContacts(bookKey: string, ids: number[]): Promise<Array<BatchItem<Wire<SmsPhonebookContact>>>> {
		return await this.client.getMany<Wire<SmsPhonebookContact>>(this.path('phonebooks', bookKey, 'phonebookContact'), ids);
	}

	async getContact(bookKey: string, id: Id): Promise<Wire<SmsPhonebookContact>> {
		return await this.client.get<Wire<SmsPhonebookContact>>(this.path('phonebooks', bookKey, 'phonebookContact', id));
	}

	async createContact(bookKey: string, body: SmsContactCreate): Promise<number> {
		return await this.client.post<number>(this.path('phonebooks', bookKey, 'phonebookContact'), body);
	}

	async updateContact(bookKey: string, id: Id, body: SmsContactUpdate): Promise<void> {
		await this.client.put(this.path('phonebooks', bookKey, 'phonebookContact', id), body);
	}

	async deleteContact(bookKey: string, id: Id): Promise<void> {
		await this.client.delete(this.path('phonebooks', bookKey, 'phonebookContact', id));
	}

	// ---- recipient lists (receivers) -----------------------------------------------------

	async listReceivers(): Promise<number[]> {
		return (await this.client.get<number[]>(this.path('receivers'))) ?? [];
	}

	async readReceivers(slotIds: Id[]): Promise<Array<BatchItem<Wire<SmsReceiver>>>> {
		return await this.client.getMany<Wire<SmsReceiver>>(this.path('receivers'), slotIds);
	}

	async getReceiver(slotId: Id): Promise<Wire<SmsReceiver>> {
		return await this.client.get<Wire<SmsReceiver>>(this.path('receivers', slotId));
	}

	async findReceiver(slotId: Id): Promise<Wire<SmsReceiver> | undefined> {
		return await this.client.getIfExists<Wire<SmsReceiver>>(this.path('receivers', slotId));
	}

	/** `POST …/receivers`: not repeated after an ambiguous failure. */
	async createReceiver(body: SmsReceiverCreate): Promise<Wire<SmsReceiver>> {
		return await this.client.post<Wire<SmsReceiver>>(this.path('receivers'), body);
	}

	async deleteReceiver(slotId: Id): Promise<void> {
		await this.client.delete(this.path('receivers', slotId));
	}

	/** The list as OVHcloud holds it: `;` separated, a `number` column first. */
	async receiverCsv(slotId: Id): Promise<string> {
		const csv = await this.client.get<unknown>(this.path('receivers', slotId, 'csv'));
		return typeof csv === 'string' ? csv : '';
	}

	/** `priceOnly: true` only quotes, and may be repeated; a real cleaning is not. */
	async cleanReceiver(slotId: Id, body: SmsReceiverClean): Promise<Wire<SmsReceiversCleanReport>> {
		return await this.client.post<Wire<SmsReceiversCleanReport>>(this.path('receivers', slotId, 'clean'), body, {
			idempotent: body.priceOnly === true,
		});
	}

	// ---- campaigns (batches) -------------------------------------------------------------

	/** Not repeated after an ambiguous failure: a second campaign would send every SMS twice. */
	async createBatch(params: SmsBatchParams): Promise<Wire<SmsBatch>> {
		return await this.client.post<Wire<SmsBatch>>(this.path('batches'), params);
	}

	async getBatch(id: string): Promise<Wire<SmsBatch>> {
		return await this.client.get<Wire<SmsBatch>>(this.path('batches', id));
	}

	/** Full objects, not ids (unlike most OVHcloud lists). */
	async listBatches(): Promise<Array<Wire<SmsBatch>>> {
		return await this.client.get<Array<Wire<SmsBatch>>>(this.path('batches'));
	}

	async getBatchStatistics(id: string): Promise<SmsBatchStatistics> {
		return await this.client.get<SmsBatchStatistics>(this.path('batches', id, 'statistics'));
	}

	/** Cancelling twice is harmless, so a cancel whose answer was lost may be retried. */
	async cancelBatch(id: string): Promise<Wire<SmsBatch> | null> {
		return await this.client.post<Wire<SmsBatch> | null>(this.path('batches', id, 'cancel'), undefined, { idempotent: true });
	}

	async deleteBatch(id: string): Promise<void> {
		await this.client.delete<void>(this.path('batches', id));
	}

	async renameBatch(id: string, name: string): Promise<Wire<SmsBatch> | null> {
		return await this.client.put<Wire<SmsBatch> | null>(this.path('batches', id), { name });
	}

	// ---- number lookups (HLR) -----------------------------------------------------------

	/** Billed: never repeated after an ambiguous failure (the client's rule for POST). */
	async requestLookups(body: SmsHlrBody): Promise<SmsSendingReport> {
		return await this.client.post<SmsSendingReport>(this.path('hlr'), body);
	}

	async readLookups(ids: Id[]): Promise<Array<BatchItem<Wire<SmsHlrLookup>>>> {
		return await this.client.getMany<Wire<SmsHlrLookup>>(this.path('hlr'), ids);
	}

	async getLookupOperator(id: Id): Promise<Wire<SmsHlrOperator>> {
		return await this.client.get<Wire<SmsHlrOperator>>(this.path('hlr', id, 'operator'));
	}

	// ---- the STOP list (blacklists) ------------------------------------------------------

	async listBlacklist(): Promise<string[]> {
		return (await this.client.get<string[]>(this.path('blacklists'))) ?? [];
	}

	async readBlacklist(numbers: string[]): Promise<Array<BatchItem<Wire<SmsBlacklist>>>> {
		return await this.client.getMany<Wire<SmsBlacklist>>(this.path('blacklists'), numbers);
	}

	async findBlacklistEntry(number: string): Promise<Wire<SmsBlacklist> | undefined> {
		return await this.client.getIfExists<Wire<SmsBlacklist>>(`${this.path('blacklists')}/${encodeURIComponent(number)}`);
	}

	// ---- uploaded files (`/me/document`) -------------------------------------------------

	async createDocument(name: string): Promise<UploadedDocument> {
		return await this.client.post<UploadedDocument>(buildPath(['me', 'document']), { name });
	}

	async expireDocument(id: string, expirationDate: string): Promise<void> {
		await this.client.put(buildPath(['me', 'document', id]), { expirationDate });
	}

	async deleteDocument(id: string): Promise<void> {
		await this.client.delete(buildPath(['me', 'document', id]));
	}
}
