import { startSandbox, type Sandbox } from '../../../sandbox';
import { uploadDocument } from './contactsHelpers';
import { modelProblems } from './publishedModels';
import { eventually, ovh, type HttpAnswer } from './ovh-test-client';

// Every route the nodes call, with the published model of its answer: the sandbox must answer
// what OVHcloud's models allow, or the nodes are tested against an API that does not exist.
let sandbox: Sandbox;
const sms = (path = '') => `/sms/${sandbox.serviceName}${path}`;
const VLN = '33700000001';
const BOOK = 'b0c5a1d2e3f40001';

interface Seeded {
	deferredJob: number;
	outgoing: number;
	shortNumberReply: number;
	virtualNumberReply: number;
	virtualNumberJob: number;
	virtualNumberOutgoing: number;
	stoppedNumber: string;
	batchId: string;
	documentId: string;
	listDocumentId: string;
	senderDocumentId: string;
	cleaningTaskId: number;
	lookup: number;
}
let seeded: Seeded;

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 5 });
	const post = async (path: string, body: unknown) => (await ovh(sandbox, 'POST', path, { body })).json;
	const deferred = await post(sms('/jobs'), { message: 'Later', sender: 'MyCompany', receivers: ['+33611112222'], differedPeriod: 60 });
	// No tag: the model still wants a string in tag.
	const sent = await post(sms('/jobs'), { message: 'Now', senderForResponse: true, receivers: ['+33633334444'], noStopClause: true });
	const vlnDeferred = await post(sms(`/virtualNumbers/${VLN}/jobs`), { message: 'Later', receivers: ['+33655556666'], differedPeriod: 60 });
	const vlnSent = await post(sms(`/virtualNumbers/${VLN}/jobs`), { message: 'Hi', receivers: ['+33677778888'] });
	const shortNumberReply = await sandbox.injectIncoming({ sender: '+33699990000', message: 'hello' });
	const virtualNumberReply = await sandbox.injectIncoming({ sender: '+33677778888', message: 'STOP', virtualNumber: VLN });
	const batch = await post(sms('/batches'), { message: 'Promo', from: 'MyCompany', to: ['+33612121212', 'nope'], name: 'P' });
	const documentId = await uploadDocument(sandbox, 'c.csv', 'group;name;surname;homeMobile\nA;B;C;+33611111111\n');
	const listDocumentId = await uploadDocument(sandbox, 'l.csv', 'number\n+33611111111\n');
	const senderDocument = await post(sms('/senders/Pending/documents'), { name: 'kbis.pdf' });
	const cleaning = await post(sms('/receivers/1/clean'), { freemium: false, priceOnly: false });
	// A ported number: every field of the lookup is set.
	const lookups = await post(sms('/hlr'), { receivers: ['+33612340007'] });
	seeded = {
		deferredJob: deferred.ids[0],
		outgoing: sent.ids[0],
		shortNumberReply: shortNumberReply.id,
		virtualNumberReply: virtualNumberReply.id,
		virtualNumberJob: vlnDeferred.ids[0],
		virtualNumberOutgoing: vlnSent.ids[0],
		stoppedNumber: '+33677778888',
		batchId: batch.id,
		documentId,
		listDocumentId,
		senderDocumentId: senderDocument.documentID,
		cleaningTaskId: cleaning.taskId,
		lookup: lookups.ids[0],
	};
	await eventually(async () => (await ovh(sandbox, 'GET', sms(`/hlr/${seeded.lookup}`))).json.status === 'done');
	await eventually(async () => (await ovh(sandbox, 'GET', sms(`/outgoing/${seeded.outgoing}`))).json.deliveryReceipt === 1);
});
afterAll(() => sandbox.close());

interface RouteCase {
	route: string;
	model: string;
	/** The answer is a list of that model. */
	list?: true;
	/** A batch GET (`X-Ovh-Batch`): each entry's `value` is checked. */
	batch?: true;
	call: () => Promise<HttpAnswer>;
}

const get = (path: string) => () => ovh(sandbox, 'GET', path);
const post = (path: string, body: () => unknown) => () => ovh(sandbox, 'POST', path, { body: body() });

