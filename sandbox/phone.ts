/** Phone numbers as the SMS API takes them: `+` or `00`, then 7 to 15 digits. */

/** `+33612345678` for `+33612345678` or `0033612345678`; undefined when the number is not valid. */
export function normaliseReceiver(raw: string): string | undefined {
	const match = /^(?:\+|00)(\d{7,15})$/.exec(raw.trim());
	return match ? `+${match[1]}` : undefined;
}

/** Digits only (`33612345678`), the form used for numeric senders and virtual numbers. */
export function normaliseNumericSender(raw: string): string | undefined {
	const match = /^(?:\+|00)?(\d{7,15})$/.exec(raw.trim());
	return match ? match[1] : undefined;
}
