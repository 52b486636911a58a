/**
 * The numbers a user typed or mapped: one number, a list separated by commas, semicolons or
 * new lines, or whatever an expression returned (an array, a number, an array of those).
 * Spaces do not separate: `+33 6 12 34 56 78` is one number.
 */
export function splitNumberList(value: unknown): string[] {
	const out: string[] = [];
	collect(value, out);
	return out;
}

function collect(value: unknown, out: string[]): void {
	if (value === null || value === undefined) return;
	if (Array.isArray(value)) {
		for (const entry of value) collect(entry, out);
		return;
	}
	if (typeof value === 'number' || typeof value === 'bigint') {
		out.push(String(value));
		return;
	}
	if (typeof value !== 'string') {
		out.push(String(value));
		return;
	}
	for (const part of value.split(/[,;\r\n]+/)) {
		const trimmed = part.trim();
		if (trimmed) out.push(trimmed);
	}
}
