/**
 * What OVHcloud sends to a callback URL, read the same way whether it came as a form POST or
 * as a GET query: a reply (`smsResponse` CGI: id, message, senderid, shortcode, tag, keyword),
 * a delivery report (`callBack`: id, ptt, date, description = DLR id, descriptionDlr) or a
 * STOP notice (`stopCallBack`: number, id).
 */

export type CallbackFields = Record<string, unknown>;

export interface ReplyCallback {
	id: string;
	message: string;
	sender: string;
	/** The short number or virtual number that received it. */
	receivingNumber?: string;
	tag?: string;
}

export interface DeliveryCallback {
	id: string;
	ptt?: number;
	dlrCode?: number;
	date?: string;
	/** OVHcloud's own text for the DLR id. */
	ovhStatusText?: string;
}

export interface StopCallback {
	number: string;
	/** The id of the STOP reply, when OVHcloud gives it. */
	id?: string;
}

/** Query and form values may repeat; the first one counts. */
function text(fields: CallbackFields, ...names: string[]): string | undefined {
	for (const name of names) {
		const raw = fields[name];
		const value = Array.isArray(raw) ? raw[0] : raw;
		if (typeof value === 'string' && value.trim() !== '') return value;
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	}
	return undefined;
}

function integer(fields: CallbackFields, name: string): number | undefined {
	const value = text(fields, name);
	return value !== undefined && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

const ID = /^\d{1,20}$/;
const PHONE = /^(\+|00)?\d{3,15}$/;

/** Merges the query and a form or JSON body (the body wins), without the token. */
export function callbackFields(query: unknown, body: unknown): CallbackFields {
	const merged: CallbackFields = {};
	for (const source of [query, body]) {
		if (source && typeof source === 'object' && !Array.isArray(source)) Object.assign(merged, source);
	}
	delete merged.token;
	return merged;
}

export function readReplyCallback(fields: CallbackFields): ReplyCallback | undefined {
	const id = text(fields, 'id')?.trim();
	const sender = text(fields, 'senderid', 'sender')?.trim();
	const message = text(fields, 'message');
	if (!id || !ID.test(id) || !sender || !PHONE.test(sender.replace(/\s/g, '')) || message === undefined) return undefined;
	return {
		id,
		message,
		sender: sender.replace(/\s/g, ''),
		receivingNumber: text(fields, 'shortcode')?.trim(),
		tag: text(fields, 'tag'),
	};
}

export function readDeliveryCallback(fields: CallbackFields): DeliveryCallback | undefined {
	const id = text(fields, 'id')?.trim();
	if (!id || !ID.test(id)) return undefined;
	const ptt = integer(fields, 'ptt');
	const dlrCode = integer(fields, 'description') ?? integer(fields, 'dlr');
	if (ptt === undefined && dlrCode === undefined) return undefined;
	return { id, ptt, dlrCode, date: text(fields, 'date'), ovhStatusText: text(fields, 'descriptionDlr') };
}

export function readStopCallback(fields: CallbackFields): StopCallback | undefined {
	const number = text(fields, 'number', 'senderid', 'sender')?.replace(/\s/g, '');
	if (!number || !PHONE.test(number)) return undefined;
	const id = text(fields, 'id')?.trim();
	return { number, id: id && ID.test(id) ? id : undefined };
}
