import { OvhClient, type OvhHttpRequest, type OvhHttpResponse } from '../../../lib/ovh';

// Issue 16 §2.2: the {key, value, error} shape of batch GET answers is not in OVHcloud's schema.
// Whatever the API answers, getMany must give each asked id its object (or its error), in order.
const json = (status: number, body: unknown): OvhHttpResponse => ({ status, headers: {}, body: JSON.stringify(body) });
const sms = (id: string) => ({ id: Number(id), message: `text ${id}` });

function clientAnswering(batchAnswer: (ids: string[]) => OvhHttpResponse) {
	const calls: OvhHttpRequest[] = [];
	const client = new OvhClient({
		baseUrl: 'https://eu.api.ovh.com/1.0',
		auth: { type: 'transport', signsWithTimestamp: false },
		sleep: async () => undefined,
		random: () => 0.5,
		transport: async (request) => {
			calls.push(request);
			const last = decodeURIComponent(request.url.split('/').pop()!);
			if (request.headers['X-Ovh-Batch']) return batchAnswer(last.split(','));
			return last === '404'
				? json(404, { class: 'Client::NotFound', message: `The requested object (id = ${last}) does not exist` })
				: json(200, sms(last));
		},
	});
	const batchCalls = () => calls.filter((call) => call.headers['X-Ovh-Batch']).length;
	const singleCalls = () => calls.filter((call) => !call.headers['X-Ovh-Batch']).length;
	return { client, batchCalls, singleCalls };
}

const IDS = ['11', '404', '13'];
const EXPECTED = [
	{ id: '11', value: sms('11') },
	{ id: '404', error: expect.stringContaining('does not exist') },
	{ id: '13', value: sms('13') },
];

describe('batch GET answers (getMany)', () => {
	test.each([
		[
			'{key, value, error} items, as the sandbox assumes',
			(ids: string[]) =>
				json(
					200,
					ids.map((key) =>
						key === '404'
							? { key, value: null, error: 'The requested object (id = 404) does not exist' }
							: { key, value: sms(key), error: '' },
					),
				),
		],
		[
			'items without keys, one per id in order',
			(ids: string[]) =>
				json(
					200,
					ids.map((key) =>
						key === '404' ? { value: null, error: 'The requested object (id = 404) does not exist' } : { value: sms(key) },
					),
				),
		],
		[
			'keyed items in another order',
			(ids: string[]) =>
				json(
					200,
					[...ids]
						.reverse()
						.map((key) =>
							key === '404' ? { key: 404, error: 'The requested object (id = 404) does not exist' } : { key: Number(key), value: sms(key) },
						),
				),
		],
	])('read in one call: %s', async (_shape, answer) => {
		const { client, batchCalls, singleCalls } = clientAnswering(answer);
		await expect(client.getMany('/sms/x/incoming', IDS)).resolves.toEqual(EXPECTED);
		expect([batchCalls(), singleCalls()]).toEqual([1, 0]);
	});

	test.each([
		['an array of the bare objects', (ids: string[]) => json(200, ids.filter((id) => id !== '404').map(sms))],
		['one object for the whole list', () => json(200, sms('11'))],
		[
			'items keyed with ids not asked',
			(ids: string[]) =>
				json(
					200,
					ids.map((key) => ({ key: `x${key}`, value: sms(key) })),
				),
		],
		[
			'the list refused as one bad id (400)',
			() => json(400, { class: 'Client::BadRequest', message: '[id] Given data (11,404,13) is not a valid long' }),
		],
		[
			'the list read as one unknown id (404)',
			() => json(404, { class: 'Client::NotFound', message: 'The requested object (id = 11,404,13) does not exist' }),
		],
	])('falls back to one GET per id when answered %s, and keeps to it', async (_shape, answer) => {
		const { client, batchCalls, singleCalls } = clientAnswering(answer);
		await expect(client.getMany('/sms/x/incoming', IDS)).resolves.toEqual(EXPECTED);
		expect([batchCalls(), singleCalls()]).toEqual([1, 3]);
		await expect(client.getMany('/sms/x/incoming', ['11', '13'])).resolves.toEqual([EXPECTED[0], EXPECTED[2]]);
		expect([batchCalls(), singleCalls()]).toEqual([1, 5]);
	});

	test('a server failure is not taken for an unsupported batch: it is reported', async () => {
		const { client, singleCalls } = clientAnswering(() =>
			json(403, { class: 'Client::Forbidden', message: 'This call has not been granted' }),
		);
		await expect(client.getMany('/sms/x/incoming', IDS)).rejects.toThrow(/not been granted/);
		expect(singleCalls()).toBe(0);
	});
});

test('one unknown id answered 404 as a single GET would be (header ignored) is that id’s error, not a failure', async () => {
	const { client } = clientAnswering(() =>
		json(404, { class: 'Client::NotFound', message: 'The requested object (id = 404) does not exist' }),
	);
	await expect(client.getMany('/sms/x/incoming', ['404'])).resolves.toEqual([EXPECTED[1]]);
});
