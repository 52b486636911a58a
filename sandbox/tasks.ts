/**
 * Account tasks (`GET /sms/{serviceName}/task/{taskId}`, `sms.Task`): work OVHcloud does after
 * answering, such as an address book import or a recipient list cleaning. What a task will do is
 * decided when it is created and kept in the state as data, so it survives a restart and is
 * applied when the task falls due.
 */
import type { SmsTask, Wire } from '../lib/ovh/models';
import { nextId, type SandboxRuntime } from './runtime';
import type { AccountState, PhonebookContactState, SmsTaskState } from './types';

export type TaskEffect =
  | { kind: 'addContacts'; bookKey: string; contacts: Array<Omit<PhonebookContactState, 'id'>> }
  | { kind: 'replaceSlot'; slotId: number; csv: string; records: number };

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

function completeTask(runtime: SandboxRuntime, account: AccountState, task: SmsTaskState): void {
  if (task.status !== 'doing' && task.status !== 'todo') return;
  const effect = task.effect as TaskEffect;
  if (effect.kind === 'addContacts') {
    const book = account.phonebooks?.[effect.bookKey];
    if (!book) {
      task.status = 'error';
      task.message = `The address book ${effect.bookKey} was deleted during the import`;
    } else {
      for (const contact of effect.contacts) {
        const id = nextId(runtime);
        book.contacts[id] = { id, ...contact };
      }
      task.status = 'done';
    }
  } else {
    const slot = account.receivers?.[String(effect.slotId)];
    if (!slot) {
      task.status = 'error';
      task.message = `The receivers slot ${effect.slotId} was deleted during the cleaning`;
    } else {
      slot.csv = effect.csv;
      slot.records = effect.records;
      task.status = 'done';
    }
  }
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
