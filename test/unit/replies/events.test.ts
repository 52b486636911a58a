import { deliveryReportEvent, smsReceivedEvent, stopReceivedEvent } from '../../../lib/replies';

const context = { serviceName: 'sms-ab12345-1', source: 'poll' as const, verified: true };

describe('trigger output items', () => {
	test('a reply carries its keyword and what it answered', () => {
		expect(
			smsReceivedEvent(
				{ id: 42, creationDatetime: '2024-05-01T10:00:00+02:00', credits: 1, message: ' yes! see you', sender: '+33612345678', tag: '' },
				{ ...context, receivingNumber: '38123', outgoingId: '41' },
			),
		).toEqual({
			event: 'smsReceived',
			id: 42,
			sender: '+33612345678',
			message: ' yes! see you',
			keyword: 'YES',
			tag: null,
			receivedAt: '2024-05-01T10:00:00+02:00',
			receivingNumber: '38123',
			outgoingId: 41,
			credits: 1,
			serviceName: 'sms-ab12345-1',
			source: 'poll',
			verified: true,
		});
	});

	test('a failed report says why and whether to retry', () => {
		const event = deliveryReportEvent({ id: 9, receiver: '+33600000000', ptt: 23, deliveryReceipt: 2, tag: 'otp' }, context);
		expect(event).toMatchObject({
			event: 'deliveryReport',
			id: 9,
			outgoingId: 9,
			status: 'failed',
			ptt: 23,
			dlrCode: 2,
			retryable: false,
			receiver: '+33600000000',
			tag: 'otp',
		});
		expect(event.reason).toMatch(/invalid/i);
	});

	test('a STOP names the number and the SMS it answered', () => {
		expect(
			stopReceivedEvent(
				{ number: '+33612345678', dateCreation: '2024-05-01T10:00:00+02:00', smsOutgoingID: 41, batchID: null },
				{ ...context, replyId: null },
			),
		).toMatchObject({ event: 'stopReceived', number: '+33612345678', keyword: 'STOP', outgoingId: 41, batchId: null, replyId: null });
	});
});
