import { OvhClient, SmsApi, type OvhHttpRequest } from '../../../lib/ovh';

/** An SmsApi whose client records each request and answers 200 with `answer`, or 404 with `status`. */
function apiAnswering(answer: unknown = null, status = 200) {
	const requests: OvhHttpRequest[] = [];
	const client = new OvhClient({
		baseUrl: 'https://eu.api.ovh.com/1.0',
		auth: { type: 'transport', signsWithTimestamp: false },
		sleep: async () => undefined,
		random: () => 0.5,
		retry: { maxAttempts: 3 },
		transport: async (request) => {
			requests.push(request);
			return { status, headers: {}, body: JSON.stringify(status === 200 ? answer : { message: 'The requested object does not exist' }) };
		},
	});
	return { api: new SmsApi(client, 'sms-ab12345-1'), requests };
}

const route = (request: OvhHttpRequest) => `${request.method} ${request.url.replace('https://eu.api.ovh.com/1.0', '')}`;

describe('SmsApi', () => {
	test.each<[string, (api: SmsApi) => Promise<unknown>, string]>([
		['the accounts the credential can use', (api) => SmsApi.listServices(api.client), 'GET /sms'],
		['the account', (api) => api.getAccount(), 'GET /sms/sms-ab12345-1'],
		[
			"a virtual number's received SMS",
			(api) => api.listSmsIds('incoming', undefined, '33612345678'),
			'GET /sms/sms-ab12345-1/virtualNumbers/33612345678/incoming',
		],
		['an SMS waiting to be sent', (api) => api.findSms('jobs', 42), 'GET /sms/sms-ab12345-1/jobs/42'],
		['a sender whose name has a space', (api) => api.getSender('My Shop'), 'GET /sms/sms-ab12345-1/senders/My%20Shop'],
		['a contact of a book', (api) => api.deleteContact('book-1', 7), 'DELETE /sms/sms-ab12345-1/phonebooks/book-1/phonebookContact/7'],
		['a recipient list as CSV', (api) => api.receiverCsv(3), 'GET /sms/sms-ab12345-1/receivers/3/csv'],
		['a campaign cancelled', (api) => api.cancelBatch('b-1'), 'POST /sms/sms-ab12345-1/batches/b-1/cancel'],
		['a number lookup requested', (api) => api.requestLookups({ receivers: ['+33612345678'] }), 'POST /sms/sms-ab12345-1/hlr'],
		["a number lookup's operator", (api) => api.getLookupOperator(9), 'GET /sms/sms-ab12345-1/hlr/9/operator'],
		['a STOP entry', (api) => api.findBlacklistEntry('+33612345678'), 'GET /sms/sms-ab12345-1/blacklists/%2B33612345678'],
		['an uploaded file', (api) => api.deleteDocument('doc-1'), 'DELETE /me/document/doc-1'],
	])('%s is read or written on its route', async (_what, call, expected) => {
		const { api, requests } = apiAnswering();
		await call(api);
		expect(requests.map(route)).toEqual([expected]);
	});

	test('what can be done twice is retried after a server error, what spends credits or creates is not', async () => {
		const fails = () => apiAnswering(null, 503);
		const quote = fails();
		await expect(quote.api.cleanReceiver(3, { freemium: true, priceOnly: true })).rejects.toThrow();
		expect(quote.requests.length).toBeGreaterThan(1);
		const cleaning = fails();
		await expect(cleaning.api.cleanReceiver(3, { freemium: true, priceOnly: false })).rejects.toThrow();
		expect(cleaning.requests).toHaveLength(1);
		const lookup = fails();
		await expect(lookup.api.requestLookups({ receivers: ['+33612345678'] })).rejects.toThrow();
		expect(lookup.requests).toHaveLength(1);
		const campaign = fails();
		await expect(campaign.api.createBatch({ message: 'Hi', to: ['+33612345678'] })).rejects.toThrow();
		expect(campaign.requests).toHaveLength(1);
	});

	test('a missing object reads as undefined, a missing text as empty', async () => {
		const { api } = apiAnswering(null, 404);
		await expect(api.findSender('Nope')).resolves.toBeUndefined();
		await expect(api.findContactIds('book-1')).resolves.toBeUndefined();
		await expect(api.listVirtualNumbersIfAny()).resolves.toEqual([]);
		await expect(apiAnswering({ not: 'text' }).api.receiverCsv(3)).resolves.toBe('');
	});
});
