/**
 * What every part of the sandbox shares while it runs: options, state, clocks, the scheduler
 * and the outbound-call client. Route handlers and the domain modules receive it explicitly.
 */
import type { CallbackClient } from './callbacks';
import { ApiError } from './http';
import type { FaultInjector } from './faults';
import type { Scheduler } from './scheduler';
import type { AccountState, RecordedRequest, ResolvedSandboxOptions, SandboxState } from './types';

export interface SandboxRuntime {
	readonly options: ResolvedSandboxOptions;
	/** Always the same object: a reset replaces its contents, not the reference. */
	readonly state: SandboxState;
	readonly faults: FaultInjector;
	readonly scheduler: Scheduler;
	readonly callbacks: CallbackClient;
	readonly requests: RecordedRequest[];
	/** Marks the state as changed (saved to the state file, debounced). */
	changed(): void;
	now(): number;
}

export function nextId(runtime: SandboxRuntime): number {
	return runtime.state.nextId++;
}

/** Server time as clients see it: real time plus the injected clock skew. */
export function serverEpochSeconds(runtime: SandboxRuntime): number {
	return Math.floor(runtime.now() / 1000) + Math.round(runtime.faults.clockSkewSeconds);
}

/**
 * The same server clock in ms, for the creation times the API stamps: a skewed server stamps
 * its SMS with the time `/auth/time` gives, or a client that compares the two (a lookup of
 * lost answers, a polling cursor) would meet a server that exists nowhere. Due times stay on
 * the real clock so that changing the skew does not move them.
 */
export function serverNowMs(runtime: SandboxRuntime, realMs = runtime.now()): number {
	return realMs + Math.round(runtime.faults.clockSkewSeconds) * 1000;
}

export function requireAccount(runtime: SandboxRuntime, serviceName: string): AccountState {
	const account = runtime.state.accounts[serviceName];
	if (!account) throw new ApiError(404, { class: 'Client::NotFound', message: 'This service does not exist' });
	return account;
}
