// Searches what n8n keeps of a run for secrets: the run data as n8n saves it (flatted, with the
// errors' toJSON), every object reachable from it (non-enumerable error fields, causes and
// stacks included), base64 binary data decoded, and log lines.
// flatted is what n8n serialises execution data with; its typings are ESM-only, its CJS build is what Jest loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stringify } = require('flatted') as { stringify(value: unknown): string };

export interface Secret {
	name: string;
	value: string;
}

/** The forms a secret can take in text: as is, URL-encoded, base64, and a long middle slice (a truncated copy). */
function needlesOf(secret: Secret): Array<{ form: string; needle: string }> {
	const value = secret.value;
	const middle = value.slice(Math.floor(value.length / 4), Math.floor(value.length / 4) + 16);
	const forms = [
		{ form: 'raw', needle: value },
		{ form: 'url-encoded', needle: encodeURIComponent(value) },
		{ form: 'base64', needle: Buffer.from(value).toString('base64').replace(/=+$/, '') },
		{ form: 'slice', needle: middle },
	];
	return forms.filter((f, i) => forms.findIndex((g) => g.needle === f.needle) === i && f.needle.length >= 12);
}

export interface Finding {
	secret: string;
	form: string;
	where: string;
	excerpt: string;
}

export function findSecrets(text: string, secrets: Secret[], where: string): Finding[] {
	const found: Finding[] = [];
	for (const secret of secrets) {
		for (const { form, needle } of needlesOf(secret)) {
			const at = text.indexOf(needle);
			if (at >= 0) found.push({ secret: secret.name, form, where, excerpt: text.slice(Math.max(0, at - 80), at + needle.length + 40) });
		}
	}
	return found;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Every string reachable from `root`, own non-enumerable properties included (message, stack, cause). */
export function reachableStrings(root: unknown, maxDepth = 40): string[] {
	const out: string[] = [];
	const seen = new WeakSet<object>();
	const visit = (value: unknown, depth: number) => {
		if (typeof value === 'string') {
			out.push(value);
			if (value.length >= 16 && value.length % 4 === 0 && BASE64.test(value)) out.push(Buffer.from(value, 'base64').toString('utf8'));
			return;
		}
		if (Buffer.isBuffer(value)) {
			out.push(value.toString('utf8'));
			return;
		}
		if (!value || typeof value !== 'object' || depth > maxDepth || seen.has(value)) return;
		seen.add(value);
		for (const key of Reflect.ownKeys(value)) {
			if (typeof key === 'symbol') continue;
			let child: unknown;
			try {
				child = (value as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			if (typeof child === 'function') continue;
			out.push(key);
			visit(child, depth + 1);
		}
	};
	visit(root, 0);
	return out;
}

/** The run as n8n persists it (flatted over the errors' toJSON), and everything reachable from it. */
export function scanRun(run: unknown, secrets: Secret[], label: string): Finding[] {
	const saved = stringify(run);
	return [
		...findSecrets(saved, secrets, `${label}: saved run data`),
		...findSecrets(reachableStrings(run).join('\n'), secrets, `${label}: objects reachable from the run`),
	];
}
