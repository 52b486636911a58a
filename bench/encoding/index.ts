/**
 * Throughput of lib/encoding's analyzeMessage next to its npm peers, on the three datasets
 * of sms-encoding.md §3, plus how often each peer agrees on the number of parts.
 *
 *   npx tsx bench/encoding/index.ts [--pass-ms 1000] [--quick] [--dataset short-gsm|long-extension|emoji]
 *
 * Every library runs in its own Node process (one library's garbage and JIT feedback cannot
 * slow another), warmed up, then the processes take turns: pass 1 of each library, pass 2 of
 * each, … so that a change in machine load hits all of them alike. A pass covers at least
 * --pass-ms of work (the dataset repeated for fast libraries, a prefix of it for the slowest).
 * Rates are messages per CPU-second of the measuring process, median of 5 passes: CPU time
 * is what a library costs, and unlike wall-clock time it does not count the moments another
 * process had the core. Wall-clock rates are printed beside them. A benchmark to read, never
 * a pass/fail test.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { DATASET_NAMES, DATASET_TITLES, datasetBytes, generateDataset, type DatasetName } from './datasets';
import { COUNT_PARTS, PEERS, type LibraryName } from './libraries';
import { runWorker, type PassTiming, type WorkerReady, type WorkerSetup } from './worker';

const PASSES = 5;
const OURS: LibraryName = 'lib/encoding';
const OURS_GRAPHEMES: LibraryName = 'lib/encoding (graphemes)';
const TARGET_PEER: LibraryName = '@trt2/gsm-charset-utils';
const TARGET_RATIO = 5;

/** One library's process for one dataset, answering "run a pass" requests in turn. */
class Worker {
	private readonly child: ChildProcess;
	private pending: ((message: unknown) => void) | undefined;

