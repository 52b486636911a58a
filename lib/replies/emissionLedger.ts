/**
 * Which events a trigger has already started the workflow for, by event id, so that a reply
 * pushed twice, or pushed and then found again by the reconciling poll, starts one execution.
 * Bounded (the oldest ids go first) and convertible to a plain id list for the workflow's
 * static data. Leaves out: where the ledger lives between calls (the trigger keeps one per
 * workflow and node in memory and a copy in static data) and time: ids are forgotten by
 * count, never by age.
 */

export const DEFAULT_LEDGER_LIMIT = 5000;

export class EmissionLedger {
	/** Insertion order is emission order: the first key is the oldest. */
	private readonly ids = new Set<string>();

	constructor(private readonly limit = DEFAULT_LEDGER_LIMIT) {}

	get size(): number {
		return this.ids.size;
	}

	has(eventId: string): boolean {
		return this.ids.has(eventId);
	}

	/**
	 * Records the event and says whether it was new. Synchronous, so within one process two
	 * callers (a push and a poll, or two pushes) can never both get true for one id.
	 */
	claim(eventId: string): boolean {
		if (this.ids.has(eventId)) return false;
		this.ids.add(eventId);
		this.trim();
		return true;
	}

	/** Adds ids emitted elsewhere (a saved copy), keeping the newest within the limit. */
	absorb(eventIds: unknown): void {
		if (!Array.isArray(eventIds)) return;
		for (const id of eventIds) if (typeof id === 'string' && id !== '') this.ids.add(id);
		this.trim();
	}

	/** The newest `count` ids, oldest first, for static data. */
	newest(count: number): string[] {
		const all = [...this.ids];
		return all.slice(Math.max(0, all.length - count));
	}

	private trim(): void {
		const excess = this.ids.size - this.limit;
		if (excess <= 0) return;
		let dropped = 0;
		for (const id of this.ids) {
			if (dropped++ >= excess) break;
			this.ids.delete(id);
		}
	}
}
