import { parse } from 'node:querystring';
import { callbackFields, readDeliveryCallback, readReplyCallback, readStopCallback } from '../../../lib/replies';

describe('OVHcloud callback payloads', () => {
	test('a reply as a form POST', () => {
		const body = parse('id=123&message=Oui+merci&senderid=%2B33612345678&shortcode=38123&tag=rdv&keyword=Oui');
		const fields = callbackFields({ token: 'secret' }, body);
		expect(fields.token).toBeUndefined();
		expect(readReplyCallback(fields)).toEqual({
			id: '123',
			message: 'Oui merci',
			sender: '+33612345678',
			receivingNumber: '38123',
			tag: 'rdv',
		});
	});

	test('a reply as a GET query, with an unescaped + read as a space', () => {
		const query = parse('token=secret&id=124&message=STOP&senderid=+33612345678');
		expect(readReplyCallback(callbackFields(query, undefined))).toMatchObject({ id: '124', sender: '33612345678', message: 'STOP' });
	});

	test('a call that is not a reply is refused', () => {
		expect(readReplyCallback({ id: '1', message: 'x' })).toBeUndefined();
		expect(readReplyCallback({ id: 'abc', message: 'x', senderid: '+33612345678' })).toBeUndefined();
		expect(readReplyCallback({ id: '1', senderid: '+33612345678' })).toBeUndefined();
		expect(readReplyCallback({ id: '1', message: 'x', senderid: 'javascript:alert(1)' })).toBeUndefined();
	});

	test('a delivery report', () => {
		const query = parse('id=555&ptt=23&date=2024-05-01T10%3A00%3A00%2B02%3A00&description=2&descriptionDlr=Failed');
		expect(readDeliveryCallback(callbackFields(query, {}))).toEqual({
			id: '555',
			ptt: 23,
			dlrCode: 2,
			date: '2024-05-01T10:00:00+02:00',
			ovhStatusText: 'Failed',
		});
		expect(readDeliveryCallback({ id: '555', dlr: '1' })).toMatchObject({ dlrCode: 1 });
		expect(readDeliveryCallback({ id: '555' })).toBeUndefined();
	});

	test('a STOP notice', () => {
		expect(readStopCallback(parse('number=%2B33612345678&id=77'))).toEqual({ number: '+33612345678', id: '77' });
		expect(readStopCallback({ number: '+33612345678', id: 'x' })).toEqual({ number: '+33612345678', id: undefined });
		expect(readStopCallback({ id: '77' })).toBeUndefined();
	});

	test('repeated fields: the first value counts', () => {
		expect(readStopCallback({ number: ['+33612345678', '+33698765432'] })?.number).toBe('+33612345678');
	});
});
