import { describeHost, sameWebhookEndpoint, urlWithToken, withoutQuery } from '../../../lib/replies';

const production = 'https://n8n.example.com/webhook/0b7c6f0e/ovh-sms';
const testUrl = 'https://n8n.example.com/webhook-test/0b7c6f0e/ovh-sms';

describe('callback URLs', () => {
	test('the token goes in the query, next to what is already there', () => {
		expect(urlWithToken(production, 'abc')).toBe(`${production}?token=abc`);
		expect(urlWithToken(`${production}?a=1`, 'abc')).toBe(`${production}?a=1&token=abc`);
		expect(urlWithToken(`${production}?token=old`, 'new')).toBe(`${production}?token=new`);
	});

	test("a node's test and production URLs are the same endpoint", () => {
		expect(sameWebhookEndpoint(`${production}?token=x`, testUrl)).toBe(true);
	});

	test('another node, another path or another host is someone else', () => {
		expect(sameWebhookEndpoint(production, 'https://n8n.example.com/webhook/1d2e3f4a/ovh-sms')).toBe(false);
		expect(sameWebhookEndpoint(production, 'https://other.example.com/webhook/0b7c6f0e/ovh-sms')).toBe(false);
		expect(sameWebhookEndpoint(production, 'https://crm.example.com/sms/replies')).toBe(false);
		expect(sameWebhookEndpoint(production, 'not a url')).toBe(false);
	});

	test('messages name the host only, never the token', () => {
		expect(describeHost('https://crm.example.com:8443/hook?token=secret')).toBe('crm.example.com:8443');
		expect(withoutQuery('https://crm.example.com/hook?token=secret')).toBe('https://crm.example.com/hook');
	});
});
