import { estimateCampaign, summariseStatistics } from '../../../lib/campaigns';

const row = (firstname: string) => ({ line: 0, number: '+33611111111', values: { firstname } });

describe('estimateCampaign', () => {
	test('the costliest personalised text sets the parts per message, for every receiver', () => {
		const estimate = estimateCampaign({
			message: 'Hello #firstname#, '.padEnd(155, '.'),
			recipients: [row('Al'), row('Maximilian-Alexander'), row('Bo')],
			stopClause: false,
			creditsLeft: 10,
		});
		expect(estimate).toMatchObject({
			recipients: 3,
			partsPerMessage: 2,
			encoding: 'GSM-7',
			credits: 6,
			creditsLeft: 10,
			creditsAfter: 4,
			enoughCredits: true,
		});
		expect(estimate.longestMessage.startsWith('Hello Maximilian-Alexander, ')).toBe(true);
	});

	test('a placeholder value outside GSM-7 makes that text Unicode', () => {
		const estimate = estimateCampaign({ message: 'Hi #firstname#', recipients: [row('Zoé'), row('Żaneta')], stopClause: false });
		expect(estimate).toMatchObject({ encoding: 'UCS-2', longestMessage: 'Hi Żaneta', partsPerMessage: 1 });
	});

	test('counts the STOP mention OVHcloud adds, and says when credits are short', () => {
		const estimate = estimateCampaign({ message: 'a'.repeat(155), recipients: 1000, stopClause: true, creditsLeft: 1500 });
		expect(estimate).toMatchObject({ partsPerMessage: 2, credits: 2000, creditsAfter: -500, enoughCredits: false });
	});
});

describe('summariseStatistics', () => {
	test('says delivered and failed with thousands separators, and the rest only when there is some', () => {
		expect(summariseStatistics({ delivered: 12430, failed: 71, pending: 0, stoplisted: 0 })).toBe('12,430 delivered, 71 failed');
		expect(summariseStatistics({ delivered: 1000000, failed: 0, pending: 25, stoplisted: 3 })).toBe(
			'1,000,000 delivered, 0 failed, 3 stop-listed, 25 pending',
		);
	});
});
