/**
 * OVHcloud's sender name rules, checked before a request is sent so that a user reads which rule
 * a name breaks instead of a moderation refusal days later: an alphanumeric name has at most 11
 * characters among letters, digits, space and `- _ . , & +` (the control panel's pattern
 * `^[\w\s\-.,&+]+$`, ASCII only), and a name made of digits is a phone number (7 to 15 digits,
 * optionally after `+` or `00`).
 */

export const MAX_ALPHANUMERIC_SENDER_LENGTH = 11;

export type SenderNameCheck =
	| { valid: true; name: string; kind: 'alphanumeric' | 'phoneNumber' }
	| { valid: false; name: string; reason: string };

const ALLOWED_CHARACTER = /[A-Za-z0-9_ \-.,&+]/;
const PHONE_LIKE = /^(?:\+|00)?\d+$/;

export function checkSenderName(raw: string): SenderNameCheck {
	const name = raw.trim();
	if (name === '') return { valid: false, name, reason: 'The sender name is empty' };

	if (PHONE_LIKE.test(name)) {
		const digits = name.replace(/^(?:\+|00)/, '');
		if (digits.length < 7 || digits.length > 15) {
			return {
				valid: false,
				name,
				reason: `"${name}" looks like a phone number but has ${digits.length} digits: a phone number sender has 7 to 15 digits in international format (e.g. +33612345678), and an alphanumeric sender must contain a letter`,
			};
		}
		return { valid: true, name, kind: 'phoneNumber' };
	}

	const refused = [...new Set([...name].filter((character) => !ALLOWED_CHARACTER.test(character)))];
	if (refused.length > 0) {
		return {
			valid: false,
			name,
			reason: `"${name}" contains ${refused.map((c) => `"${c}"`).join(', ')}: an alphanumeric sender may only use unaccented letters, digits, spaces and - _ . , & +`,
		};
	}
	if (name.length > MAX_ALPHANUMERIC_SENDER_LENGTH) {
		return {
			valid: false,
			name,
			reason: `"${name}" has ${name.length} characters: an alphanumeric sender has at most ${MAX_ALPHANUMERIC_SENDER_LENGTH}`,
		};
	}
	return { valid: true, name, kind: 'alphanumeric' };
}
