import type { PhoneNumberNormaliser } from '../../../lib/contacts';
import { normalizePhoneNumber } from '../../../lib/recipients';

/** The send node's normaliser, French national numbers allowed. */
export const frenchNormaliser: PhoneNumberNormaliser = (raw) => normalizePhoneNumber(raw, { defaultCountry: 'FR' });
