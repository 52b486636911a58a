/**
 * OVHcloud does not sign its callbacks, so the URL registered at OVHcloud carries a secret:
 * only OVHcloud (and whoever can read the account's settings) knows it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe. */
export function createWebhookToken(): string {
	return randomBytes(32).toString('base64url');
}

/**
 * Compares in constant time. Both sides are hashed first so that neither the length nor a
 * common prefix of the expected token leaks through timing.
 */
export function tokenMatches(given: unknown, expected: string | undefined | null): boolean {
	if (typeof expected !== 'string' || expected === '') return false;
	const candidate = Array.isArray(given) ? given[0] : given;
	if (typeof candidate !== 'string' || candidate === '') return false;
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(candidate), digest(expected));
}
