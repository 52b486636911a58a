/**
 * Account tasks (`GET /sms/{serviceName}/task/{taskId}`, `sms.Task`): work OVHcloud does after
 * answering, such as an address book import or a recipient list cleaning. What a task will do is
 * decided when it is created and kept in the state as data, so it survives a restart and is
 * applied when the task falls due.
 */
import type { SmsTask, Wire } from '../lib/ovh/models';
import { documentText } from './documents';
import { parseSlotCsv } from './receiver-slots';
import { nextId, type SandboxRuntime } from './runtime';
import type { AccountState, PhonebookContactState, SmsTaskState } from './types';

export type TaskEffect =
	| { kind: 'addContacts'; bookKey: string; contacts: Array<Omit<PhonebookContactState, 'id'>> }
	| { kind: 'replaceSlot'; slotId: number; csv: string; records: number }
	/** Fault `receiversDocument: 'readLater'`: the list's file is read after the answer. */
	| { kind: 'readSlotDocument'; slotId: number; documentId: string };

export function tasksOf(account: AccountState): Record<string, SmsTaskState> {
	return (account.tasks ??= {});
}

export function createTask(
	runtime: SandboxRuntime,
	account: AccountState,
	fn: SmsTaskState['function'],
	effect: TaskEffect,
	message: string,
): SmsTaskState {
	const task: SmsTaskState = {
		taskId: nextId(runtime),
		function: fn,
		status: 'doing',
		step: 'starting',
		message,
		dueAt: runtime.now() + runtime.options.deliveryDelayMs,
		effect,
	};
	tasksOf(account)[task.taskId] = task;
	scheduleTask(runtime, account.name, task);
	runtime.changed();
	return task;
}

export function scheduleTask(runtime: SandboxRuntime, serviceName: string, task: SmsTaskState): void {
	if (task.status !== 'doing' && task.status !== 'todo') return;
	runtime.scheduler.at(task.dueAt, () => {
		const account = runtime.state.accounts[serviceName];
		if (!account || tasksOf(account)[task.taskId] !== task) return;
		completeTask(runtime, account, task);
	});
}

type EffectOf<K extends TaskEffect['kind']> = Extract<TaskEffect, { kind: K }>;
type Outcome = { status: 'done' } | { status: 'error'; message: string };

/** What each kind of task does when due. */
const APPLY: { [K in TaskEffect['kind']]: (runtime: SandboxRuntime, account: AccountState, effect: EffectOf<K>) => Outcome } = {
	addContacts: (runtime, account, effect) => {
		const book = account.phonebooks?.[effect.bookKey];
		if (!book) return { status: 'error', message: `The address book ${effect.bookKey} was deleted during the import` };
		for (const contact of effect.contacts) {
			const id = nextId(runtime);
			book.contacts[id] = { id, ...contact };
		}
		return { status: 'done' };
	},
	replaceSlot: (_runtime, account, effect) => {
		const slot = account.receivers?.[String(effect.slotId)];
		if (!slot) return { status: 'error', message: `The receivers slot ${effect.slotId} was deleted during the cleaning` };
		slot.csv = effect.csv;
		slot.records = effect.records;
		return { status: 'done' };
	},
	readSlotDocument: (runtime, account, effect) => {
		const slot = account.receivers?.[String(effect.slotId)];
		if (!slot) return { status: 'error', message: `The receivers slot ${effect.slotId} was deleted before its file was read` };
		let csv: string;
		try {
			csv = documentText(runtime, effect.documentId).replace(/^\uFEFF/, '');
		} catch (error) {
			// The file went before it was read: the list stays empty, as feared of the real API.
			return { status: 'error', message: error instanceof Error ? error.message : String(error) };
		}
		slot.csv = csv;
		slot.records = parseSlotCsv(csv).length;
		return { status: 'done' };
	},
};

function completeTask(runtime: SandboxRuntime, account: AccountState, task: SmsTaskState): void {
	if (task.status !== 'doing' && task.status !== 'todo') return;
	const effect = task.effect as TaskEffect;
	const outcome = (APPLY[effect.kind] as (runtime: SandboxRuntime, account: AccountState, effect: TaskEffect) => Outcome)(
		runtime,
		account,
		effect,
	);
	task.status = outcome.status;
	if (outcome.status === 'error') task.message = outcome.message;
	task.step = 'finishing';
	runtime.changed();
}

/** Whether `/task` shows it: OVHcloud's `sms.Task` describes receiver cleaning only. */
export function isPublicTask(task: SmsTaskState): task is SmsTaskState & { function: 'cleanSmsReceivers' } {
	return task.function === 'cleanSmsReceivers';
}

export function taskView(task: SmsTaskState & { function: 'cleanSmsReceivers' }): Wire<SmsTask> {
	return { taskId: task.taskId, function: task.function, status: task.status, step: task.step };
}
