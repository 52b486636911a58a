import type { IExecuteFunctions, IGetNodeParameterOptions } from 'n8n-workflow';

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * Parameter values for many items: a parameter without an expression has the same value for
 * every item, so it is read once per run instead of once per item (n8n copies and resolves it
 * on each read, which a 10,000-item send pays 10,000 times). Values are shared: read-only.
 */
export class ItemParameters {
	private readonly constant = new Map<string, unknown>();

	constructor(private readonly ctx: IExecuteFunctions) {}

	get<T = unknown>(name: string, itemIndex: number, fallback: T, options?: IGetNodeParameterOptions): T {
		const key = options?.extractValue ? `${name}\u0000value` : name;
		if (this.constant.has(key)) return this.constant.get(key) as T;
		const value = this.ctx.getNodeParameter(name, itemIndex, fallback, options) as T;
		if (!holdsExpression(this.ctx.getNode().parameters[name])) this.constant.set(key, value);
		return value;
	}
}
