/** Polls `check` until it returns a value (not undefined), or throws with `describe()` after `timeoutMs`. */
export async function eventually<T>(
	check: () => Promise<T | undefined> | T | undefined,
	{ timeoutMs = 30_000, intervalMs = 250, describe = () => '' }: { timeoutMs?: number; intervalMs?: number; describe?: () => string } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Still waiting after ${timeoutMs / 1000} s${describe() ? `: ${describe()}` : ''}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}
