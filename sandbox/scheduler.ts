/**
 * One timer for everything that happens later (deferred sends, delivery steps, sender
 * moderation). Due times live in the state, so after a restart or a reload the tasks are simply
 * scheduled again from it; each task re-checks the state when it runs, so a task whose object
 * was cancelled or deleted in the meantime does nothing.
 */

interface Entry {
	dueAt: number;
	seq: number;
	task: () => void;
}

/** setTimeout cannot wait longer than 2^31-1 ms; farther tasks are re-examined then. */
const MAX_TIMER_MS = 2_147_483_647;

export class Scheduler {
	private heap: Entry[] = [];
	private seq = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private armedFor = Infinity;
	private running = false;

	constructor(
		private readonly onTaskError: (error: unknown) => void,
		private readonly now: () => number = Date.now,
	) {}

	get size(): number {
		return this.heap.length;
	}

	at(dueAt: number, task: () => void): void {
		this.push({ dueAt, seq: this.seq++, task });
		if (this.running && dueAt < this.armedFor) this.arm();
	}

	start(): void {
		this.running = true;
		this.arm();
	}

	/** Stops the timer and forgets every task (they are rebuilt from the state on start). */
	stop(): void {
		this.running = false;
		this.heap = [];
		this.disarm();
	}

	/** Runs every task due now or earlier. */
	runDue(): void {
		const now = this.now();
		while (this.heap.length > 0 && this.heap[0].dueAt <= now) {
			const entry = this.pop()!;
			try {
				entry.task();
			} catch (error) {
				this.onTaskError(error);
			}
		}
	}

	private disarm(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.armedFor = Infinity;
	}

	private arm(): void {
		this.disarm();
		if (!this.running || this.heap.length === 0) return;
		const dueAt = this.heap[0].dueAt;
		const delay = Math.min(MAX_TIMER_MS, Math.max(0, dueAt - this.now()));
		this.armedFor = dueAt;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.armedFor = Infinity;
			this.runDue();
			this.arm();
		}, delay);
		this.timer.unref?.();
	}

	private push(entry: Entry): void {
		const heap = this.heap;
		heap.push(entry);
		let i = heap.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!before(heap[i], heap[parent])) break;
			[heap[i], heap[parent]] = [heap[parent], heap[i]];
			i = parent;
		}
	}

	private pop(): Entry | undefined {
		const heap = this.heap;
		const top = heap[0];
		const last = heap.pop();
		if (heap.length > 0 && last) {
			heap[0] = last;
			let i = 0;
			for (;;) {
				const left = 2 * i + 1;
				const right = left + 1;
				let smallest = i;
				if (left < heap.length && before(heap[left], heap[smallest])) smallest = left;
				if (right < heap.length && before(heap[right], heap[smallest])) smallest = right;
				if (smallest === i) break;
				[heap[i], heap[smallest]] = [heap[smallest], heap[i]];
				i = smallest;
			}
		}
		return top;
	}
}

function before(a: Entry, b: Entry): boolean {
	return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
}
