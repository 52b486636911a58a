// Every line n8n's engine and the nodes log, captured as n8n's logger would write it. n8n gives
// node contexts `Container.get(Logger)` (@n8n/backend-common) and routes the engine's own
// lines through `LoggerProxy`; both are pointed here, at debug level, so a test can search what
// a production log would hold. Importing this module installs the recorder (once per Jest
// module registry, i.e. per test file).
import { createRequire } from 'node:module';
import { LoggerProxy } from 'n8n-workflow';

// n8n-core has its own copies of @n8n/di and @n8n/backend-common (nested under it): the
// logger must be set in the container n8n-core reads, so both are loaded from its place.
const requireFromCore = createRequire(require.resolve('n8n-core'));
const { Logger } = requireFromCore('@n8n/backend-common') as { Logger: abstract new (...args: never[]) => unknown };
const { Container } = requireFromCore('@n8n/di') as { Container: { set(type: unknown, instance: unknown): void } };

export interface EngineLogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	/** The metadata serialised as n8n's logger does (errors as name, message, stack and cause). */
	metadata: string;
}

/** Every line since the file started; `linesSince(mark)` cuts out one run's. */
export const engineLogLines: EngineLogLine[] = [];

function serializeError(error: Error & { cause?: unknown }, seen: Set<unknown>): Record<string, unknown> {
	let cause: unknown;
	if (error.cause !== undefined && !seen.has(error.cause)) {
		seen.add(error.cause);
		cause = error.cause instanceof Error ? serializeError(error.cause, seen) : error.cause;
	}
	return { name: error.name, message: error.message, stack: error.stack, cause };
}

function serializeMetadata(metadata: unknown): string {
	if (metadata === undefined) return '';
	const normalised =
		metadata && typeof metadata === 'object' && !Array.isArray(metadata)
			? Object.fromEntries(
					Object.entries(metadata).map(([key, value]) => [key, value instanceof Error ? serializeError(value, new Set()) : value]),
				)
			: metadata;
	const seen = new WeakSet<object>();
	try {
		return JSON.stringify(normalised, (_key, value: unknown) => {
			if (value && typeof value === 'object') {
				if (seen.has(value)) return '[Circular]';
				seen.add(value);
			}
			return typeof value === 'bigint' ? String(value) : value;
		});
	} catch (error) {
		return `[unserialisable metadata: ${String(error)}]`;
	}
}

class RecordingLogger {
	private record(level: EngineLogLine['level'], message: unknown, metadata?: unknown): void {
		engineLogLines.push({ level, message: typeof message === 'string' ? message : String(message), metadata: serializeMetadata(metadata) });
	}
	error(message: string, metadata?: unknown) {
		this.record('error', message, metadata);
	}
	warn(message: string, metadata?: unknown) {
		this.record('warn', message, metadata);
	}
	info(message: string, metadata?: unknown) {
		this.record('info', message, metadata);
	}
	debug(message: string, metadata?: unknown) {
		this.record('debug', message, metadata);
	}
	verbose(message: string, metadata?: unknown) {
		this.record('debug', message, metadata);
	}
	scoped() {
		return this;
	}
}

const recorder = new RecordingLogger();
Container.set(Logger, recorder);
LoggerProxy.init(recorder as unknown as Parameters<typeof LoggerProxy.init>[0]);

export function logMark(): number {
	return engineLogLines.length;
}

/** Lines logged since `mark` (runs in parallel share the log: these are all lines of that span). */
export function linesSince(mark: number): EngineLogLine[] {
	return engineLogLines.slice(mark);
}

/** One line as a log file would hold it. */
export function formatLogLine(line: EngineLogLine): string {
	return `${line.level} ${line.message} ${line.metadata}`;
}
