/** The OVHcloud routes the trigger reads and writes, typed. */
import { buildPath, OvhApiError, type BatchItem, type OvhClient } from '../../lib/ovh';
import { formatQueryDatetime, type BlacklistEntry, type IncomingSms, type OutgoingSms } from '../../lib/replies';

/** Where replies are read: the whole account, or one of its virtual numbers. */
export interface ReplyScope {
	serviceName: string;
	virtualNumber?: string;
}

export interface AccountCallbacks {
	callBack?: string | null;
	stopCallBack?: string | null;
	smsResponse?: { responseType?: string | null; cgiUrl?: string | null; text?: string | null } | null;
}

/** The page of ids one poll reads at most; the rest waits for the next poll. */
export const MAX_IDS_PER_POLL = 500;

function incomingPath(scope: ReplyScope): string {
	return scope.virtualNumber
		? buildPath(['sms', scope.serviceName, 'virtualNumbers', scope.virtualNumber, 'incoming'])
		: buildPath(['sms', scope.serviceName, 'incoming']);
}

function outgoingPath(serviceName: string): string {
	return buildPath(['sms', serviceName, 'outgoing']);
}

function blacklistPath(serviceName: string): string {
	return buildPath(['sms', serviceName, 'blacklists']);
}

function isNotFound(error: unknown): boolean {
	return error instanceof OvhApiError && error.httpStatus === 404;
}

/** The object, or undefined when the API does not know it; other failures go to the caller,
 * which turns them into n8n errors. */
async function unlessNotFound<T>(request: Promise<T>): Promise<T | undefined> {
	return await request.catch(async (error: unknown) => (isNotFound(error) ? undefined : await Promise.reject(error)));
}

/** The API's clock (epoch ms), so that a first activation does not depend on n8n's. */
export async function serverNowMs(client: OvhClient): Promise<number> {
	const seconds = Number(await client.get<unknown>('/auth/time'));
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : Date.now();
}

export async function listIncomingIds(client: OvhClient, scope: ReplyScope, fromMs?: number): Promise<number[]> {
	const query = fromMs === undefined ? undefined : { 'creationDatetime.from': formatQueryDatetime(fromMs) };
	return (await client.get<number[]>(incomingPath(scope), query)) ?? [];
}

export async function readIncoming(client: OvhClient, scope: ReplyScope, ids: Array<string | number>): Promise<Array<BatchItem<IncomingSms>>> {
	return await client.getMany<IncomingSms>(incomingPath(scope), ids);
}

export async function findIncoming(client: OvhClient, scope: ReplyScope, id: string): Promise<IncomingSms | undefined> {
	return await unlessNotFound(client.get<IncomingSms>(`${incomingPath(scope)}/${encodeURIComponent(id)}`));
}

/** Deletes a reply; true when it is gone (already deleted counts). */
export async function deleteIncoming(client: OvhClient, scope: ReplyScope, id: string | number): Promise<boolean> {
	try {
		await client.delete(`${incomingPath(scope)}/${encodeURIComponent(String(id))}`);
		return true;
	} catch (error) {
		if (isNotFound(error)) return true;
		return false;
	}
}

export async function listOutgoingIds(client: OvhClient, serviceName: string, fromMs?: number): Promise<number[]> {
	const query = fromMs === undefined ? undefined : { 'creationDatetime.from': formatQueryDatetime(fromMs) };
	return (await client.get<number[]>(outgoingPath(serviceName), query)) ?? [];
}

export async function readOutgoing(client: OvhClient, serviceName: string, ids: Array<string | number>): Promise<Array<BatchItem<OutgoingSms>>> {
	return await client.getMany<OutgoingSms>(outgoingPath(serviceName), ids);
}

export async function findOutgoing(client: OvhClient, serviceName: string, id: string): Promise<OutgoingSms | undefined> {
	return await unlessNotFound(client.get<OutgoingSms>(`${outgoingPath(serviceName)}/${encodeURIComponent(id)}`));
}

/**
 * The SMS a reply answers: the newest one sent to that number (from the same virtual number
 * when the reply came to one), with the reply's tag when it has one. OVHcloud ids grow with
 * time, so the largest id is the newest.
 */
export async function findRepliedOutgoingId(
	client: OvhClient,
	scope: ReplyScope,
	reply: { sender: string; tag?: string | null },
): Promise<number | undefined> {
	const base = scope.virtualNumber
		? buildPath(['sms', scope.serviceName, 'virtualNumbers', scope.virtualNumber, 'outgoing'])
		: outgoingPath(scope.serviceName);
	const ids = (await client.get<number[]>(base, { receiver: reply.sender, tag: reply.tag || undefined })) ?? [];
	return ids.length === 0 ? undefined : ids.map(Number).reduce((newest, id) => (id > newest ? id : newest));
}

export async function listBlacklist(client: OvhClient, serviceName: string): Promise<string[]> {
	return (await client.get<string[]>(blacklistPath(serviceName))) ?? [];
}

export async function readBlacklist(client: OvhClient, serviceName: string, numbers: string[]): Promise<Array<BatchItem<BlacklistEntry>>> {
	return await client.getMany<BlacklistEntry>(blacklistPath(serviceName), numbers);
}

export async function findBlacklistEntry(client: OvhClient, serviceName: string, number: string): Promise<BlacklistEntry | undefined> {
	return await unlessNotFound(client.get<BlacklistEntry>(`${blacklistPath(serviceName)}/${encodeURIComponent(number)}`));
}

export async function readAccountCallbacks(client: OvhClient, serviceName: string): Promise<AccountCallbacks> {
	return (await client.get<AccountCallbacks>(buildPath(['sms', serviceName]))) ?? {};
}

export async function updateAccount(client: OvhClient, serviceName: string, body: AccountCallbacks): Promise<void> {
	await client.put(buildPath(['sms', serviceName]), body);
}

export async function listVirtualNumbers(client: OvhClient, serviceName: string): Promise<string[]> {
	return (await client.get<string[]>(buildPath(['sms', serviceName, 'virtualNumbers']))) ?? [];
}
