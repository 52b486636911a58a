import type { IExecuteFunctions, IGetNodeParameterOptions } from 'n8n-workflow';
import type { RunMemo } from '../../../../lib/memo';

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * Parameter values for many items: a parameter without an expression has the same value for
 * every item, so it is read once per run (kept in the run's memo) instead of once per item
 * (n8n copies and resolves it on each read, which a 10,000-item send pays 10,000 times).
 * Values are shared: read-only.
 */
export class ItemParameters {
	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly memo: RunMemo,
	) {}

	get<T = unknown>(name: string, itemIndex: number, fallback: T, options?: IGetNodeParameterOptions): T {
		const key = `parameter:${name}${options?.extractValue ? ':value' : ''}`;
		const kept = this.memo.peek<T>(key);
		if (kept) return kept.value;
		const value = this.ctx.getNodeParameter(name, itemIndex, fallback, options) as T;
		return holdsExpression(this.ctx.getNode().parameters[name]) ? value : this.memo.keep(key, value);
	}
}