const ROUTES: RouteCase[] = [
	{ route: 'GET /sms/{sn}', model: 'sms.Account', call: () => get(sms())() },
	{
		route: 'POST /sms/estimate',
		model: 'sms.JobEstimate',
		call: () => post('/sms/estimate', () => ({ message: 'Hé', noStopClause: false, senderType: 'alpha' }))(),
	},
	{ route: 'GET /sms/ptts', model: 'sms.PttDetails', call: () => get('/sms/ptts?ptt=4')() },
	{
		route: 'POST /sms/{sn}/jobs',
		model: 'sms.SmsSendingReport',
		call: () => post(sms('/jobs'), () => ({ message: 'x', sender: 'MyCompany', receivers: ['+33612345670', 'bad'], tag: 't' }))(),
	},
	{
		route: 'POST /sms/{sn}/virtualNumbers/{n}/jobs',
		model: 'sms.SmsSendingReport',
		call: () => post(sms(`/virtualNumbers/${VLN}/jobs`), () => ({ message: 'x', receivers: ['+33612345671'] }))(),
	},
	{ route: 'GET /sms/{sn}/jobs/{id}', model: 'sms.Job', call: () => get(sms(`/jobs/${seeded.deferredJob}`))() },
	{ route: 'GET /sms/{sn}/outgoing/{id}', model: 'sms.Outgoing', call: () => get(sms(`/outgoing/${seeded.outgoing}`))() },
	{
		route: 'GET /sms/{sn}/outgoing/{ids} (batch)',
		model: 'sms.Outgoing',
		batch: true,
		call: () => ovh(sandbox, 'GET', sms(`/outgoing/${seeded.outgoing},${seeded.outgoing}`), { headers: { 'X-Ovh-Batch': ',' } }),
	},
	{ route: 'GET /sms/{sn}/incoming/{id}', model: 'sms.Incoming', call: () => get(sms(`/incoming/${seeded.shortNumberReply}`))() },
	{ route: 'GET /sms/{sn}/virtualNumbers/{n}', model: 'sms.VirtualNumber', call: () => get(sms(`/virtualNumbers/${VLN}`))() },
	{
		route: 'GET /sms/{sn}/virtualNumbers/{n}/jobs/{id}',
		model: 'sms.VirtualNumberJob',
		call: () => get(sms(`/virtualNumbers/${VLN}/jobs/${seeded.virtualNumberJob}`))(),
	},
	{
		route: 'GET /sms/{sn}/virtualNumbers/{n}/outgoing/{id}',
		model: 'sms.Outgoing',
		call: () => get(sms(`/virtualNumbers/${VLN}/outgoing/${seeded.virtualNumberOutgoing}`))(),
	},
	{
		route: 'GET /sms/{sn}/virtualNumbers/{n}/incoming/{id}',
		model: 'sms.Incoming',
		call: () => get(sms(`/virtualNumbers/${VLN}/incoming/${seeded.virtualNumberReply}`))(),
	},
	{
		route: 'GET /sms/{sn}/blacklists/{number}',
		model: 'sms.Blacklist',
		call: () => get(sms(`/blacklists/${encodeURIComponent(seeded.stoppedNumber)}`))(),
	},
	{ route: 'GET /sms/{sn}/senders/{sender}', model: 'sms.Sender', call: () => get(sms('/senders/Refused'))() },
	{
		route: 'GET /sms/{sn}/senders/{sender} (batch)',
		model: 'sms.Sender',
		batch: true,
		call: () => ovh(sandbox, 'GET', sms('/senders/MyCompany,33612345678,33700000001'), { headers: { 'X-Ovh-Batch': ',' } }),
	},
	{
		route: 'GET /sms/{sn}/sendersAvailableForValidation',
		model: 'sms.SenderAvailable',
		list: true,
		call: () => get(sms('/sendersAvailableForValidation'))(),
	},
	{
		route: 'POST /sms/{sn}/senders/{sender}/documents',
		model: 'sms.SenderDocument',
		call: () => post(sms('/senders/Pending/documents'), () => ({ name: 'id.png' }))(),
	},
	{
		route: 'GET /sms/{sn}/senders/{sender}/documents/{id}',
		model: 'sms.SenderDocument',
		call: () => get(sms(`/senders/Pending/documents/${seeded.senderDocumentId}`))(),
	},
	{
		route: 'POST /sms/{sn}/batches',
		model: 'sms.Batch',
		call: () =>
			post(sms('/batches'), () => ({ message: 'Hi', from: 'MyCompany', to: ['+33612121213'], deferred: '2099-01-01T10:00:00+01:00' }))(),
	},
	{ route: 'GET /sms/{sn}/batches', model: 'sms.Batch', list: true, call: () => get(sms('/batches'))() },
	{ route: 'GET /sms/{sn}/batches/{id}', model: 'sms.Batch', call: () => get(sms(`/batches/${seeded.batchId}`))() },
	{
		route: 'GET /sms/{sn}/batches/{id}/statistics',
		model: 'sms.BatchStatistics',
		call: () => get(sms(`/batches/${seeded.batchId}/statistics`))(),
	},
	{
		route: 'PUT /sms/{sn}/batches/{id}',
		model: 'sms.Batch',
		call: () => ovh(sandbox, 'PUT', sms(`/batches/${seeded.batchId}`), { body: { name: 'Renamed' } }),
	},
	{
		route: 'POST /sms/{sn}/batches/{id}/cancel',
		model: 'sms.Batch',
		call: async () => {
			const later = await ovh(sandbox, 'POST', sms('/batches'), {
				body: { message: 'Hi', from: 'MyCompany', to: ['+33612121214'], deferred: '2099-01-01T10:00:00+01:00' },
			});
			return ovh(sandbox, 'POST', sms(`/batches/${later.json.id}/cancel`));
		},
	},
	{ route: 'GET /sms/{sn}/phonebooks/{bookKey}', model: 'sms.Phonebook', call: () => get(sms(`/phonebooks/${BOOK}`))() },
	{
		route: 'GET /sms/{sn}/phonebooks/{bookKey}/phonebookContact/{id}',
		model: 'sms.PhonebookContact',
		call: () => get(sms(`/phonebooks/${BOOK}/phonebookContact/5000001`))(),
	},
	{
		route: 'GET .../phonebookContact/{ids} (batch)',
		model: 'sms.PhonebookContact',
		batch: true,
		call: () => ovh(sandbox, 'GET', sms(`/phonebooks/${BOOK}/phonebookContact/5000001,5000002`), { headers: { 'X-Ovh-Batch': ',' } }),
	},
	{
		route: 'POST /sms/{sn}/phonebooks/{bookKey}/import',
		model: 'telephony.Task',
		call: () => post(sms(`/phonebooks/${BOOK}/import`), () => ({ documentId: seeded.documentId }))(),
	},
	{
		route: 'GET /sms/{sn}/phonebooks/{bookKey}/export',
		model: 'telephony.PcsFile',
		call: () => get(sms(`/phonebooks/${BOOK}/export?format=csv`))(),
	},
	{ route: 'GET /sms/{sn}/receivers/{slotId}', model: 'sms.Receiver', call: () => get(sms('/receivers/1'))() },
	{
		route: 'POST /sms/{sn}/receivers',
		model: 'sms.Receiver',
		call: () => post(sms('/receivers'), () => ({ slotId: 5, description: 'L', autoUpdate: false, documentId: seeded.listDocumentId }))(),
	},
	{
		route: 'POST /sms/{sn}/receivers/{slotId}/clean (quote)',
		model: 'sms.ReceiversAsynchronousCleanReport',
		call: () => post(sms('/receivers/1/clean'), () => ({ freemium: false, priceOnly: true }))(),
	},
	{ route: 'GET /sms/{sn}/task/{taskId}', model: 'sms.Task', call: () => get(sms(`/task/${seeded.cleaningTaskId}`))() },
	{ route: 'GET /sms/{sn}/outgoing/{id}/hlr', model: 'sms.Hlr', call: () => get(sms(`/outgoing/${seeded.outgoing}/hlr`))() },
	{
		route: 'POST /sms/{sn}/hlr',
		model: 'sms.SmsSendingReport',
		call: () => post(sms('/hlr'), () => ({ receivers: ['+33612345672', 'bad'] }))(),
	},
	{ route: 'GET /sms/{sn}/hlr/{id}', model: 'sms.HlrLookupNumber', call: () => get(sms(`/hlr/${seeded.lookup}`))() },
	{
		route: 'GET /sms/{sn}/hlr/{ids} (batch)',
		model: 'sms.HlrLookupNumber',
		batch: true,
		call: () => ovh(sandbox, 'GET', sms(`/hlr/${seeded.lookup},${seeded.lookup}`), { headers: { 'X-Ovh-Batch': ',' } }),
	},
	{ route: 'GET /sms/{sn}/hlr/{id}/operator', model: 'sms.Hlr', call: () => get(sms(`/hlr/${seeded.lookup}/operator`))() },
	{ route: 'POST /me/document', model: 'nichandle.document.Document', call: () => post('/me/document', () => ({ name: 'n.csv' }))() },
];

