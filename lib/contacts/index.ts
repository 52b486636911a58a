/**
 * Address book contacts: reading contact files (columns mapped to OVHcloud's fields, numbers
 * normalised, bad rows kept with their line numbers), planning an import that changes nothing
 * when run twice, writing contacts back as CSV, and preparing recipient lists. No n8n import.
 */
export { readContactFile } from './contactFile';
export type { ContactColumnMapping, ContactFileOptions, ContactFileReading } from './contactFile';
export { ContactFileError } from './delimitedText';
export { ContactIndex, contactChanges, contactNumbers, planContactImport } from './importPlan';
export type { ContactImportPlan, ContactUpdate } from './importPlan';
export { writeContactsCsv } from './contactCsv';
export { prepareRecipientListFile } from './recipientListFile';
export type { RecipientListFile } from './recipientListFile';
export { CONTACT_FIELDS, PHONE_FIELDS, TEXT_FIELDS } from './types';
export type { ContactField, ContactFields, ContactRow, PhonebookContact, PhoneField, RejectedRow, TextField } from './types';
