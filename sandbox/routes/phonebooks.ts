/**
 * `/sms/{serviceName}/phonebooks`: address books, their contacts, the import of a contact file
 * (`/me/document`) as a task, and the CSV export.
 */
import { randomBytes } from 'node:crypto';
import type { SmsPhonebook, TelephonyTask, Wire } from '../../lib/ovh/models';
import { formatOvhDate } from '../clock';
import { columnIndex, readDelimited } from '../delimited';
import { documentText } from '../documents';
import { badRequest, notFound } from '../http';
import { longParam } from '../params';
import { normaliseReceiver } from '../phone';
import { api, type Route, type RouteContext } from '../router';
import { nextId, requireAccount } from '../runtime';
import { createTask } from '../tasks';
import type { AccountState, PhonebookContactState, PhonebookState } from '../types';
import { createUpload, uploadUrls } from '../uploads';
import { enumValue, objectBody, rejectUndescribed, requiredString, stringField, type Body } from '../validation';

const PHONE_FIELDS = ['homeMobile', 'homePhone', 'workMobile', 'workPhone'] as const;
const TEXT_FIELDS = ['group', 'name', 'surname'] as const;
/** Column order of the CSV export (and of the import: OVHcloud's field names). */
export const CONTACT_COLUMNS = [...TEXT_FIELDS, ...PHONE_FIELDS];
const DEFAULT_IMPORT_GROUP = 'default';

export function phonebooksOf(account: AccountState): Record<string, PhonebookState> {
	return (account.phonebooks ??= {});
}

function requireBook(ctx: RouteContext): { account: AccountState; book: PhonebookState } {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const book = phonebooksOf(account)[ctx.params.bookKey];
	if (!book) throw notFound(ctx.params.bookKey);
	return { account, book };
}

function requireContact(ctx: RouteContext): { book: PhonebookState; contact: PhonebookContactState } {
	const { book } = requireBook(ctx);
	const id = longParam(ctx.params.id);
	const contact = book.contacts[id];
	if (!contact) throw notFound(id);
	return { book, contact };
}

/** A phone field as OVHcloud's internationalPhoneNumber type takes it, stored as `+…`. */
function phoneField(body: Body, field: (typeof PHONE_FIELDS)[number]): string | null | undefined {
	if (!(field in body)) return undefined;
	const raw = stringField(body, field);
	if (raw === undefined || raw === '') return null;
	const number = normaliseReceiver(raw);
	if (!number) throw badRequest(`[${field}] Given data (${raw}) is not a valid internationalPhoneNumber`);
	return number;
}

const bookView = (book: PhonebookState): Wire<SmsPhonebook> => ({ bookKey: book.bookKey, name: book.name, phoneKey: book.phoneKey });

/** `sms.PhonebookContact`. */
const contactView = (contact: PhonebookContactState) => ({
	id: contact.id,
	group: contact.group,
	name: contact.name,
	surname: contact.surname,
	homeMobile: contact.homeMobile,
	homePhone: contact.homePhone,
	workMobile: contact.workMobile,
	workPhone: contact.workPhone,
});

function createBook(ctx: RouteContext) {
	const account = requireAccount(ctx.runtime, ctx.params.serviceName);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['name'], 'creation');
	const name = requiredString(body, 'name');
	const bookKey = randomBytes(8).toString('hex');
	phonebooksOf(account)[bookKey] = { bookKey, name, phoneKey: randomBytes(8).toString('hex'), contacts: {} };
	ctx.runtime.changed();
	return bookKey;
}

function renameBook(ctx: RouteContext) {
	const { book } = requireBook(ctx);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['name', 'bookKey', 'phoneKey'], 'update');
	const name = stringField(body, 'name');
	if (name !== undefined) {
		if (name === '') throw badRequest('[name] Property is mandatory');
		book.name = name;
	}
	ctx.runtime.changed();
	return null;
}

function createContact(ctx: RouteContext) {
	const { book } = requireBook(ctx);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, CONTACT_COLUMNS, 'creation');
	const contact: PhonebookContactState = {
		id: nextId(ctx.runtime),
		group: requiredString(body, 'group'),
		name: requiredString(body, 'name'),
		surname: requiredString(body, 'surname'),
		homeMobile: phoneField(body, 'homeMobile') ?? null,
		homePhone: phoneField(body, 'homePhone') ?? null,
		workMobile: phoneField(body, 'workMobile') ?? null,
		workPhone: phoneField(body, 'workPhone') ?? null,
	};
	book.contacts[contact.id] = contact;
	ctx.runtime.changed();
	return contact.id;
}

function updateContact(ctx: RouteContext) {
	const { contact } = requireContact(ctx);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['id', ...CONTACT_COLUMNS], 'update');
	for (const field of TEXT_FIELDS) {
		const value = stringField(body, field);
		if (value === '') throw badRequest(`[${field}] Property is mandatory`);
		if (value !== undefined) contact[field] = value;
	}
	for (const field of PHONE_FIELDS) {
		const value = phoneField(body, field);
		if (value !== undefined) contact[field] = value;
	}
	ctx.runtime.changed();
	return null;
}

/**
 * Reads an import file as OVHcloud documents it: `;` separated, columns named like the API
 * fields, international numbers; contacts with accented characters are skipped, and so are
 * rows without a name, a surname or a valid number. Nothing is deduplicated: importing a file
 * twice creates its contacts twice.
 */
