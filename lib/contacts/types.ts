import type { SmsContactCreate, SmsPhonebookContact } from '../ovh/models';

/** The phone fields of an `sms.PhonebookContact` (type internationalPhoneNumber). */
export const PHONE_FIELDS = ['homeMobile', 'homePhone', 'workMobile', 'workPhone'] as const;
export type PhoneField = (typeof PHONE_FIELDS)[number];

/** The text fields; all three are mandatory when a contact is created. */
export const TEXT_FIELDS = ['group', 'name', 'surname'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Every writable field, in the order of OVHcloud's API reference (and of the CSV files here). */
export const CONTACT_FIELDS = ['group', 'name', 'surname', 'homeMobile', 'homePhone', 'workMobile', 'workPhone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The body of `POST .../phonebookContact` (`group`, `name`, `surname` mandatory). */
export type ContactFields = SmsContactCreate;

/** `sms.PhonebookContact` as OVHcloud returns it. */
export interface PhonebookContact extends ContactFields, Pick<SmsPhonebookContact, 'id'> {}

/** A contact read from a file, with the 1-based line it starts on. */
export interface ContactRow {
	line: number;
	contact: ContactFields;
}

export interface RejectedRow {
	line: number;
	reason: string;
}
