/**
 * What the trigger reads and writes on OVHcloud, through `SmsApi` (which knows the routes): its
 * reply scopes and the rules it adds (a delete's 404 means gone; a guessed route's refusal means
 * not there). Leaves out the paths (`lib/ovh/smsApi`) and what an event is (`./events`).
 */
import { OvhApiError, SmsApi, type BatchItem, type OvhClient } from '../../lib/ovh';
import type { SmsAccountUpdate, Wire } from '../../lib/ovh/models';
import { formatQueryDatetime, type IncomingSms, type OutgoingSms } from '../../lib/replies';

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

/** The scope's routes: an empty virtual number means the account's own, as it always has. */
function scopeApi(client: OvhClient, scope: ReplyScope): { api: SmsApi; virtualNumber?: string } {
	return { api: new SmsApi(client, scope.serviceName), virtualNumber: scope.virtualNumber || undefined };
}

function isNotFound(error: unknown): boolean {
	return error instanceof OvhApiError && error.httpStatus === 404;
}

/** The API's clock (epoch ms), so that a first activation does not depend on n8n's. */
export async function serverNowMs(client: OvhClient): Promise<number> {
	const seconds = Number(await client.get<unknown>('/auth/time'));
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : Date.now();
}

export async function listIncomingIds(client: OvhClient, scope: ReplyScope, fromMs?: number): Promise<number[]> {
	const query = fromMs === undefined ? undefined : { 'creationDatetime.from': formatQueryDatetime(fromMs) };
	const { api, virtualNumber } = scopeApi(client, scope);
	return await api.listSmsIds('incoming', query, virtualNumber);
}

export async function readIncoming(
	client: OvhClient,
	scope: ReplyScope,
	ids: Array<string | number>,
): Promise<Array<BatchItem<IncomingSms>>> {
	const { api, virtualNumber } = scopeApi(client, scope);
	return await api.readSms('incoming', ids, virtualNumber);
}

export async function findIncoming(client: OvhClient, scope: ReplyScope, id: string): Promise<IncomingSms | undefined> {
	const { api, virtualNumber } = scopeApi(client, scope);
	return await api.findSms('incoming', id, virtualNumber);
}

/** Deletes a reply; true when it is gone (already deleted counts). */
export async function deleteIncoming(client: OvhClient, scope: ReplyScope, id: string | number): Promise<boolean> {
	try {
		const { api, virtualNumber } = scopeApi(client, scope);
		await api.deleteSms('incoming', id, virtualNumber);
		return true;
	} catch (error) {
		if (isNotFound(error)) return true;
		return false;
	}
}

export async function listOutgoingIds(client: OvhClient, scope: ReplyScope, fromMs?: number): Promise<number[]> {
	const query = fromMs === undefined ? undefined : { 'creationDatetime.from': formatQueryDatetime(fromMs) };
	const { api, virtualNumber } = scopeApi(client, scope);
	return await api.listSmsIds('outgoing', query, virtualNumber);
}

export async function readOutgoing(
	client: OvhClient,
	scope: ReplyScope,
	ids: Array<string | number>,
): Promise<Array<BatchItem<OutgoingSms>>> {
	const { api, virtualNumber } = scopeApi(client, scope);
	return await api.readSms('outgoing', ids, virtualNumber);
}

export async function findOutgoing(client: OvhClient, scope: ReplyScope, id: string): Promise<OutgoingSms | undefined> {
	const { api, virtualNumber } = scopeApi(client, scope);
	return await api.findSms('outgoing', id, virtualNumber);
}

/** The line a reply came to, as far as it is known. */
export interface RepliedLine {
	/** The short number or virtual number the customer replied to (a push's `shortcode`, or the virtual number polled). */
	number?: string | null;
	/** The account's virtual numbers: with `number` unknown, an SMS sent from one of them is not the one answered. */
	virtualNumbers?: string[];
}

/** Candidates read to check the line they were sent from. */
const REPLIED_CANDIDATES = 10;

const digits = (number: string | null | undefined) =>
	String(number ?? '')
		.replace(/\D/g, '')
		.replace(/^00/, '');

/**
 * The SMS a reply answers: the newest one sent to that number from the line the customer
 * replied to, with the reply's tag when it has one. The API's `sender` filter narrows the
 * list; each candidate's sender is checked anyway, so an API that ignores the filter links
 * nothing rather than the wrong SMS. OVHcloud ids grow with time: the largest is the newest.
 */
export async function findRepliedOutgoingId(
	client: OvhClient,
	scope: ReplyScope,
	reply: { sender: string; tag?: string | null },
	line: RepliedLine = {},
): Promise<number | undefined> {
	const number = scope.virtualNumber ?? line.number ?? undefined;
	const fromLine = (sms: OutgoingSms) =>
		number ? digits(sms.sender) === digits(number) : !(line.virtualNumbers ?? []).some((vln) => digits(vln) === digits(sms.sender));
	const routes: ReplyScope[] = [scope];
	// A reply pushed to the account names its line; SMS sent from a virtual number may be listed only under it.
	if (!scope.virtualNumber && line.number) routes.push({ serviceName: scope.serviceName, virtualNumber: digits(line.number) });
	for (const [index, route] of routes.entries()) {
		const query = { receiver: reply.sender, tag: reply.tag || undefined, sender: number || undefined };
		const { api, virtualNumber } = scopeApi(client, route);
		const path = api.collectionPath('outgoing', virtualNumber);
		// The second route is a guess (the line may be the short number, not a virtual number): its refusal means "not there".
		const ids =
			index === 0 ? await client.getIfExists<number[]>(path, query) : await client.get<number[]>(path, query).catch(() => undefined);
		const newest = (ids ?? [])
			.map(Number)
			.sort((a, b) => b - a)
			.slice(0, REPLIED_CANDIDATES);
		if (newest.length === 0) continue;
		const found = (await readOutgoing(client, route, newest)).find((item) => item.value && fromLine(item.value));
		if (found) return Number(found.id);
	}
	return undefined;
}

export async function readAccountCallbacks(client: OvhClient, serviceName: string): Promise<AccountCallbacks> {
	return (await new SmsApi(client, serviceName).getAccount()) ?? {};
}

export async function updateAccount(client: OvhClient, serviceName: string, body: AccountCallbacks): Promise<void> {
	// Restores what was read or stored earlier, a response type the model may not list yet included.
	await new SmsApi(client, serviceName).updateAccount(body as Wire<SmsAccountUpdate>);
}
