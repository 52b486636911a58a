/** One execution's memo: each key is read once, by the first item that needs it. */
export class RunMemo {
	private readonly entries = new Map<string, unknown>();

	/**
	 * The value of `key` for this run, read by `read` the first time only. Items that ask while
	 * the read is in flight share it. A read that fails stays failed for the rest of the run
	 * (10,000 items naming a missing sender cost one request, not 10,000) unless `clear` is
	 * called, which the per-item loop does when an item fails.
	 */
	once<T>(key: string, read: () => Promise<T>): Promise<T> {
		if (this.entries.has(key)) return this.entries.get(key) as Promise<T>;
		const value = read();
		// Every caller awaits it; this only keeps a rejection nobody awaited yet from being reported as unhandled.
		value.catch(() => undefined);
		this.entries.set(key, value);
		return value;
	}

	/** The value of `key` if this run kept one: for values kept only on a condition (see `keep`). */
	peek<T>(key: string): { value: T } | undefined {
		return this.entries.has(key) ? { value: this.entries.get(key) as T } : undefined;
	}

	/** Keeps `value` for `key` for the rest of the run. */
	keep<T>(key: string, value: T): T {
		this.entries.set(key, value);
		return value;
	}

	/** Forgets everything: after a failed write, what was read may be stale. */
	clear(): void {
		this.entries.clear();
	}
}