function readImportFile(text: string): { contacts: Array<Omit<PhonebookContactState, 'id'>>; skippedLines: number[] } {
	const { header, rows } = readDelimited(text);
	const index = Object.fromEntries(CONTACT_COLUMNS.map((field) => [field, columnIndex(header, field)]));
	if (PHONE_FIELDS.every((field) => index[field] < 0)) {
		throw badRequest(`The file has no phone number column (${PHONE_FIELDS.join(', ')}) on line 1`);
	}
	const contacts: Array<Omit<PhonebookContactState, 'id'>> = [];
	const skippedLines: number[] = [];
	for (const row of rows) {
		const value = (field: string) => (index[field] >= 0 ? (row.values[index[field]] ?? '').trim() : '');
		const text = TEXT_FIELDS.map(value).join('');
		const phones = Object.fromEntries(
			PHONE_FIELDS.map((field) => [field, value(field) ? (normaliseReceiver(value(field)) ?? false) : null]),
		);
		const badPhone = Object.values(phones).some((number) => number === false);
		const anyPhone = Object.values(phones).some((number) => typeof number === 'string');
		if (/[^\x20-\x7e]/.test(text) || !value('name') || !value('surname') || badPhone || !anyPhone) {
			skippedLines.push(row.line);
			continue;
		}
		contacts.push({
			group: value('group') || DEFAULT_IMPORT_GROUP,
			name: value('name'),
			surname: value('surname'),
			...(phones as Record<(typeof PHONE_FIELDS)[number], string | null>),
		});
	}
	return { contacts, skippedLines };
}

function importContacts(ctx: RouteContext) {
	const { account, book } = requireBook(ctx);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['documentId'], 'creation');
	const { contacts, skippedLines } = readImportFile(documentText(ctx.runtime, requiredString(body, 'documentId')));
	const skipped = skippedLines.length
		? `, ${skippedLines.length} line(s) skipped (${skippedLines.slice(0, 20).join(', ')}${skippedLines.length > 20 ? ', ...' : ''})`
		: '';
	const task = createTask(
		ctx.runtime,
		account,
		'importPhonebookContacts',
		{ kind: 'addContacts', bookKey: book.bookKey, contacts },
		`${contacts.length} contact(s) imported${skipped}`,
	);
	const answer: Wire<TelephonyTask> = {
		taskId: task.taskId,
		action: 'importPhonebookContacts',
		serviceType: 'sms',
		status: 'todo',
		message: task.message,
		objectCreated: null,
	};
	return answer;
}

function csvField(value: string | null): string {
	const text = value ?? '';
	return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function exportBook(ctx: RouteContext) {
	const { book } = requireBook(ctx);
	enumValue(ctx.query.get('format') ?? undefined, 'format', ['csv'] as const, 'telephony.ContactsExportFormatsEnum');
	const lines = [CONTACT_COLUMNS.join(';')];
	for (const contact of Object.values(book.contacts)) {
		lines.push(CONTACT_COLUMNS.map((field) => csvField(contact[field])).join(';'));
	}
	const upload = createUpload(ctx.runtime);
	const bytes = Buffer.from(lines.join('\n') + '\n', 'utf8');
	upload.contentBase64 = bytes.toString('base64');
	upload.size = bytes.length;
	upload.contentType = 'text/csv; charset=utf-8';
	upload.uploadedAt = formatOvhDate(ctx.runtime.now());
	// telephony.PcsFile; the file is ready at once in the sandbox.
	return {
		filename: `${book.name}.csv`,
		status: 'done',
		url: uploadUrls(ctx.origin, upload).getUrl,
		urlExpirationDatetime: formatOvhDate(ctx.runtime.now() + 3_600_000),
	};
}

const BOOKS = '/sms/{serviceName}/phonebooks';
const BOOK = `${BOOKS}/{bookKey}`;
const CONTACTS = `${BOOK}/phonebookContact`;

export const phonebookRoutes: Route[] = [
	api('GET', BOOKS, (ctx) => Object.keys(phonebooksOf(requireAccount(ctx.runtime, ctx.params.serviceName)))),
	api('POST', BOOKS, createBook),
	api('GET', BOOK, (ctx) => bookView(requireBook(ctx).book)),
	api('PUT', BOOK, renameBook),
	api('DELETE', BOOK, (ctx) => {
		const { account, book } = requireBook(ctx);
		delete phonebooksOf(account)[book.bookKey];
		ctx.runtime.changed();
		return null;
	}),
	api('GET', CONTACTS, (ctx) => Object.values(requireBook(ctx).book.contacts).map((contact) => contact.id)),
	api('POST', CONTACTS, createContact),
	api('GET', `${CONTACTS}/{id}`, (ctx) => contactView(requireContact(ctx).contact)),
	api('PUT', `${CONTACTS}/{id}`, updateContact),
	api('DELETE', `${CONTACTS}/{id}`, (ctx) => {
		const { book, contact } = requireContact(ctx);
		delete book.contacts[contact.id];
		ctx.runtime.changed();
		return null;
	}),
	api('POST', `${BOOK}/import`, importContacts, { cuttable: true }),
	api('GET', `${BOOK}/export`, exportBook),
];
