/**
 * The OVHcloud SMS sandbox: a local emulator of the OVHcloud SMS API (signed requests, credits,
 * delivery reports, replies) that every test of the project and the `npm run sandbox` demo use.
 * See docs/sandbox.md.
 */
import type { AddressInfo } from 'node:net';
import type * as http from 'node:http';
import { CallbackClient } from './callbacks';
import {
	decideSenderNow,
	expireConsumerKey,
	releaseDeferredJobs,
	resetSandbox,
	revokeOAuth2Client,
	setCredits,
	setFaults,
} from './control';
import { FaultInjector } from './faults';
import { loadStateFile, StateSaver } from './persistence';
import { receiveIncoming } from './receiving';
import type { SandboxRuntime } from './runtime';
import { Scheduler } from './scheduler';
import { createSeedState, SEED } from './seed';
import { createSandboxServer } from './server';
import { scheduleFromState } from './timeline';
import type {
	Incoming,
	IncomingInput,
	RecordedCallback,
	RecordedRequest,
	ResolvedSandboxOptions,
	SandboxFaults,
	SandboxOptions,
	SandboxState,
	SenderState,
} from './types';

export type {
	AccountState,
	Incoming,
	IncomingInput,
	IncomingState,
	OutgoingState,
	PendingJobState,
	RecordedCallback,
	RecordedRequest,
	SandboxFaults,
	SandboxOptions,
	SandboxState,
	SenderState,
} from './types';
export { SEED } from './seed';

export interface Sandbox {
	/** `http://127.0.0.1:PORT` */
	url: string;
	/** `url + '/1.0'` */
	apiBaseUrl: string;
	serviceName: string;
	credentials: { applicationKey: string; applicationSecret: string; consumerKey: string };
	oauth2: { clientId: string; clientSecret: string; tokenUrl: string };
	/** Replaces the current faults; `{}` clears them. */
	setFaults(faults: SandboxFaults): void;
	injectIncoming(input: IncomingInput): Promise<Incoming>;
	/** Every non-admin request received, oldest first (the last 10,000). */
	requests: RecordedRequest[];
	clearRequests(): void;
	/** Every call made (or skipped) to a callBack, cgiUrl or stopCallBack URL (the last 1,000). */
	callbacks: RecordedCallback[];
	state: SandboxState;
	decideSender(sender: string, status: 'enable' | 'refused', comment?: string): SenderState;
	/** Expires the seeded consumer key (`expired = false` restores it). */
	expireCredentials(expired?: boolean): void;
	/** Revokes the seeded OAuth2 client secret (`revoked = false` restores it). */
	revokeOAuth2(revoked?: boolean): void;
	/** Hands every deferred SMS to the operator now; returns their ids. */
	releaseDeferredJobs(): number[];
	setCredits(credits: number): void;
	/** Back to the seed (state, faults, logs). */
	reset(): void;
	/** Resolves once every callback call started so far has finished. */
	callbacksIdle(): Promise<void>;
	/** Close and re-open on the same port, keeping the state. */
	restart(): Promise<void>;
	close(): Promise<void>;
}

function resolveOptions(options: SandboxOptions): ResolvedSandboxOptions {
	return {
		host: options.host ?? '127.0.0.1',
		port: options.port ?? 0,
		stateFile: options.stateFile,
		credits: options.credits ?? 1000,
		deliveryDelayMs: options.deliveryDelayMs ?? 1000,
		senderValidationDelayMs: options.senderValidationDelayMs ?? 5000,
		timestampToleranceSeconds: options.timestampToleranceSeconds ?? 180,
		allowNonLoopbackCallbacks: options.allowNonLoopbackCallbacks ?? false,
		rateLimitPerSecond: options.rateLimitPerSecond,
	};
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

function stop(server: http.Server): Promise<void> {
	return new Promise((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

function reportError(error: unknown): void {
	process.stderr.write(`[ovh-sms-sandbox] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const resolved = resolveOptions(options);
	const state = (resolved.stateFile && loadStateFile(resolved.stateFile)) || createSeedState(resolved.credits, Date.now());
	const saver = resolved.stateFile ? new StateSaver(resolved.stateFile, state, 200, reportError) : undefined;
	const runtime: SandboxRuntime = {
		options: resolved,
		state,
		faults: new FaultInjector(),
		scheduler: new Scheduler(reportError),
		callbacks: new CallbackClient(resolved.allowNonLoopbackCallbacks),
		requests: [],
		changed: () => saver?.schedule(),
		now: Date.now,
	};

	let server = createSandboxServer(runtime, reportError);
	const port = await listen(server, resolved.port, resolved.host);
	scheduleFromState(runtime);
	runtime.scheduler.start();

	const hostInUrl = resolved.host === '0.0.0.0' || resolved.host === '::' ? '127.0.0.1' : resolved.host;
	const url = `http://${hostInUrl.includes(':') ? `[${hostInUrl}]` : hostInUrl}:${port}`;
	let running = true;

	const shutDown = async () => {
		runtime.scheduler.stop();
		runtime.callbacks.abortAll();
		await stop(server);
		saver?.saveNow();
	};

	return {
		url,
		apiBaseUrl: `${url}/1.0`,
		serviceName: SEED.serviceName,
		credentials: {
			applicationKey: SEED.applicationKey,
			applicationSecret: SEED.applicationSecret,
			consumerKey: SEED.consumerKey,
		},
		oauth2: { clientId: SEED.oauth2ClientId, clientSecret: SEED.oauth2ClientSecret, tokenUrl: `${url}/auth/oauth2/token` },
		setFaults: (faults) => void setFaults(runtime, faults),
		injectIncoming: async (input) => receiveIncoming(runtime, input),
		requests: runtime.requests,
		clearRequests: () => {
			runtime.requests.length = 0;
		},
		callbacks: runtime.callbacks.log,
		state,
		decideSender: (sender, status, comment) => decideSenderNow(runtime, { sender, status, comment }),
		expireCredentials: (expired = true) => expireConsumerKey(runtime, SEED.consumerKey, expired),
		revokeOAuth2: (revoked = true) => revokeOAuth2Client(runtime, SEED.oauth2ClientId, revoked),
		releaseDeferredJobs: () => releaseDeferredJobs(runtime),
		setCredits: (credits) => void setCredits(runtime, credits),
		reset: () => resetSandbox(runtime),
		callbacksIdle: () => runtime.callbacks.idle(),
		restart: async () => {
			if (!running) throw new Error('The sandbox is closed');
			await shutDown();
			server = createSandboxServer(runtime, reportError);
			await listen(server, port, resolved.host);
			scheduleFromState(runtime);
			runtime.scheduler.start();
		},
		close: async () => {
			if (!running) return;
			running = false;
			await shutDown();
		},
	};
}
