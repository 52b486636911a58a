/**
 * Sender moderation: a requested sender waits in `waitingValidation` until the moderator (the
 * clock, an admin call, or a validation code) enables or refuses it.
 */
import { badRequest, notFound } from './http';
import type { SandboxRuntime } from './runtime';
import type { SenderState } from './types';

export function scheduleSenderDecision(runtime: SandboxRuntime, serviceName: string, sender: SenderState): void {
	if (sender.decideAt === null || sender.status !== 'waitingValidation') return;
	runtime.scheduler.at(sender.decideAt, () => {
		const current = runtime.state.accounts[serviceName]?.senders[sender.sender];
		if (current !== sender || sender.status !== 'waitingValidation') return;
		sender.status = 'enable';
		sender.decideAt = null;
		runtime.changed();
	});
}

export function decideSender(
	runtime: SandboxRuntime,
	serviceName: string,
	name: string,
	status: 'enable' | 'refused',
	comment: string | null,
): SenderState {
	const sender = runtime.state.accounts[serviceName]?.senders[name];
	if (!sender) throw notFound(name);
	if (sender.status !== 'waitingValidation') {
		throw badRequest(`The sender ${name} is not waiting for validation (status: ${sender.status})`);
	}
	sender.status = status;
	sender.comment = comment;
	sender.decideAt = null;
	runtime.changed();
	return sender;
}
