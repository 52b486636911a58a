/**
 * What a test or a demo drives from outside the API: faults, moderation decisions, credential
 * expiry, releasing deferred SMS, credits, reset. The `Sandbox` object and the `/admin` routes
 * both call these, so the two stay the same.
 */
import { releaseJob } from './delivery';
import { checkFaults } from './faults';
import { badRequest, notFound } from './http';
import { decideSender } from './moderation';
import { requireAccount, type SandboxRuntime } from './runtime';
import { createSeedState, SEED } from './seed';
import { scheduleFromState } from './timeline';
import type { SandboxFaults, SandboxState, SenderState } from './types';

export function setFaults(runtime: SandboxRuntime, faults: SandboxFaults): SandboxFaults {
	runtime.faults.set(checkFaults(faults));
	return runtime.faults.current;
}

/** Expires (or, with `expired: false`, restores) a consumer key: its calls get 403 INVALID_CREDENTIAL. */
export function expireConsumerKey(runtime: SandboxRuntime, consumerKey: string = SEED.consumerKey, expired = true): void {
	const credential = runtime.state.credentials.consumerKeys[consumerKey];
	if (!credential) throw notFound(consumerKey);
	credential.status = expired ? 'expired' : 'validated';
	runtime.changed();
}

/** Revokes (or restores) an OAuth2 client's secret: its tokens stop working and no new one is issued. */
export function revokeOAuth2Client(runtime: SandboxRuntime, clientId: string = SEED.oauth2ClientId, revoked = true): void {
	const client = runtime.state.credentials.oauth2Clients[clientId];
	if (!client) throw notFound(clientId);
	client.revoked = revoked;
	runtime.changed();
}

export function decideSenderNow(
	runtime: SandboxRuntime,
	input: { sender: string; status: unknown; comment?: unknown; serviceName?: string },
): SenderState {
	if (input.status !== 'enable' && input.status !== 'refused') throw badRequest("status must be 'enable' or 'refused'");
	if (input.comment !== undefined && input.comment !== null && typeof input.comment !== 'string') {
		throw badRequest('comment must be a string');
	}
	return decideSender(
		runtime,
		input.serviceName ?? SEED.serviceName,
		input.sender,
		input.status,
		(input.comment as string | undefined) ?? null,
	);
}

/** Hands every deferred SMS to the operator now, as if its time had come; returns their ids. */
export function releaseDeferredJobs(runtime: SandboxRuntime, serviceName: string = SEED.serviceName): number[] {
	const account = requireAccount(runtime, serviceName);
	return Object.values(account.jobs).map((job) => releaseJob(runtime, serviceName, job).id);
}

export function setCredits(runtime: SandboxRuntime, credits: unknown, serviceName: string = SEED.serviceName): number {
	const account = requireAccount(runtime, serviceName);
	if (typeof credits !== 'number' || !Number.isFinite(credits) || credits < 0) {
		throw badRequest('credits must be a number >= 0');
	}
	account.creditsLeft = credits;
	runtime.changed();
	return credits;
}

/** Back to the seed: state, faults, request and callback logs. The state object stays the same one. */
export function resetSandbox(runtime: SandboxRuntime): void {
	runtime.scheduler.stop();
	const fresh: SandboxState = createSeedState(runtime.options.credits, runtime.now());
	const state = runtime.state as unknown as Record<string, unknown>;
	for (const key of Object.keys(state)) delete state[key];
	Object.assign(state, fresh);
	runtime.requests.length = 0;
	runtime.callbacks.log.length = 0;
	runtime.faults.set({});
	scheduleFromState(runtime);
	runtime.scheduler.start();
	runtime.changed();
}
