// The sandbox's number lookups (`/hlr`): billing, the todo → doing → final walk, the results
// decided by the number's last digits, and the buffered-phone delivery rule (`…99999`).
import { startSandbox, type Sandbox } from '../../../sandbox';
import { eventually, ovh } from './ovh-test-client';

let sandbox: Sandbox;
const sms = (path = '') => `/sms/${sandbox.serviceName}${path}`;

beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 30, credits: 10 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

describe('number lookups (/hlr)', () => {
	it('bills 0.1 credit per valid, distinct number; invalid ones are listed and free', async () => {
		const answer = await ovh(sandbox, 'POST', sms('/hlr'), {
			body: { receivers: ['+33611111111', '0033611111111', 'nope', '+33622220000'] },
		});
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({
			validReceivers: ['+33611111111', '+33622220000'],
			invalidReceivers: ['nope'],
			totalCreditsRemoved: 0.2,
		});
		expect(answer.json.ids).toHaveLength(2);
		expect(sandbox.state.accounts[sandbox.serviceName].creditsLeft).toBe(9.8);
		expect((await ovh(sandbox, 'GET', sms('/hlr'))).json).toEqual(answer.json.ids);
	});

	it('each lookup goes todo, doing, then its result by the last digits', async () => {
		const numbers = ['+33611111111', '+33611110000', '+33611110001', '+33611110003', '+33611110007', '+33611110008', '+33611119999'];
		const { json } = await ovh(sandbox, 'POST', sms('/hlr'), { body: { receivers: numbers } });
		const read = async (id: number) => (await ovh(sandbox, 'GET', sms(`/hlr/${id}`))).json;
		expect((await read(json.ids[0])).status).toBe('todo');
		await eventually(async () => (await read(json.ids[0])).status === 'done');
		const results = await Promise.all((json.ids as number[]).map(read));
		const pick = ({ msisdn, status, valid, reachable, ported, roaming, operatorCode }: Record<string, unknown>) => ({
			msisdn,
			status,
			valid,
			reachable,
			ported,
			roaming,
			operatorCode,
		});
		expect(results.map(pick)).toEqual([
			{ msisdn: '+33611111111', status: 'done', valid: true, reachable: true, ported: false, roaming: false, operatorCode: '20801' },
			{ msisdn: '+33611110000', status: 'done', valid: false, reachable: false, ported: false, roaming: false, operatorCode: '' },
			{ msisdn: '+33611110001', status: 'done', valid: true, reachable: false, ported: false, roaming: false, operatorCode: '20801' },
			{ msisdn: '+33611110003', status: 'error', valid: false, reachable: false, ported: false, roaming: false, operatorCode: '' },
			{ msisdn: '+33611110007', status: 'done', valid: true, reachable: true, ported: true, roaming: false, operatorCode: '20810' },
			{ msisdn: '+33611110008', status: 'done', valid: true, reachable: true, ported: false, roaming: true, operatorCode: '20801' },
			{ msisdn: '+33611119999', status: 'doing', valid: false, reachable: false, ported: false, roaming: false, operatorCode: '' },
		]);
		expect((await ovh(sandbox, 'GET', sms(`/hlr/${json.ids[4]}/operator`))).json).toEqual({
			country: 'France',
			countryCode: 'fr',
			network: 'GSM',
			operator: 'SFR',
			region: '',
		});
	});

	it.each([
		[
			'not enough credits',
			{ receivers: Array.from({ length: 101 }, (_, i) => `+336110${String(i).padStart(5, '0')}`) },
			403,
			/Not enough credits to look these numbers up: 10.1 needed, 10 left/,
		],
		['no number', { receivers: [] }, 400, /Give at least one number/],
		['a document URL (not emulated)', { receiversDocumentUrl: 'http://127.0.0.1/x.csv' }, 400, /not emulated/],
		['another field', { receivers: ['+33611111111'], tag: 'x' }, 400, /not described/],
	])('%s: refused, nothing billed', async (_case, body, status, message) => {
		const answer = await ovh(sandbox, 'POST', sms('/hlr'), { body });
		expect(answer.status).toBe(status);
		expect(answer.json.message).toMatch(message);
		expect(sandbox.state.accounts[sandbox.serviceName].creditsLeft).toBe(10);
	});
});

describe('delivery of an SMS to a phone that stays off (…99999)', () => {
	it('is accepted, then buffered (ptt 1, DLR 8) and never final', async () => {
		const sent = await ovh(sandbox, 'POST', sms('/jobs'), {
			body: { message: 'Hi', sender: 'MyCompany', receivers: ['+33611199999', '+33611111111'] },
		});
		const [buffered, delivered] = sent.json.ids as number[];
		await eventually(async () => (await ovh(sandbox, 'GET', sms(`/outgoing/${delivered}`))).json.deliveryReceipt === 1);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect((await ovh(sandbox, 'GET', sms(`/outgoing/${buffered}`))).json).toMatchObject({ ptt: 1, deliveryReceipt: 8, deliveredAt: null });
	});
});
