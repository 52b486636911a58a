/**
 * The pack in n8n's queue mode, the set-up users move to when one machine is not enough: Redis
 * and PostgreSQL (Debian's packages), one main n8n and two workers, all started here on loopback
 * and stopped at the end. What a user would notice:
 * - a campaign split across executions runs on both workers and sends each SMS exactly once,
 *   and the account is debited exactly once per SMS, while the workers share the account's
 *   rate limit;
 * - the polling OVHcloud SMS Trigger runs on the main instance only (a poller per worker would
 *   triple the API calls and emit each reply three times), and each reply starts one execution.
 *
 * Skipped, with a line on stderr, only when redis-server or PostgreSQL is not installed
 * (`.ci/run` installs both).
 */
import type { Incoming } from '../../sandbox';
import { eventually } from './support/eventually';
import { INSTALL_AND_START_TIMEOUT_MS, type N8nSession } from './support/exampleServer';
import { outputOf } from './support/executions';
import { executionsRunBy, queueModeBinaries, startQueueCluster, type QueueCluster } from './support/queueCluster';
import { REPLY_POLLING_ID, REPLY_TRIGGER_NAME, replyPollingWorkflow } from './support/testWorkflows';

const binaries = queueModeBinaries();
if ('missing' in binaries) {
	process.stderr.write(
		`\n[e2e] SKIPPED the n8n queue mode test: ${binaries.missing} not found. Install them with \`apt-get install redis-server postgresql\`.\n\n`,
	);
}
const describeWhenInstalled = 'missing' in binaries ? describe.skip : describe;

const CAMPAIGN_ID = 'e2eQueueCampaign';
const CAMPAIGN_PATH = 'queue-campaign';
const EXECUTIONS = 10;
const PER_EXECUTION = 1000;
const TOTAL = EXECUTIONS * PER_EXECUTION;
const CREDITS = TOTAL + 2000;
/** The account's limit, shared by every worker (OVHcloud limits per consumer key). */
const RATE_LIMIT_PER_SECOND = 10;
const MESSAGE = 'Queue mode campaign: your order is ready for pickup.';
const CREDENTIALS = { ovhCloudApi: { id: 'ovhCloudApiStart', name: 'OVHcloud SMS sandbox' } };

const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Slice `k` of the campaign: 1,000 distinct French mobile numbers. */
function numbersOfSlice(slice: number): string[] {
	return Array.from({ length: PER_EXECUTION }, (_, index) => `+3361${String(slice * PER_EXECUTION + index).padStart(7, '0')}`);
}

