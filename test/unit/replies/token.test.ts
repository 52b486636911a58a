import { createWebhookToken, tokenMatches } from '../../../lib/replies';

describe('webhook token', () => {
	test('tokens are long, URL-safe and different each time', () => {
		const a = createWebhookToken();
		const b = createWebhookToken();
		expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(a).not.toBe(b);
	});

	test('only the exact token matches', () => {
		const token = createWebhookToken();
		expect(tokenMatches(token, token)).toBe(true);
		expect(tokenMatches([token, 'other'], token)).toBe(true);
		expect(tokenMatches(token.slice(0, -1), token)).toBe(false);
		expect(tokenMatches(`${token}x`, token)).toBe(false);
		expect(tokenMatches(token.toLowerCase() === token ? `${token}A` : token.toLowerCase(), token)).toBe(false);
	});

	test('a missing token never matches, even a missing expected one', () => {
		expect(tokenMatches(undefined, 'abc')).toBe(false);
		expect(tokenMatches('', '')).toBe(false);
		expect(tokenMatches('abc', undefined)).toBe(false);
		expect(tokenMatches({ token: 'abc' }, 'abc')).toBe(false);
	});
});
