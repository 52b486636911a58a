import type { PhoneNumberNormaliser } from '../../../lib/contacts';
import { normalizePhoneNumber } from '../../../lib/recipients';

/** Numbers as the send node reads them: international forms, and national ones of the default country. */
export function phoneNumberNormaliser(defaultCountry: string): PhoneNumberNormaliser {
	const options = { defaultCountry: defaultCountry.trim() || undefined };
	return (raw) => normalizePhoneNumber(raw, options);
}
