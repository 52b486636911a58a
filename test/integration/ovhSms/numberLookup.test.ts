// Phone Number › Look Up through n8n's engine against the sandbox, whose numbers decide the
// answer: `…0000` invalid, `…0001` unreachable, `…0003` error, `…0007` ported, `…0008` roaming,
// `…9999` never answered; 0.1 credit per valid number.
import type { IDataObject } from 'n8n-workflow';
import { jsonOf, useNodeHarness } from './helpers';

const harness = useNodeHarness({ deliveryDelayMs: 100 });

const lookUp = (phoneNumbers: string, options: IDataObject = {}) => ({
	resource: 'phoneNumber',
	operation: 'lookUp',
	phoneNumbers,
	options,
});
const credits = () => harness.account().creditsLeft;
const hlrPosts = () => harness.sandbox.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/hlr'));

describe('Phone Number › Look Up', () => {
	test('one output item per number: valid, reachable, ported, roaming, operator; billed per valid number', async () => {
		const result = await harness.run(lookUp('+33611111111, 06 11 11 00 00, +33611110001\n+33611110007, nope', { operatorName: true }));
		expect(result.status).toBe('success');
		const out = jsonOf(result);
		expect(out.map((json) => [json.number, json.status, json.canReceiveSms])).toEqual([
			['+33611111111', 'done', true],
			['+33611110000', 'done', false],
			['+33611110001', 'done', false],
			['+33611110007', 'done', true],
			['nope', 'invalidNumber', false],
		]);
		expect(out[0]).toMatchObject({
			valid: true,
			reachable: true,
			ported: false,
			roaming: false,
			operatorCode: '20801',
			operator: { operator: 'Orange France', country: 'France' },
			credits: 0.1,
		});
		expect(out[1]).toMatchObject({ valid: false, reachable: false, operatorCode: null });
		expect(out[1].operator).toBeUndefined();
		expect(out[3]).toMatchObject({ ported: true, operatorCode: '20810', operator: { operator: 'SFR' } });
		expect(result.output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		// Four valid numbers, 0.1 credit each; the invalid one never reaches OVHcloud.
		expect(credits()).toBeCloseTo(100_000 - 0.4, 5);
		expect(JSON.parse(hlrPosts()[0].body)).toEqual({ receivers: ['+33611111111', '+33611110000', '+33611110001', '+33611110007'] });
		expect(result.run.data.resultData.runData['Node Under Test'][0].hints).toEqual([
			expect.objectContaining({ message: 'Number lookup on sms-sb00001-1: 4 number(s) looked up for 0.4 credits' }),
		]);
	});

	test('many items are asked in one request, a number shared by two items looked up and billed once', async () => {
		const items = ['+33622222222', '+33633333333', '+33622222222'].map((phone) => ({ phone }));
		const result = await harness.run(lookUp('={{ $json.phone }}'), items);
		expect(hlrPosts()).toHaveLength(1);
		expect(result.output.map((item) => [item.json.number, (item.pairedItem as { item: number }).item])).toEqual([
			['+33622222222', 0],
			['+33633333333', 1],
			['+33622222222', 2],
		]);
		expect(credits()).toBeCloseTo(100_000 - 0.2, 5);
	});

	test('the cost before it runs: a dry run checks the numbers and the credits left, looks nothing up', async () => {
		harness.sandbox.setCredits(3);
		const result = await harness.run(lookUp('+33611111111, +33622222222, bad', { dryRun: true, maxLookups: 1 }));
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				status: 'dryRun',
				lookups: 2,
				numbers: ['+33611111111', '+33622222222'],
				account: { creditsLeft: 3, fits: true },
				withinMaximumLookups: false,
			}),
		]);
		expect(jsonOf(result)[0].invalidNumbers).toEqual([expect.objectContaining({ receiver: 'bad' })]);
		expect(hlrPosts()).toHaveLength(0);
		expect(credits()).toBe(3);
	});

	test('a run above Maximum Lookups fails before anything is billed, naming the option', async () => {
		const result = await harness.run(lookUp('+33611111111, +33622222222, +33633333333', { maxLookups: 2 }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			/would look up 3 distinct numbers .* more than "Maximum Lookups" \(2\); nothing was looked up \[item 0\]/,
		);
		expect(hlrPosts()).toHaveLength(0);
	});

	test('no credits left: the item fails before anything is asked', async () => {
		harness.sandbox.setCredits(0);
		const result = await harness.run(lookUp('+33611111111'));
		expect(result.error?.message).toMatch(/^No credits left on sms-sb00001-1; nothing was looked up \[item 0\]/);
		expect(hlrPosts()).toHaveLength(0);
	});

	test('OVHcloud refuses for credits: with Continue On Fail the item says nothing was billed, the others go on', async () => {
		harness.sandbox.setCredits(0.1);
		const result = await harness.run(lookUp('={{ $json.phone }}'), [{ phone: '+33611111111, +33622222222' }, { phone: 'x' }], {
			continueOnFail: true,
		});
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({
			error: expect.stringMatching(/^Number lookup failed: .*Not enough credits/),
			errorDescription: expect.stringMatching(/^Not looked up, not billed/),
		});
		expect(result.output[1].json).toMatchObject({ number: 'x', status: 'invalidNumber' });
		expect(credits()).toBe(0.1);
	});

	test('the time limit passes before an answer: the number is "pending" with its lookup id', async () => {
		const result = await harness.run(lookUp('+33611111111, +33611119999', { waitMinutes: 0.1 }));
		const out = jsonOf(result);
		expect(out[0]).toMatchObject({ status: 'done', canReceiveSms: true });
		expect(out[1]).toMatchObject({
			status: 'pending',
			canReceiveSms: null,
			lookupId: expect.any(Number),
			reason: expect.stringMatching(/status: doing/),
		});
		expect(result.run.data.resultData.runData['Node Under Test'][0].hints).toEqual([
			expect.objectContaining({ type: 'warning', message: expect.stringMatching(/1 still without an answer/) }),
		]);
	}, 20_000);

	test.each([
		[{ waitMinutes: 45 }, /"Wait for Result \(Minutes\)" must be a number from 0\.1 to 30/],
		[{ maxLookups: 'lots' }, /"Maximum Lookups" must be a whole number/],
	])('a bad option %p fails the item before anything is billed', async (options, message) => {
		const result = await harness.run(lookUp('+33611111111', options));
		expect(result.error?.message).toMatch(message);
		expect(hlrPosts()).toHaveLength(0);
	});
});
