export type Settled<R> =
	| { status: 'fulfilled'; value: R }
	| { status: 'rejected'; reason: unknown }
	/** Not started because `stopWhen` said so. */
	| { status: 'skipped' };

export interface ConcurrencyOptions {
	/** Checked before starting each task: true leaves the remaining tasks unstarted. */
	stopWhen?: () => boolean;
}

/**
 * Runs `task` over `inputs` with at most `limit` running at once (a promise pool, no timers),
 * and settles every input in its own position, like `Promise.allSettled`.
 */
export async function mapWithConcurrency<T, R>(
	inputs: readonly T[],
	limit: number,
	task: (input: T, index: number) => Promise<R>,
	options: ConcurrencyOptions = {},
): Promise<Array<Settled<R>>> {
	const results = new Array<Settled<R>>(inputs.length);
	let next = 0;
	const worker = async () => {
		while (next < inputs.length) {
			const index = next++;
			if (options.stopWhen?.()) {
				results[index] = { status: 'skipped' };
				continue;
			}
			try {
				results[index] = { status: 'fulfilled', value: await task(inputs[index], index) };
			} catch (reason) {
				results[index] = { status: 'rejected', reason };
			}
		}
	};
	const workers = Math.max(1, Math.min(Math.floor(limit) || 1, inputs.length));
	await Promise.all(Array.from({ length: workers }, worker));
	return results;
}
