/** `/sms/{serviceName}/task`: work done after the answer (address book imports, list cleanings). */
import { notFound } from '../http';
import { longParam } from '../params';
import { api, type Route } from '../router';
import { requireAccount } from '../runtime';
import { tasksOf, taskView } from '../tasks';
import { enumValue } from '../validation';

const STATUSES = ['cancelled', 'doing', 'done', 'error', 'todo'] as const;

export const taskRoutes: Route[] = [
  api('GET', '/sms/{serviceName}/task', (ctx) => {
    const account = requireAccount(ctx.runtime, ctx.params.serviceName);
    const raw = ctx.query.get('status');
    const status = raw ? enumValue(raw, 'status', STATUSES, 'telephony.TaskStatusEnum') : undefined;
    return Object.values(tasksOf(account))
      .filter((task) => !status || task.status === status)
      .map((task) => task.taskId);
  }),
  api('GET', '/sms/{serviceName}/task/{taskId}', (ctx) => {
    const account = requireAccount(ctx.runtime, ctx.params.serviceName);
    const taskId = longParam(ctx.params.taskId, 'taskId');
    const task = tasksOf(account)[taskId];
    if (!task) throw notFound(taskId);
    return taskView(task);
  }),
];
