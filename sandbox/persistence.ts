/**
 * Optional state file: read once at start, written (debounced) after changes and on close.
 * Writes go to a temporary file renamed over the old one, so a crash never leaves half a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SandboxState } from './types';

const FORMAT = 'ovh-sms-sandbox-state';

export function loadStateFile(file: string): SandboxState | undefined {
	if (!fs.existsSync(file)) return undefined;
	const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: string; state?: SandboxState };
	if (parsed.format !== FORMAT || !parsed.state || parsed.state.version !== 1) {
		throw new Error(`${file} is not a sandbox state file (version 1)`);
	}
	return parsed.state;
}

export function writeStateFile(file: string, state: SandboxState): void {
	fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const temporary = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(temporary, JSON.stringify({ format: FORMAT, savedAt: new Date().toISOString(), state }));
	fs.renameSync(temporary, file);
}

export class StateSaver {
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly file: string,
		private readonly state: SandboxState,
		private readonly debounceMs = 200,
		private readonly onError: (error: unknown) => void = () => undefined,
	) {}

	schedule(): void {
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.saveNow();
		}, this.debounceMs);
		this.timer.unref?.();
	}

	saveNow(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		try {
			writeStateFile(this.file, this.state);
		} catch (error) {
			this.onError(error);
		}
	}
}
