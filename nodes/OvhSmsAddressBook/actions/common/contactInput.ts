import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { PHONE_FIELDS, TEXT_FIELDS, type ContactFields } from '../../../../lib/contacts';
import { phoneNumberNormaliser, type PhoneNumberNormaliser } from '../../../../lib/recipients';
import { CONTACT_NAME_FIELDS, PHONE_LABELS } from './fields';

export function normaliserFor(ctx: IExecuteFunctions, itemIndex: number): PhoneNumberNormaliser {
	return phoneNumberNormaliser(String(ctx.getNodeParameter('defaultCountry', itemIndex, 'FR')));
}

/**
 * The contact fields of an item's parameters, numbers in international form. A number that is
 * not one fails the item with the field and the reason; text fields left empty are left out.
 */
export function readContactParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	textFieldsFrom: 'parameters' | 'updateFields',
): Partial<ContactFields> {
	const normalise = normaliserFor(ctx, itemIndex);
	const source =
		textFieldsFrom === 'parameters'
			? Object.fromEntries(TEXT_FIELDS.map((field) => [field, ctx.getNodeParameter(field, itemIndex, '')]))
			: (ctx.getNodeParameter('updateFields', itemIndex, {}) as Record<string, unknown>);
	const phones = (textFieldsFrom === 'parameters' ? ctx.getNodeParameter('phoneNumbers', itemIndex, {}) : source) as Record<
		string,
		unknown
	>;
	const contact: Partial<ContactFields> = {};
	for (const field of TEXT_FIELDS) {
		const value = String(source[field] ?? '').trim();
		if (value) contact[field] = value;
	}
	for (const field of PHONE_FIELDS) {
		const raw = String(phones[field] ?? '').trim();
		if (!raw) continue;
		const check = normalise(raw);
		if (!check.valid) {
			throw new NodeOperationError(
				ctx.getNode(),
				`"${PHONE_LABELS[field]}" is not a valid phone number: "${raw}" (${check.reason}) [item ${itemIndex}]`,
				{
					itemIndex,
					description: 'Write it in international form (+33612345678), or as a national number of the Default Country.',
				},
			);
		}
		contact[field] = check.number;
	}
	return contact;
}

/** Checks what OVHcloud requires of a new contact, naming what is missing. */
export function requireNewContact(ctx: IExecuteFunctions, itemIndex: number, contact: Partial<ContactFields>): ContactFields {
	const missing = TEXT_FIELDS.filter((field) => !contact[field]);
	if (missing.length > 0) {
		const labels = missing.map((field) => (field === 'group' ? 'Group' : `"${CONTACT_NAME_FIELDS[field].displayName}"`));
		throw new NodeOperationError(ctx.getNode(), `A contact needs a ${labels.join(', a ')} [item ${itemIndex}]`, { itemIndex });
	}
	if (!PHONE_FIELDS.some((field) => contact[field])) {
		throw new NodeOperationError(ctx.getNode(), 'A contact needs at least one phone number', { itemIndex });
	}
	return contact as ContactFields;
}
