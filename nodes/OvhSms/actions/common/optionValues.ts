import type { INode } from 'n8n-workflow';
import { itemError } from './itemError';

/**
 * Checks one item's parameter values whatever their source: typed in the editor, computed by an
 * expression or filled in by an AI agent (`$fromAI`). n8n enforces a field's type and range only
 * in the editor, so an expression giving "six" for a number reaches the node as is; every value
 * is checked here, before anything is sent, and a bad one fails its item naming the field.
 * Unset values (undefined, null, an empty string) give the caller's default. Leaves out what a
 * value means for OVHcloud: callers give the bounds.
 */
export class OptionValues {
	constructor(
		private readonly node: INode,
		private readonly itemIndex: number,
		private readonly values: Record<string, unknown>,
		/** What the error adds: the item stopped before this happened. */
		private readonly consequence = 'nothing was sent',
	) {}

	private fail(label: string, rule: string, value: unknown): never {
		throw itemError(this.node, this.itemIndex, `"${label}" must be ${rule}, not ${shown(value)}; ${this.consequence}`);
	}

	/** Refuses a value a caller checked itself, in the same words as the checks here. */
	refuse(label: string, rule: string, value: unknown): never {
		this.fail(label, rule, value);
	}

	private raw(name: string): unknown {
		const value = this.values[name];
		return value === null || value === '' ? undefined : value;
	}

	/** A whole number within [min, max]; a string of digits (a CSV or webhook field) is read as one. */
	wholeNumber(name: string, label: string, bounds: { min: number; max: number }): number | undefined {
		return this.numberWithin(name, label, bounds, true);
	}

	/** A number within [min, max], decimals allowed. */
	number(name: string, label: string, bounds: { min: number; max: number }): number | undefined {
		return this.numberWithin(name, label, bounds, false);
	}

	private numberWithin(name: string, label: string, bounds: { min: number; max: number }, whole: boolean): number | undefined {
		const value = this.raw(name);
		if (value === undefined) return undefined;
		const rule = `${whole ? 'a whole number' : 'a number'} from ${bounds.min} to ${bounds.max}`;
		const written = typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
		const number = typeof value === 'number' ? value : written;
		const fits = Number.isFinite(number) && (!whole || Number.isInteger(number)) && number >= bounds.min && number <= bounds.max;
		if (!fits) this.fail(label, rule, value);
		return number;
	}

	/** A text of at most `maxLength` characters (trimmed). */
	text(name: string, label: string, maxLength: number): string | undefined {
		const value = this.raw(name);
		if (value === undefined) return undefined;
		if (typeof value !== 'string' && typeof value !== 'number') this.fail(label, `a text of at most ${maxLength} characters`, value);
		const text = String(value).trim();
		const length = [...text].length;
		if (length > maxLength) {
			throw itemError(
				this.node,
				this.itemIndex,
				`"${label}" has ${length} characters, more than the ${maxLength} allowed: ${shown(text)}; ${this.consequence}`,
			);
		}
		return text === '' ? undefined : text;
	}

	/** One of the values the field's list offers. */
	choice<T extends string>(name: string, label: string, allowed: readonly T[]): T | undefined {
		const value = this.raw(name);
		if (value === undefined) return undefined;
		if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
			this.fail(label, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
		}
		return value as T;
	}

	/** A boolean; the strings "true" and "false" (what a form or a CSV gives) are read as such. */
	flag(name: string, label: string): boolean | undefined {
		const value = this.raw(name);
		if (value === undefined || typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		this.fail(label, 'true or false', value);
	}
}

/** A value as the user wrote it, short enough for an error message. */
function shown(value: unknown): string {
	let text: string;
	try {
		text =
			typeof value === 'string'
				? JSON.stringify(value)
				: typeof value === 'number'
					? String(value)
					: (JSON.stringify(value) ?? String(value));
	} catch {
		text = String(value);
	}
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
