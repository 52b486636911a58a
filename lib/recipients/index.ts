/**
 * Who an SMS goes to: numbers normalised to E.164 (international, `00…`, or national with a
 * default country), duplicates removed, invalid numbers kept with the reason, and receivers
 * read from a CSV file. No n8n import. The country table is small on purpose: see
 * `countries.ts` for what it covers.
 */
export { COUNTRIES, findCountry } from './countries';
export type { CountryDialling } from './countries';
export { digitsOf, normalizePhoneNumber, phoneNumberNormaliser } from './phoneNumber';
export type { PhoneNumberCheck, PhoneNumberNormaliser, PhoneNumberOptions } from './phoneNumber';
export { splitNumberList } from './numberList';
export { RecipientList } from './recipientList';
export type { InvalidRecipient } from './recipientList';
export { decodeText, detectDelimiter, readRecipientCsv, RecipientFileError, whyNotText } from './csvRecipients';
export type { ByteChunks, CsvDelimiter, RecipientCsv, RecipientCsvOptions } from './csvRecipients';
export { readCsvRows } from './csvRows';
export type { CsvRow } from './csvRows';
