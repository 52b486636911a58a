/**
 * `/sms/{serviceName}/task`: receiver list cleanings, the only work OVHcloud's `sms.Task` model
 * describes. Address book imports run as tasks too but are not shown here (see docs/sandbox.md).
 */
import { notFound } from '../http';
import { longParam } from '../params';
import { api, type Route } from '../router';
import { requireAccount } from '../runtime';
import { isPublicTask, tasksOf, taskView } from '../tasks';
import { enumValue } from '../validation';

const STATUSES = ['doing', 'done', 'error', 'pause', 'todo'] as const;

export const taskRoutes: Route[] = [
	api('GET', '/sms/{serviceName}/task', (ctx) => {
		const account = requireAccount(ctx.runtime, ctx.params.serviceName);
		const raw = ctx.query.get('status');
		const status = raw ? enumValue(raw, 'status', STATUSES, 'telephony.TaskStatusEnum') : undefined;
		return Object.values(tasksOf(account))
			.filter(isPublicTask)
			.filter((task) => !status || task.status === status)
			.map((task) => task.taskId);
	}),
	api('GET', '/sms/{serviceName}/task/{taskId}', (ctx) => {
		const account = requireAccount(ctx.runtime, ctx.params.serviceName);
		const taskId = longParam(ctx.params.taskId, 'taskId');
		const task = tasksOf(account)[taskId];
		if (!task || !isPublicTask(task)) throw notFound(taskId);
		return taskView(task);
	}),
];
