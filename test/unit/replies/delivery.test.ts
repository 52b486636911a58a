import { deliveryReceiptsOf, describeDelivery, FINAL_DELIVERY_RECEIPTS, hasDeliveryNews } from '../../../lib/replies';

describe('delivery codes in plain words', () => {
	test('delivered', () => {
		expect(describeDelivery({ ptt: 4, dlrCode: 1 })).toEqual({
			status: 'delivered',
			statusText: 'Delivered',
			reason: 'Delivered to the handset',
			final: true,
			retryable: false,
		});
	});

	test('an invalid number fails for good', () => {
		const words = describeDelivery({ ptt: 23, dlrCode: 2 });
		expect(words).toMatchObject({ status: 'failed', statusText: 'Failed', final: true, retryable: false });
		expect(words.reason).toMatch(/invalid, barred or blacklisted/i);
	});

	test('an absent subscriber fails but may work later', () => {
		const words = describeDelivery({ ptt: 24, dlrCode: 16 });
		expect(words).toMatchObject({ status: 'failed', statusText: 'Failed, not billed', retryable: true });
		expect(words.reason).toMatch(/absent/);
	});

	test('accepted by the operator is pending, not final', () => {
		expect(describeDelivery({ ptt: 3, dlrCode: 4 })).toMatchObject({ status: 'pending', final: false, reason: 'Accepted by the operator' });
	});

	test('the DLR id decides over the ptt (exports show ptt 0 next to a success)', () => {
		expect(describeDelivery({ ptt: 0, dlrCode: 1 }).status).toBe('delivered');
	});

	test('an unknown DLR id falls back on the ptt', () => {
		expect(describeDelivery({ ptt: 4, dlrCode: 99 })).toMatchObject({ status: 'delivered', statusText: 'Unknown delivery code 99' });
		expect(describeDelivery({ ptt: 28, dlrCode: null })).toMatchObject({ status: 'failed', reason: 'Blocked as suspected spam' });
		expect(describeDelivery({ ptt: 999 }).reason).toBe('Operator code 999');
	});

	test('an SMS being created has nothing to report yet', () => {
		expect(hasDeliveryNews({ ptt: 0, dlrCode: 0 })).toBe(false);
		expect(hasDeliveryNews({ ptt: 3, dlrCode: 4 })).toBe(true);
	});
});

describe('the DLR ids a delivery state stands for (SMS › Get Many, Delivery State)', () => {
	test.each([
		['delivered', [1]],
		['failed', [2, 16]],
		['pending', [0, 4, 8]],
	] as const)('%s: %j, each described with that state', (status, ids) => {
		expect(deliveryReceiptsOf(status)).toEqual(ids);
		for (const dlrCode of ids) expect(describeDelivery({ dlrCode }).status).toBe(status);
	});

	test('the final ones are the delivered and the failed', () => {
		expect([...FINAL_DELIVERY_RECEIPTS].sort((a, b) => a - b)).toEqual([1, 2, 16]);
	});
});
