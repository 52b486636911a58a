/**
 * Injected faults: the failures a client of the real API meets now and then (429, 5xx from the
 * edge, slow answers, a connection cut after the work was done, a drifting server clock),
 * on demand and reproducibly when a seed is given.
 */
import { badRequest, RawReply } from './http';
import type { SandboxFaults, ScriptedFault } from './types';

/** mulberry32: tiny, fast and good enough to spread shares evenly. */
function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface FaultDecision {
	delayMs: number;
	/** When set, the request is answered with it before anything else happens. */
	reply?: RawReply;
	kind?: 'rate429' | 'rate5xx';
}

const SHARES = ['rate429', 'rate5xx', 'latencySpikeRate', 'cutAfterAcceptRate'] as const;
const NON_NEGATIVE = ['latencyMs', 'latencySpikeMs'] as const;

export function checkFaults(input: unknown): SandboxFaults {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) throw badRequest('Faults must be an object');
	const faults = input as Record<string, unknown>;
	const known = [
		...SHARES,
		...NON_NEGATIVE,
		'clockSkewSeconds',
		'seed',
		'script',
		'batchGet',
		'virtualNumberSms',
		'receiversDocument',
		'emptyCallbacks',
	];
	const unknown = Object.keys(faults).filter((key) => !known.includes(key));
	if (unknown.length) throw badRequest(`Unknown fault(s): ${unknown.join(', ')}`);
	for (const [key, value] of Object.entries(faults)) {
		if (value === undefined) continue;
		if (key === 'script') {
			checkScript(value);
			continue;
		}
		if (key === 'emptyCallbacks') {
			if (value !== 'kept') throw badRequest('emptyCallbacks is "kept"');
			continue;
		}
		if (key === 'receiversDocument') {
			if (value !== 'readLater') throw badRequest('receiversDocument is "readLater"');
			continue;
		}
		if (key === 'virtualNumberSms') {
			if (value !== 'numberOnly') throw badRequest('virtualNumberSms is "numberOnly"');
			continue;
		}
		if (key === 'batchGet') {
			if (value !== 'values' && value !== 'ignored') throw badRequest('batchGet is "values" or "ignored"');
			continue;
		}
		if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest(`${key} must be a number`);
		if ((SHARES as readonly string[]).includes(key) && (value < 0 || value > 1)) {
			throw badRequest(`${key} is a share between 0 and 1`);
		}
		if ((NON_NEGATIVE as readonly string[]).includes(key) && value < 0) throw badRequest(`${key} must be >= 0`);
	}
	return { ...(faults as SandboxFaults) };
}

const SCRIPTABLE = ['rate429', 'rate5xx', 'cutAfterAccept'];

function checkScript(script: unknown): void {
	if (!Array.isArray(script)) throw badRequest('script must be an array');
	for (const entry of script) {
		const fault = (entry as ScriptedFault | null)?.fault;
		if (!SCRIPTABLE.includes(fault as string)) throw badRequest(`script entries need a fault among ${SCRIPTABLE.join(', ')}`);
		const method = (entry as ScriptedFault).method;
		if (method !== undefined && typeof method !== 'string') throw badRequest('a script entry method must be a string');
	}
}

const SERVER_ERRORS: RawReply[] = [
	RawReply.json(500, { class: 'Server::InternalServerError', message: 'Internal server error' }),
	// The edge answers 502 itself, in HTML: clients must cope with a non-JSON error body.
	new RawReply(502, '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n', {
		'Content-Type': 'text/html',
	}),
	RawReply.json(503, { class: 'Server::ServiceUnavailable', message: 'Service temporarily unavailable' }),
];

export class FaultInjector {
	private faults: SandboxFaults = {};
	private random: () => number = Math.random;
	private script: ScriptedFault[] = [];

	get current(): SandboxFaults {
		return { ...this.faults };
	}

	set(faults: SandboxFaults): void {
		this.faults = checkFaults(faults);
		this.random = faults.seed === undefined ? Math.random : seededRandom(faults.seed);
		this.script = [...(faults.script ?? [])];
	}

	/** Takes the first scripted fault of these kinds that this request may receive. */
	private takeScripted(method: string, kinds: string[]): ScriptedFault['fault'] | undefined {
		const index = this.script.findIndex(
			(entry) => kinds.includes(entry.fault) && (entry.method === undefined || entry.method.toUpperCase() === method),
		);
		if (index < 0) return undefined;
		return this.script.splice(index, 1)[0].fault;
	}

	get clockSkewSeconds(): number {
		return this.faults.clockSkewSeconds ?? 0;
	}

	private draw(share: number | undefined): boolean {
		return share !== undefined && share > 0 && this.random() < share;
	}

	/** Decides the fate of one API request, before any work is done. */
	beforeRequest(method: string): FaultDecision {
		const f = this.faults;
		let delayMs = f.latencyMs ?? 0;
		if (this.draw(f.latencySpikeRate)) delayMs += f.latencySpikeMs ?? 0;
		const scripted = this.takeScripted(method, ['rate429', 'rate5xx']);
		if (scripted === 'rate429' || (scripted === undefined && this.draw(f.rate429))) {
			return {
				delayMs,
				kind: 'rate429',
				reply: RawReply.json(429, { class: 'Client::TooManyRequests', message: 'Too many requests, please retry later' }),
			};
		}
		if (scripted === 'rate5xx' || (scripted === undefined && this.draw(f.rate5xx))) {
			const reply = SERVER_ERRORS[Math.min(SERVER_ERRORS.length - 1, Math.floor(this.random() * SERVER_ERRORS.length))];
			return { delayMs, kind: 'rate5xx', reply };
		}
		return { delayMs };
	}

	/** Whether a committed create is answered by cutting the connection. */
	cutAfterAccept(method: string): boolean {
		if (this.takeScripted(method, ['cutAfterAccept'])) return true;
		return this.draw(this.faults.cutAfterAcceptRate);
	}
}
