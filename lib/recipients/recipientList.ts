import { normalizePhoneNumber, type PhoneNumberOptions } from './phoneNumber';

export interface InvalidRecipient {
	/** What was given, as given. */
	receiver: string;
	reason: string;
	/** 1-based line of the file it came from, when it came from a file. */
	line?: number;
}

/**
 * Receivers of one send: valid numbers in E.164, in the order first seen, each once; the
 * invalid ones with the reason (they are never sent, so they never cost a credit); and the
 * numbers given more than once.
 */
export class RecipientList {
	private readonly seen = new Set<string>();
	readonly numbers: string[] = [];
	readonly invalid: InvalidRecipient[] = [];
	readonly duplicates: string[] = [];

	constructor(private readonly options: PhoneNumberOptions = {}) {}

	/** Adds one number; says what became of it. */
	add(raw: unknown, line?: number): 'added' | 'duplicate' | 'invalid' {
		const check = normalizePhoneNumber(raw, this.options);
		if (!check.valid) {
			const receiver = raw === null || raw === undefined ? '' : String(raw);
			this.invalid.push(line === undefined ? { receiver, reason: check.reason } : { receiver, reason: check.reason, line });
			return 'invalid';
		}
		if (this.seen.has(check.number)) {
			this.duplicates.push(check.number);
			return 'duplicate';
		}
		this.seen.add(check.number);
		this.numbers.push(check.number);
		return 'added';
	}

	addAll(raws: Iterable<unknown>): this {
		for (const raw of raws) this.add(raw);
		return this;
	}

	/** Records a receiver that never reached the normaliser (an unreadable row of a file). */
	reject(receiver: string, reason: string, line?: number): void {
		this.invalid.push(line === undefined ? { receiver, reason } : { receiver, reason, line });
	}

	get size(): number {
		return this.numbers.length;
	}
}
