/** The child-process side of the benchmark: one library, one dataset, passes on request. */
import { generateDataset, type DatasetName } from './datasets';
import type { LibraryName } from './libraries';

export interface WorkerSetup {
	library: LibraryName;
	dataset: DatasetName;
	/** Messages whose part counts are sent back for the agreement figures. */
	agreementMessages: number;
	warmupMs: number;
}

export interface WorkerReady {
	parts: number[];
	/** Messages per CPU-second at the end of the warm-up, to size the timed passes. */
	cpuRate: number;
}

export interface PassTiming {
	cpuSeconds: number;
	wallSeconds: number;
}

function cpuSeconds(): number {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1e6;
}

function runPass(countParts: (text: string) => number, messages: readonly string[], count: number): number {
	let checksum = 0;
	let done = 0;
	while (done < count) {
		const slice = Math.min(messages.length, count - done);
		for (let i = 0; i < slice; i++) checksum += countParts(messages[i]);
		done += slice;
	}
	return checksum;
}

function timedPass(countParts: (text: string) => number, messages: readonly string[], count: number): PassTiming {
	const cpuStart = cpuSeconds();
	const wallStart = process.hrtime.bigint();
	// A checksum the engine cannot prove unused keeps the calls from being optimised away.
	if (runPass(countParts, messages, count) <= 0) throw new Error('no parts counted');
	return { cpuSeconds: cpuSeconds() - cpuStart, wallSeconds: Number(process.hrtime.bigint() - wallStart) / 1e9 };
}

export function runWorker(setup: WorkerSetup, libraries: Readonly<Record<LibraryName, (text: string) => number>>): void {
	const messages = generateDataset(setup.dataset);
	const countParts = libraries[setup.library];

	const parts: number[] = [];
	for (let i = 0; i < Math.min(setup.agreementMessages, messages.length); i++) parts.push(countParts(messages[i]));

	// Warm up until the optimising compiler has had time to settle, doubling the pass size.
	let count = Math.min(messages.length, 1000);
	let warmed = 0;
	let timing = timedPass(countParts, messages, count);
	while (warmed < setup.warmupMs / 1000) {
		warmed += timing.wallSeconds;
		if (timing.wallSeconds < 0.2) count *= 2;
		timing = timedPass(countParts, messages, count);
	}
	const ready: WorkerReady = { parts, cpuRate: count / Math.max(timing.cpuSeconds, 1e-3) };
	process.send!(ready);

	process.on('message', (request: { pass?: number; stop?: boolean }) => {
		if (request.stop) process.exit(0);
		if (request.pass !== undefined) process.send!(timedPass(countParts, messages, request.pass));
	});
}
