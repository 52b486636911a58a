/**
 * What the trigger remembers between calls in this n8n process: for each workflow, node and
 * event stream, the ids of the events it has started the workflow for (shared by the webhook
 * and the poll, so a reply pushed twice, or pushed and found again by the poll, starts one
 * execution), and the event of the last test call (the editor's test run reads it back).
 *
 * Memory is the exact record inside one process; a copy of each ledger's newest ids goes to
 * the node's static data, which n8n saves after each call and poll, so a restart starts from
 * it. Leaves out: several processes receiving the same workflow's calls at once (n8n's
 * webhook processes): each has its own memory, only the static-data copy is shared, and n8n
 * saves static data last-writer-wins.
 */
import type { IDataObject, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import { EmissionLedger } from '../../lib/replies';
import type { EventJson } from './events';
import { stateKey, type TriggerSettings } from './settings';

/** Ids kept in static data: enough for a reconciling poll's window at 50 replies a second. */
const PERSISTED_IDS = 2000;
/** Streams kept in memory (the least recently used go first). */
const MAX_STREAMS = 200;
/** A test call's event is read back by the test run that follows at once. */
const TEST_EVENT_TTL_MS = 60_000;

const ledgers = new Map<string, EmissionLedger>();
const testEvents = new Map<string, { json: EventJson; atMs: number }>();

type Context = IPollFunctions | IWebhookFunctions;

interface SavedLedger {
	key: string;
	ids: string[];
}

function streamKey(ctx: Context, settings: TriggerSettings): string {
	return `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}:${stateKey(settings)}`;
}

function touch<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
	map.delete(key);
	map.set(key, value);
	if (map.size > limit) map.delete(map.keys().next().value as string);
}

/** The ledger of this node's stream, with what static data remembers merged in. */
export function openLedger(ctx: Context, settings: TriggerSettings, staticData: IDataObject): EmissionLedger {
	const key = streamKey(ctx, settings);
	const ledger = ledgers.get(key) ?? new EmissionLedger();
	touch(ledgers, key, ledger, MAX_STREAMS);
	const saved = staticData.emitted as Partial<SavedLedger> | undefined;
	if (saved?.key === stateKey(settings)) ledger.absorb(saved.ids);
	return ledger;
}

/** Copies the ledger's newest ids to static data (n8n saves it after the call or poll). */
export function saveLedger(settings: TriggerSettings, staticData: IDataObject, ledger: EmissionLedger): void {
	const saved: SavedLedger = { key: stateKey(settings), ids: ledger.newest(PERSISTED_IDS) };
	staticData.emitted = saved as unknown as IDataObject;
}

function testKey(ctx: Context): string {
	return `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
}

export function rememberTestEvent(ctx: IWebhookFunctions, json: EventJson, nowMs: number): void {
	touch(testEvents, testKey(ctx), { json, atMs: nowMs }, MAX_STREAMS);
}

/** The event of a test call made in the last minute, once. */
export function takeTestEvent(ctx: IPollFunctions, nowMs: number): EventJson | undefined {
	const key = testKey(ctx);
	const found = testEvents.get(key);
	testEvents.delete(key);
	return found && nowMs - found.atMs <= TEST_EVENT_TTL_MS ? found.json : undefined;
}