/** Webhook (one slice of numbers per call) → OVHcloud SMS send; the call answers with the send result. */
function campaignWorkflow() {
	return {
		id: CAMPAIGN_ID,
		name: 'e2e: campaign slice per webhook call',
		active: false,
		nodes: [
			{
				id: '5e1a0c2b-0001-4a00-8000-000000000001',
				name: 'Slice',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '5e1a0c2b-0001-4a00-8000-0000000000aa',
				parameters: { httpMethod: 'POST', path: CAMPAIGN_PATH, responseMode: 'lastNode', options: {} },
			},
			{
				id: '5e1a0c2b-0001-4a00-8000-000000000002',
				name: 'Send the slice',
				type: 'n8n-nodes-ovh-sms.ovhSms',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					authentication: 'apiKey',
					resource: 'sms',
					operation: 'send',
					serviceName: { __rl: true, mode: 'id', value: 'sms-sb00001-1' },
					senderType: 'sender',
					sender: { __rl: true, mode: 'name', value: 'MyCompany' },
					recipientSource: 'numbers',
					receivers: '={{ $json.body.numbers }}',
					message: MESSAGE,
					options: { noStopClause: true },
				},
				credentials: CREDENTIALS,
			},
		],
		connections: { Slice: { main: [[{ node: 'Send the slice', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Ids and statuses of a workflow's executions, from n8n's list (no run data). */
async function listExecutions(session: N8nSession, workflowId: string): Promise<Array<{ id: string; status: string }>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const list = await session.call('GET', `/rest/executions?filter=${filter}&limit=100`);
	return ((Array.isArray(list) ? list : list.results) as Array<{ id: string | number; status: string }>).map((run) => ({
		id: String(run.id),
		status: run.status,
	}));
}

describeWhenInstalled('n8n queue mode: Redis, PostgreSQL, one main and two workers', () => {
	let cluster: QueueCluster;

	const account = () => cluster.sandbox.state.accounts[cluster.sandbox.serviceName];
	/** Which worker ran each execution, from the workers' own logs. */
	const workerOf = (executionIds: string[]) =>
		executionIds.map((id) =>
			cluster.workers.map((worker, index) => (executionsRunBy(worker).includes(id) ? index + 1 : 0)).filter(Boolean),
		);

	beforeAll(async () => {
		if ('missing' in binaries) return;
		cluster = await startQueueCluster({
			binaries,
			sandbox: { credits: CREDITS, rateLimitPerSecond: RATE_LIMIT_PER_SECOND, deliveryDelayMs: 50 },
			workflows: [campaignWorkflow(), replyPollingWorkflow()],
			publish: [CAMPAIGN_ID],
			workerCount: 2,
			// 10 executions at once cannot all fit on one worker: both must take some.
			workerConcurrency: 5,
			log,
		});
		const parts = cluster.startupParts;
		log(
			`queue mode cluster up in ${cluster.startupSeconds.toFixed(1)} s: Redis and PostgreSQL ${parts.servicesSeconds.toFixed(1)} s, ` +
				`n8n's migrations and the imports ${parts.importSeconds.toFixed(1)} s, then main and workers started together ` +
				`${parts.processesSeconds.toFixed(1)} s (main ready after ${cluster.main.readySeconds.toFixed(1)} s, workers after ` +
				`${cluster.workers.map((worker) => worker.readySeconds.toFixed(1)).join(' s and ')} s)`,
		);
	}, INSTALL_AND_START_TIMEOUT_MS);

	afterAll(async () => {
		const clean = await cluster?.stop();
		expect(clean ?? true).toBe(true);
	}, 120_000);

	test(`a campaign of ${TOTAL.toLocaleString('en')} numbers in ${EXECUTIONS} parallel executions: both workers send, each SMS exactly once`, async () => {
		const url = cluster.webhookUrl(CAMPAIGN_PATH);
		await cluster.runtime.waitForWebhook(url, { timeoutMs: 60_000 });
		const requestsBefore = cluster.sandbox.requests.length;
		const started = Date.now();
		const answers = await Promise.all(
			Array.from({ length: EXECUTIONS }, async (_, slice) => {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ slice, numbers: numbersOfSlice(slice) }),
					signal: AbortSignal.timeout(240_000),
				});
				return { slice, status: response.status, body: (await response.json()) as Record<string, any> };
			}),
		);
		const wallSeconds = (Date.now() - started) / 1000;

		// Each call answers with its own slice sent.
		for (const answer of answers) {
			expect({ slice: answer.slice, status: answer.status, sendStatus: answer.body.status }).toEqual({
				slice: answer.slice,
				status: 200,
				sendStatus: 'sent',
			});
			expect([...(answer.body.validReceivers as string[])].sort()).toEqual(numbersOfSlice(answer.slice));
			expect(answer.body.creditsRemoved).toBe(PER_EXECUTION);
		}

		// The sandbox's side: every number got exactly one SMS, and the account paid once for each.
		const campaignNumbers = new Set(Array.from({ length: EXECUTIONS }, (_, slice) => numbersOfSlice(slice)).flat());
		const sent = Object.values(account().outgoing).filter((sms) => sms.message === MESSAGE);
		const perNumber = new Map<string, number>();
		for (const sms of sent) perNumber.set(sms.receiver, (perNumber.get(sms.receiver) ?? 0) + 1);
		expect(sent.length).toBe(TOTAL);
		expect(perNumber.size).toBe(TOTAL);
		expect([...perNumber.keys()].every((number) => campaignNumbers.has(number))).toBe(true);
		expect([...perNumber.values()].filter((count) => count !== 1)).toEqual([]);
		expect(account().creditsLeft).toBe(CREDITS - TOTAL);

		// n8n's side: ten executions, all successful, each run by exactly one worker, both workers used.
		const executions = await eventually(
			async () => {
				const runs = await listExecutions(cluster.session, CAMPAIGN_ID);
				return runs.length >= EXECUTIONS && runs.every((run) => run.status === 'success') ? runs : undefined;
			},
			{ timeoutMs: 60_000, describe: () => 'the campaign executions did not all finish as successes' },
		);
		expect(executions).toHaveLength(EXECUTIONS);
		const ids = executions.map((run) => run.id);
		const ranBy = workerOf(ids);
		expect(ranBy.map((workers) => workers.length)).toEqual(ids.map(() => 1));
		const perWorker = cluster.workers.map((_, index) => ranBy.filter((workers) => workers[0] === index + 1).length);
		expect(perWorker.every((count) => count > 0)).toBe(true);

		const requests = cluster.sandbox.requests.slice(requestsBefore);
		const limited = requests.filter((request) => request.status === 429).length;
		const jobs = requests.filter((request) => request.method === 'POST' && request.path.endsWith('/jobs') && request.status === 200).length;
		log(
			`queue mode campaign: ${TOTAL.toLocaleString('en')} SMS in ${EXECUTIONS} executions (worker 1 ran ${perWorker[0]}, worker 2 ran ${perWorker[1]}) ` +
				`in ${wallSeconds.toFixed(1)} s; ${requests.length} API requests (${jobs} jobs accepted), ${limited} answered 429 ` +
				`(limit ${RATE_LIMIT_PER_SECOND}/s shared by both workers); ${sent.length} SMS in the sandbox, ${perNumber.size} numbers, ` +
				`${CREDITS - account().creditsLeft} credits debited`,
		);
	}, 300_000);

	test('the polling trigger polls from the main instance only, and each reply starts exactly one execution', async () => {
		const listingPath = `/1.0/sms/${cluster.sandbox.serviceName}/incoming`;
		// Answered listings: a poll whose listing met the rate limit (429) retries it, still one poll.
		const listings = () =>
			cluster.sandbox.requests.filter((request) => request.method === 'GET' && request.path === listingPath && request.status !== 429);
		const before = listings().length;
		const activatedAt = Date.now();
		await cluster.runtime.activateWorkflow(cluster.session, REPLY_POLLING_ID);
		// Activation polls once, to learn what already exists: only later replies are news.
		await eventually(() => (listings().length > before ? true : undefined), { describe: () => 'activation did not poll' });

		const emitted = async () => {
			const runs = await cluster.runtime.getExecutions(cluster.session, REPLY_POLLING_ID);
			return runs
				.filter((run) => run.status === 'success')
				.map((run) => ({ id: run.id, replies: outputOf(run, REPLY_TRIGGER_NAME).map((item) => item.id as number) }));
		};
		const replies: Incoming[] = [];
		for (let round = 1; round <= 3; round++) {
			const reply = await cluster.sandbox.injectIncoming({ sender: `+3361300000${round}`, message: `YES queue ${round}` });
			replies.push(reply);
			await eventually(async () => ((await emitted()).some((run) => run.replies.includes(reply.id)) ? true : undefined), {
				timeoutMs: 90_000,
				intervalMs: 1000,
				describe: () => `reply ${round} was not emitted`,
			});
		}
		// Two more polls with nothing new: a late duplicate would show here.
		const seen = listings().length;
		await eventually(() => (listings().length >= seen + 2 ? true : undefined), { timeoutMs: 60_000, intervalMs: 500 });
		await cluster.runtime.deactivateWorkflow(cluster.session, REPLY_POLLING_ID);
		const deactivatedAt = Date.now();
		await sleep(1000);

		const runs = await emitted();
		expect(runs.map((run) => run.replies)).toEqual(expect.arrayContaining(replies.map((reply) => [reply.id])));
		expect(runs).toHaveLength(replies.length);
		expect((await listExecutions(cluster.session, REPLY_POLLING_ID)).length).toBe(replies.length);

		// The schedule is one poll every 10 s (seconds 0, 10, … 50); a poller on each worker too
		// would make three polls per tick. Activation adds one listing of its own.
		const polls = listings().filter((request) => Date.parse(request.at) >= activatedAt && Date.parse(request.at) <= deactivatedAt).length;
		const ticks = Math.floor(deactivatedAt / 10_000) - Math.floor(activatedAt / 10_000);
		expect(polls).toBeGreaterThanOrEqual(3);
		expect(polls).toBeLessThanOrEqual(ticks + 1);
		const ranBy = workerOf(runs.map((run) => run.id));
		expect(ranBy.map((workers) => workers.length)).toEqual(runs.map(() => 1));
		log(
			`queue mode polling: ${polls} polls (listings) in ${((deactivatedAt - activatedAt) / 1000).toFixed(0)} s for ${ticks} schedule ticks ` +
				`(+1 at activation); ${replies.length} replies, ${runs.length} executions, run by worker ${ranBy.map((workers) => workers[0]).join(', ')}`,
		);
	}, 300_000);
});