/** `/me/document` is in the `/me` API, not `@ovh-api/sms`: its fields as the 2024 schema lists them. */
function documentProblems(value: Record<string, unknown>): string[] {
	const required = ['id', 'name', 'size', 'creationDate', 'getUrl', 'putUrl', 'tags'];
	const optional = ['expirationDate', 'validationDate'];
	return [
		...required.filter((field) => value[field] === undefined || value[field] === null).map((field) => `${field}: required`),
		...Object.keys(value)
			.filter((field) => !required.includes(field) && !optional.includes(field))
			.map((field) => `${field}: not in the model`),
	];
}

describe('the sandbox answers with OVHcloud’s published models', () => {
	it.each(ROUTES)('$route answers $model', async ({ model, list, batch, call }) => {
		const answer = await call();
		expect(answer.status).toBe(200);
		if (model === 'nichandle.document.Document') {
			expect(documentProblems(answer.json)).toEqual([]);
			return;
		}
		const values: unknown[] = batch ? answer.json.map((entry: { value: unknown }) => entry.value) : list ? answer.json : [answer.json];
		expect(values.length).toBeGreaterThan(0);
		expect(values.flatMap((value, index) => modelProblems(model, value, `${model}[${index}]`))).toEqual([]);
	});

	// Listings answer ids: long[] or string[] as the package's route signatures say.
	it.each([
		['GET /sms', 'string', () => '/sms'],
		['GET /sms/{sn}/jobs', 'number', () => sms('/jobs')],
		['GET /sms/{sn}/outgoing', 'number', () => sms('/outgoing')],
		['GET /sms/{sn}/incoming', 'number', () => sms('/incoming')],
		['GET /sms/{sn}/virtualNumbers', 'string', () => sms('/virtualNumbers')],
		['GET /sms/{sn}/virtualNumbers/{n}/incoming', 'number', () => sms(`/virtualNumbers/${VLN}/incoming`)],
		['GET /sms/{sn}/virtualNumbers/{n}/jobs', 'number', () => sms(`/virtualNumbers/${VLN}/jobs`)],
		['GET /sms/{sn}/senders', 'string', () => sms('/senders')],
		['GET /sms/{sn}/senders/{sender}/documents', 'string', () => sms('/senders/Pending/documents')],
		['GET /sms/{sn}/blacklists', 'string', () => sms('/blacklists')],
		['GET /sms/{sn}/phonebooks', 'string', () => sms('/phonebooks')],
		['GET /sms/{sn}/phonebooks/{bookKey}/phonebookContact', 'number', () => sms(`/phonebooks/${BOOK}/phonebookContact`)],
		['GET /sms/{sn}/receivers', 'number', () => sms('/receivers')],
		['GET /sms/{sn}/task', 'number', () => sms('/task')],
		['GET /sms/{sn}/hlr', 'number', () => sms('/hlr')],
	])('%s answers a non-empty list of %s ids', async (_route, type, path) => {
		const answer = await ovh(sandbox, 'GET', path());
		expect(answer.status).toBe(200);
		expect(answer.json.length).toBeGreaterThan(0);
		expect(answer.json.filter((id: unknown) => typeof id !== type)).toEqual([]);
	});

	it('catches an answer the model does not allow (the check can fail)', () => {
		const outgoing = {
			id: 1,
			creationDatetime: 'x',
			credits: 1,
			deliveryReceipt: 0,
			differedDelivery: 0,
			message: 'm',
			messageLength: 1,
			numberOfSms: 1,
			ptt: 0,
			receiver: '+33',
			sender: 'S',
			tag: null,
			tariffCode: null,
		};
		expect(modelProblems('sms.Outgoing', outgoing)).toEqual([
			'sms.Outgoing.tag: required and not null in the model, got null',
			'sms.Outgoing.tariffCode: required and not null in the model, got null',
		]);
		expect(modelProblems('sms.Task', { taskId: 1, function: 'importPhonebookContacts', status: 'done', step: 'finishing' })).toEqual([
			'sms.Task.function: "importPhonebookContacts" is not "cleanSmsReceivers"',
		]);
		expect(modelProblems('sms.Batch', { accountID: 'sms-x' })).toContain('sms.Batch.accountID: a number was expected, got "sms-x"');
		expect(
			modelProblems('sms.Incoming', { id: 1, creationDatetime: 'x', credits: 0, message: 'm', sender: 's', tag: '', unread: true }),
		).toEqual(['sms.Incoming.unread: not in the model']);
	});
});
