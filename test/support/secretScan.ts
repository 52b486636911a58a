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

/** Base64 of `value` as it reads inside a longer encoded text: for each of the three byte
 * alignments, the characters that depend only on the value's bytes. */
function base64Cores(value: string, alphabet: 'base64' | 'base64url'): string[] {
	const bytes = Buffer.from(value);
	return [0, 1, 2].map((offset) => {
		const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(alphabet);
		return encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
	});
}

/** The forms a secret can take in text: as is, URL- and percent-encoded, JSON-escaped, base64 and base64url at every
 * alignment, and a long middle slice (a truncated copy). */
function needlesOf(secret: Secret): Array<{ form: string; needle: string }> {
	const value = secret.value;
	const middle = value.slice(Math.floor(value.length / 4), Math.floor(value.length / 4) + 16);
	const forms = [
		{ form: 'raw', needle: value },
		{ form: 'url-encoded', needle: encodeURIComponent(value) },
		{
			form: 'percent-encoded (every byte)',
			needle: [...Buffer.from(value)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
		},
		{ form: 'JSON-escaped', needle: JSON.stringify(value).slice(1, -1) },
		{ form: 'JSON-escaped (\\u)', needle: [...value].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('') },
		...base64Cores(value, 'base64').map((needle, k) => ({ form: `base64 (offset ${k})`, needle })),
		...base64Cores(value, 'base64url').map((needle, k) => ({ form: `base64url (offset ${k})`, needle })),
		{ form: 'slice', needle: middle },
	];
	return forms.filter((f, i) => forms.findIndex((g) => g.needle === f.needle) === i && f.needle.length >= 12);
}

/** The text as a reader would decode it: percent-decoded, JSON-unescaped, and every run of base64 or base64url
 * characters decoded from each of its first four characters (one of them starts a group). */
function decodedViews(text: string): Array<{ form: string; text: string }> {
	const views = [
		{
			form: 'decoded from percent-encoding',
			text: text.replace(/(%[0-9a-f]{2})+/gi, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8')),
		},
		{
			form: 'decoded from JSON escapes',
			text: text.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\(["\\/])/g, '$1'),
		},
	];
	const decoded: string[] = [];
	for (const [run] of text.matchAll(/[A-Za-z0-9+/_-]{16,}/g)) {
		for (let start = 0; start < 4; start++) decoded.push(Buffer.from(run.slice(start), 'base64').toString('latin1'));
	}
	if (decoded.length) views.push({ form: 'decoded from base64', text: decoded.join('\n') });
	return views.filter((view) => view.text !== text);
}

export interface Finding {
	secret: string;
	form: string;
	where: string;
	excerpt: string;
}

export function findSecrets(text: string, secrets: Secret[], where: string): Finding[] {
	const found: Finding[] = [];
	const views = [{ form: '', text }, ...decodedViews(text)];
	for (const secret of secrets) {
		const needles = needlesOf(secret);
		for (const view of views) {
			for (const { form, needle } of view.form ? needles.filter((n) => n.form === 'raw' || n.form === 'slice') : needles) {
				const at = view.text.indexOf(needle);
				if (at >= 0) {
					found.push({
						secret: secret.name,
						form: view.form ? `${form}, ${view.form}` : form,
						where,
						excerpt: view.text.slice(Math.max(0, at - 80), at + needle.length + 40),
					});
				}
			}
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
