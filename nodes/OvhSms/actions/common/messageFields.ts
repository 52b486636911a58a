/**
 * The fields Send, Estimate and Campaign › Create share, defined once: one name and one label
 * per idea (docs/parameters.md lists them as the public contract). Each operation picks the
 * fields it needs and passes its displayOptions; a choice list takes the subset of options
 * the operation supports.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

type DisplayOptions = INodeProperties['displayOptions'];

const SENDER_TYPES = {
	sender: {
		name: 'Sender Name or Number',
		value: 'sender',
		description: 'An enabled alphanumeric sender (such as MyCompany) or phone number of the account; receivers cannot reply',
	},
	shortNumber: {
		name: 'Short Number for Replies (France Only)',
		value: 'shortNumber',
		description:
			'A 5-digit OVHcloud short number receivers can reply to for 48 hours (senderForResponse). Reaches French mobile numbers only.',
	},
	virtualNumber: {
		name: 'Virtual Number',
		value: 'virtualNumber',
		description: 'A virtual mobile number of the account; receivers can reply to it',
	},
} satisfies Record<string, INodePropertyOptions>;

export type SenderTypeChoice = keyof typeof SENDER_TYPES;

/** "Send From": who the receivers see the SMS from. */
export function senderTypeProperty(displayOptions: DisplayOptions, choices: SenderTypeChoice[]): INodeProperties {
	return {
		displayName: 'Send From',
		name: 'senderType',
		type: 'options',
		noDataExpression: true,
		default: 'sender',
		description:
			'Who the receivers see the SMS from. It also decides whether OVHcloud adds its STOP mention (sender names and the short number).',
		options: choices.map((choice) => SENDER_TYPES[choice]),
		displayOptions,
	};
}

/** "Message": the text, counted as the user types (see messageCost). */
export function messageProperty(displayOptions: DisplayOptions, extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description:
			'The text. 160 characters fit in one SMS (70 if a character outside the GSM alphabet, such as an emoji, is used); longer texts are split into parts, each billed.',
		...extra,
		displayOptions,
	};
}

const RECIPIENT_SOURCES = {
	addressBook: { name: 'Address Book', value: 'addressBook', description: 'The contacts of an address book (phonebook) of the account' },
	csv: { name: 'CSV File', value: 'csv', description: 'A column of a CSV file from a binary field of the input item' },
	items: {
		name: 'Input Items',
		value: 'items',
		description: 'One campaign for all input items, each item one receiver with its own message',
	},
	numbers: { name: 'Phone Numbers', value: 'numbers', description: 'One or more numbers typed or mapped from the input' },
	recipientList: { name: 'Recipient List', value: 'recipientList', description: 'A recipient list (slot 1 to 9) stored on the account' },
} satisfies Record<string, INodePropertyOptions>;

export type RecipientSourceChoice = keyof typeof RECIPIENT_SOURCES;

/** "Recipients": where the receivers come from. */
export function recipientSourceProperty(
	displayOptions: DisplayOptions,
	choices: RecipientSourceChoice[],
	defaultChoice: RecipientSourceChoice,
): INodeProperties {
	return {
		displayName: 'Recipients',
		name: 'recipientSource',
		type: 'options',
		noDataExpression: true,
		default: defaultChoice,
		options: choices.map((choice) => RECIPIENT_SOURCES[choice]),
		displayOptions,
	};
}

/** "Phone Number Column": the CSV column holding the numbers. */
export function csvColumnProperty(displayOptions: DisplayOptions, description: string): INodeProperties {
	return {
		displayName: 'Phone Number Column',
		name: 'csvColumn',
		type: 'string',
		default: '',
		placeholder: 'phone',
		description,
		displayOptions,
	};
}

/** "Non-Commercial (No STOP Mention)", an option. */
export const nonCommercialOption: INodeProperties = {
	displayName: 'Non-Commercial (No STOP Mention)',
	name: 'noStopClause',
	type: 'boolean',
	default: false,
	description:
		'Whether the message is not advertising (a code, a reminder, an alert). OVHcloud then does not add its STOP opt-out line (11 characters) to messages from a sender name or the short number. The law requires that line on marketing SMS (in France: article L34-5 of the CPCE) and limits their sending hours; certify only genuinely non-commercial messages.',
};

/** "Dry Run", an option. */
export function dryRunOption(description: string): INodeProperties {
	return { displayName: 'Dry Run', name: 'dryRun', type: 'boolean', default: false, description };
}

/** "Transliteration", an option. */
export const transliterationOption: INodeProperties = {
	displayName: 'Transliteration',
	name: 'transliteration',
	type: 'options',
	default: 'none',
	description:
		'Replace characters outside the GSM alphabet, which would otherwise switch the whole message to Unicode (70 characters per SMS instead of 160)',
	options: [
		{ name: 'None', value: 'none', description: 'Send the text as written' },
		{
			name: 'Safe',
			value: 'safe',
			description: 'Only replacements that keep the meaning: curly quotes, dashes, non-breaking spaces, ligatures',
		},
		{
			name: 'Lossy',
			value: 'lossy',
			description: 'Also accents the GSM alphabet lacks (ê → e, ç → c) and other look-alikes; emoji stay',
		},
	],
};

// One Default Country for every node (nodes/shared/descriptions.ts).
export { defaultCountryProperty, recipientListProperty, senderProperty } from '../../../shared/descriptions';
