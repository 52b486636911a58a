import { lookUpNumbers, type LookupGateway } from '../../../lib/numberLookup';
import { OvhApiError } from '../../../lib/ovh';
import type { SmsHlrLookup } from '../../../lib/ovh/models';

/** A fake `/hlr`: each number's lookup is done at once, unless its request is made to fail. */
function fakeApi(failRequest?: (call: number) => unknown) {
	const lookups = new Map<number, SmsHlrLookup>();
	const requests: string[][] = [];
	let nextId = 1;
	const gateway: LookupGateway = {
		async request(numbers) {
			requests.push(numbers);
			const failure = failRequest?.(requests.length);
			if (failure) throw failure;
			const ids = numbers.map((msisdn) => {
				const id = nextId++;
				lookups.set(id, {
					id,
					msisdn,
					datetime: '2026-01-01T10:00:00+01:00',
					status: msisdn.endsWith('9') ? 'doing' : 'done',
					valid: true,
					reachable: true,
					ported: false,
					roaming: false,
					operatorCode: '20801',
				});
				return id;
			});
			// The report lists the numbers in another order than the ids: the lookups read back decide.
			return { ids, validReceivers: [...numbers].reverse(), invalidReceivers: [], totalCreditsRemoved: numbers.length * 0.1 };
		},
		read: async (ids) => new Map(ids.flatMap((id) => (lookups.has(id) ? [[id, lookups.get(id)!] as const] : []))),
		operator: async () => ({ country: 'France', countryCode: 'fr', network: 'GSM', operator: 'Orange France', region: '' }),
	};
	return { gateway, requests };
}

const settings = {
	chunkSize: 2,
	withOperator: false,
	sleep: async () => {},
	nowMs: () => 0,
	timeLimitMs: 0,
	firstIntervalMs: 1,
	maxIntervalMs: 1,
};
const numbers = ['+33611111111', '+33622222222', '+33633333333'];

describe('lookUpNumbers', () => {
	test('asks in chunks and pairs each result with its number by the lookup read back, not the report order', async () => {
		const api = fakeApi();
		const run = await lookUpNumbers(api.gateway, numbers, settings);
		expect(api.requests).toEqual([numbers.slice(0, 2), numbers.slice(2)]);
		for (const number of numbers) expect(run.byNumber.get(number)).toMatchObject({ state: 'final', lookup: { msisdn: number } });
		expect(run.creditsRemoved).toBe(0.3);
	});

	test.each([
		[
			'an answer lost after sending (may have been billed)',
			new OvhApiError({ method: 'POST', path: '/hlr', ovhMessage: 'no answer', requestMayHaveBeenProcessed: true }),
			true,
		],
		[
			'a clear refusal (not billed)',
			new OvhApiError({
				method: 'POST',
				path: '/hlr',
				httpStatus: 403,
				ovhMessage: 'Not enough credits',
				requestMayHaveBeenProcessed: false,
			}),
			false,
		],
	])('%s: never asked again, later chunks not asked at all', async (_case, error, unconfirmed) => {
		const api = fakeApi((call) => (call === 1 ? error : undefined));
		const run = await lookUpNumbers(api.gateway, numbers, settings);
		expect(api.requests).toHaveLength(1);
		expect(numbers.map((number) => run.byNumber.get(number))).toEqual([
			{ state: 'notLookedUp', error, unconfirmed },
			{ state: 'notLookedUp', error, unconfirmed },
			{ state: 'notLookedUp', error, unconfirmed: false },
		]);
	});

	test('a lookup not final at the limit is pending with its id', async () => {
		const run = await lookUpNumbers(fakeApi().gateway, ['+33611111119'], settings);
		expect(run.byNumber.get('+33611111119')).toMatchObject({ state: 'pending', id: 1, lookup: { status: 'doing' } });
	});
});
