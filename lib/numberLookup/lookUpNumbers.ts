/**
 * Looking many numbers up at once: they are asked in chunks (one billed request per chunk), then
 * read back with back-off until each lookup is done or failed, or the time limit passes. A chunk
 * whose request fails is not asked again: its answer may have been lost after OVHcloud billed it.
 */
import { pollUntilFinal } from '../polling';
import type { SmsHlrLookup } from '../ovh/models';
import type { LookupGateway, LookupRun, LookupSettings, NumberLookup } from './types';

/** A lookup OVHcloud has finished, with a result or an error. */
export const isFinalLookup = (lookup: SmsHlrLookup) => lookup.status === 'done' || lookup.status === 'error';

const round = (credits: number) => Math.round(credits * 1000) / 1000;

export async function lookUpNumbers(gateway: LookupGateway, numbers: string[], settings: LookupSettings): Promise<LookupRun> {
	const byNumber = new Map<string, NumberLookup>();
	/** Who each id is: from the report, corrected by the lookup read back (its `msisdn`). */
	const numberOfId = new Map<number, string>();
	let creditsRemoved = 0;
	let failure: { error: unknown; unconfirmed: boolean } | undefined;
	for (let start = 0; start < numbers.length; start += settings.chunkSize) {
		const chunk = numbers.slice(start, start + settings.chunkSize);
		if (failure) {
			// After a failure nothing more is asked: the cause (credits, rights) most likely holds.
			for (const number of chunk) byNumber.set(number, { state: 'notLookedUp', error: failure.error, unconfirmed: false });
			continue;
		}
		try {
			const report = await gateway.request(chunk);
			creditsRemoved += report.totalCreditsRemoved;
			report.ids.forEach((id, position) => numberOfId.set(id, report.validReceivers[position]));
			const refused = new Set(report.invalidReceivers);
			for (const number of chunk) if (refused.has(number)) byNumber.set(number, { state: 'refused' });
		} catch (error) {
			failure = { error, unconfirmed: (error as { requestMayHaveBeenProcessed?: boolean }).requestMayHaveBeenProcessed ?? true };
			for (const number of chunk) byNumber.set(number, { state: 'notLookedUp', error, unconfirmed: failure.unconfirmed });
		}
	}

	const lastSeen = new Map<number, SmsHlrLookup>();
	const outcome = await pollUntilFinal([...numberOfId.keys()], {
		sleep: settings.sleep,
		nowMs: settings.nowMs,
		timeLimitMs: settings.timeLimitMs,
		firstIntervalMs: settings.firstIntervalMs,
		maxIntervalMs: settings.maxIntervalMs,
		async read(pending) {
			const read = await gateway.read([...pending]);
			const final = new Map<number, SmsHlrLookup>();
			for (const [id, lookup] of read) {
				lastSeen.set(id, lookup);
				if (isFinalLookup(lookup)) final.set(id, lookup);
			}
			return final;
		},
	});

	for (const [id, reported] of numberOfId) {
		const lookup = outcome.finalById.get(id) ?? lastSeen.get(id);
		const number = lookup?.msisdn ?? reported;
		const final = outcome.finalById.get(id);
		if (!final) {
			byNumber.set(number, { state: 'pending', id, lookup });
			continue;
		}
		const operator = settings.withOperator && final.status === 'done' && final.valid ? await gateway.operator(id) : undefined;
		byNumber.set(number, { state: 'final', lookup: final, ...(operator ? { operator } : {}) });
	}
	// A number the report listed neither valid nor invalid (its form changed): found by its lookup above, else unknown.
	for (const number of numbers) if (!byNumber.has(number)) byNumber.set(number, { state: 'refused' });
	return { byNumber, creditsRemoved: round(creditsRemoved), reads: outcome.reads, waitedMs: outcome.waitedMs };
}
