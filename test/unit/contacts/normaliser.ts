import { phoneNumberNormaliser } from '../../../lib/recipients';

/** The send node's normaliser, French national numbers allowed. */
export const frenchNormaliser = phoneNumberNormaliser('FR');
