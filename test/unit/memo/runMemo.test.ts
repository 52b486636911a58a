import { RunMemo } from '../../../lib/memo';

/** A read that counts its calls and resolves (or fails) when told. */
function controlledRead<T>() {
	let settle: { resolve: (value: T) => void; reject: (error: Error) => void } | undefined;
	let calls = 0;
	const read = () => {
		calls++;
		return new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
	};
	return { read, calls: () => calls, settle: () => settle! };
}

describe('RunMemo: what one run reads once', () => {
	test('items asking while the read is in flight share it: one read for all', async () => {
		const memo = new RunMemo();
		const credits = controlledRead<number>();
		const asked = [memo.once('credits', credits.read), memo.once('credits', credits.read), memo.once('credits', credits.read)];
		credits.settle().resolve(42);
		await expect(Promise.all(asked)).resolves.toEqual([42, 42, 42]);
		await expect(memo.once('credits', credits.read)).resolves.toBe(42);
		expect(credits.calls()).toBe(1);
	});

	test('different keys are read separately', async () => {
		const memo = new RunMemo();
		await expect(memo.once('sender:A', async () => 'A')).resolves.toBe('A');
		await expect(memo.once('sender:B', async () => 'B')).resolves.toBe('B');
	});

	test('a failed read stays failed for the run (one request for many items naming a missing sender) until cleared', async () => {
		const memo = new RunMemo();
		const sender = controlledRead<string>();
		const first = memo.once('sender:Nobody', sender.read);
		sender.settle().reject(new Error('The sender "Nobody" does not exist'));
		await expect(first).rejects.toThrow('does not exist');
		await expect(memo.once('sender:Nobody', sender.read)).rejects.toThrow('does not exist');
		expect(sender.calls()).toBe(1);

		memo.clear();
		const again = memo.once('sender:Nobody', sender.read);
		sender.settle().resolve('Nobody');
		await expect(again).resolves.toBe('Nobody');
		expect(sender.calls()).toBe(2);
	});

	test('a failed read nobody awaited yet is not reported as an unhandled rejection', async () => {
		const memo = new RunMemo();
		const unhandled = jest.fn();
		process.on('unhandledRejection', unhandled);
		try {
			const failed = memo.once('list', async () => {
				throw new Error('list gone');
			});
			await new Promise((resolve) => setImmediate(resolve));
			await expect(failed).rejects.toThrow('list gone');
			expect(unhandled).not.toHaveBeenCalled();
		} finally {
			process.off('unhandledRejection', unhandled);
		}
	});

	test('a value kept on a condition is found by peek, including a kept undefined', () => {
		const memo = new RunMemo();
		expect(memo.peek('parameter:tag')).toBeUndefined();
		expect(memo.keep('parameter:tag', undefined)).toBeUndefined();
		expect(memo.peek('parameter:tag')).toEqual({ value: undefined });
		memo.clear();
		expect(memo.peek('parameter:tag')).toBeUndefined();
	});
});