	constructor(setup: WorkerSetup) {
		this.child = fork(__filename, ['--worker', JSON.stringify(setup)], {
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		this.child.on('message', (message) => {
			const resolve = this.pending;
			this.pending = undefined;
			resolve?.(message);
		});
		this.child.on('exit', (code) => {
			if (this.pending !== undefined) throw new Error(`${setup.library} worker exited with code ${code}`);
		});
	}

	private next<T>(): Promise<T> {
		return new Promise((resolve) => {
			this.pending = resolve as (message: unknown) => void;
		});
	}

	ready(): Promise<WorkerReady> {
		return this.next<WorkerReady>();
	}

	pass(messages: number): Promise<PassTiming> {
		const reply = this.next<PassTiming>();
		this.child.send({ pass: messages });
		return reply;
	}

	stop(): void {
		this.child.send({ stop: true });
	}
}

interface LibraryFigures {
	library: LibraryName;
	messagesPerPass: number;
	cpuRate: number;
	wallRate: number;
	megabytesPerCpuSecond: number;
	parts: number[];
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function formatNumber(value: number, digits = 0): string {
	return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function agreement(ours: number[], theirs: number[]): { percent: number; firstDisagreement: number } {
	let same = 0;
	let firstDisagreement = -1;
	for (let i = 0; i < ours.length; i++) {
		if (ours[i] === theirs[i]) same++;
		else if (firstDisagreement === -1) firstDisagreement = i;
	}
	return { percent: (100 * same) / ours.length, firstDisagreement };
}

function bytesOfPass(messages: readonly string[], count: number): number {
	const whole = Math.floor(count / messages.length);
	return whole * datasetBytes(messages) + datasetBytes(messages.slice(0, count % messages.length));
}

async function measureDataset(
	dataset: DatasetName,
	libraries: readonly LibraryName[],
	passMs: number,
	agreementMessages: number,
): Promise<Map<LibraryName, LibraryFigures>> {
	const messages = generateDataset(dataset);
	const workers = new Map<LibraryName, Worker>();
	const readiness = new Map<LibraryName, WorkerReady>();
	// Started one at a time so that warm-ups do not compete with each other.
	for (const library of libraries) {
		const worker = new Worker({ library, dataset, agreementMessages, warmupMs: Math.max(passMs, 500) });
		readiness.set(library, await worker.ready());
		workers.set(library, worker);
	}
	const perPass = new Map<LibraryName, number>();
	const timings = new Map<LibraryName, PassTiming[]>();
	for (const library of libraries) {
		perPass.set(library, Math.max(100, Math.round((readiness.get(library)!.cpuRate * passMs) / 1000)));
		timings.set(library, []);
	}
	for (let pass = 0; pass < PASSES; pass++) {
		for (const library of libraries) {
			timings.get(library)!.push(await workers.get(library)!.pass(perPass.get(library)!));
		}
	}
	for (const worker of workers.values()) worker.stop();

	const figures = new Map<LibraryName, LibraryFigures>();
	for (const library of libraries) {
		const count = perPass.get(library)!;
		const cpuSeconds = median(timings.get(library)!.map((timing) => timing.cpuSeconds));
		const wallSeconds = median(timings.get(library)!.map((timing) => timing.wallSeconds));
		figures.set(library, {
			library,
			messagesPerPass: count,
			cpuRate: count / cpuSeconds,
			wallRate: count / wallSeconds,
			megabytesPerCpuSecond: bytesOfPass(messages, count) / 1e6 / cpuSeconds,
			parts: readiness.get(library)!.parts,
		});
	}
	return figures;
}

interface Options {
	passMs: number;
	quick: boolean;
	datasets: DatasetName[];
}

function parseOptions(argv: string[]): Options {
	const options: Options = { passMs: 1000, quick: false, datasets: [...DATASET_NAMES] };
	const chosen: DatasetName[] = [];
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--pass-ms') options.passMs = Number(argv[++i]);
		else if (argv[i] === '--quick') options.quick = true;
		else if (argv[i] === '--dataset' && DATASET_NAMES.includes(argv[i + 1] as DatasetName)) {
			chosen.push(argv[++i] as DatasetName);
		} else throw new Error(`unknown argument ${argv[i]}`);
	}
	if (chosen.length > 0) options.datasets = chosen;
	if (options.quick) options.passMs = Math.min(options.passMs, 300);
	return options;
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const agreementMessages = options.quick ? 2_000 : Number.MAX_SAFE_INTEGER;
	console.log(
		`lib/encoding benchmark: Node ${process.version}, ${os.cpus().length} CPUs, load average ` +
			`${os.loadavg()[0].toFixed(2)}; median of ${PASSES} interleaved passes of >= ${options.passMs} ms ` +
			`per library, each library in its own process` +
			(options.quick ? '; quick mode: parts agreement on the first 2,000 messages only' : ''),
	);
	console.log('msg/s = messages per CPU-second of the measuring process (wall-clock rate in brackets)');
	const summary: string[] = [];
	const markdown = [
		'| dataset | library | msg/s | MB/s | lib/encoding is … × faster | same parts as lib/encoding |',
		'|---|---|---:|---:|---:|---:|',
	];
	for (const dataset of options.datasets) {
		const messages = generateDataset(dataset);
		console.log(
			`\n${DATASET_TITLES[dataset]}: ${formatNumber(messages.length)} messages, ` +
				`${formatNumber(datasetBytes(messages) / 1e6, 2)} MB of UTF-8`,
		);
		const libraries: LibraryName[] = [OURS, ...(dataset === 'emoji' ? [OURS_GRAPHEMES] : []), ...PEERS];
		const figures = await measureDataset(dataset, libraries, options.passMs, agreementMessages);
		const ours = figures.get(OURS)!;
		console.log(
			`  ${'library'.padEnd(26)}${'msg/s'.padStart(12)}${'(wall)'.padStart(13)}${'MB/s'.padStart(8)}` +
				`${'ours ×'.padStart(9)}${'same parts'.padStart(12)}`,
		);
		for (const library of libraries) {
			const result = figures.get(library)!;
			const ratio = ours.cpuRate / result.cpuRate;
			const agreed = library === OURS ? undefined : agreement(ours.parts, result.parts);
			console.log(
				`  ${library.padEnd(26)}${formatNumber(result.cpuRate).padStart(12)}` +
					`${`(${formatNumber(result.wallRate)})`.padStart(13)}` +
					`${formatNumber(result.megabytesPerCpuSecond, 1).padStart(8)}` +
					`${(library === OURS ? '—' : formatNumber(ratio, 1)).padStart(9)}` +
					`${(agreed === undefined ? '—' : `${formatNumber(agreed.percent, 2)} %`).padStart(12)}`,
			);
			if (agreed !== undefined && agreed.firstDisagreement !== -1) {
				const i = agreed.firstDisagreement;
				const text = messages[i].length > 80 ? `${messages[i].slice(0, 80)}…` : messages[i];
				console.log(
					`      e.g. message #${i}: lib/encoding ${ours.parts[i]} parts, ${library} ${result.parts[i]}: ${JSON.stringify(text)}`,
				);
			}
			// Twilio keeps grapheme clusters whole: compare it with our grapheme mode as well.
			if (library === 'sms-segments-calculator' && figures.has(OURS_GRAPHEMES)) {
				const graphemeAgreement = agreement(figures.get(OURS_GRAPHEMES)!.parts, result.parts);
				console.log(`      same parts as lib/encoding with preserveGraphemes: ${formatNumber(graphemeAgreement.percent, 2)} %`);
			}
			markdown.push(
				`| ${dataset} | ${library} | ${formatNumber(result.cpuRate)} | ` +
					`${formatNumber(result.megabytesPerCpuSecond, 1)} | ${library === OURS ? '—' : formatNumber(ratio, 1)} | ` +
					`${agreed === undefined ? '—' : `${formatNumber(agreed.percent, 2)} %`} |`,
			);
		}
		const target = figures.get(TARGET_PEER)!;
		const cpuRatio = ours.cpuRate / target.cpuRate;
		const wallRatio = ours.wallRate / target.wallRate;
		summary.push(
			`  ${dataset.padEnd(15)} ${formatNumber(cpuRatio, 1)}× (wall-clock ${formatNumber(wallRatio, 1)}×) ` +
				(cpuRatio >= TARGET_RATIO ? 'target met' : `BELOW the ${TARGET_RATIO}× target`),
		);
	}
	console.log(`\nTarget: at least ${TARGET_RATIO}× the throughput of ${TARGET_PEER} on each dataset`);
	for (const line of summary) console.log(line);
	console.log(`\n${markdown.join('\n')}`);
}

const workerIndex = process.argv.indexOf('--worker');
if (workerIndex !== -1) {
	runWorker(JSON.parse(process.argv[workerIndex + 1]) as WorkerSetup, COUNT_PARTS);
} else {
	main().catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	});
}
