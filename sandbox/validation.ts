/**
 * Body and query checks with OVHcloud-style messages: a wrong type or an unknown enum value is a
 * 400 naming the property, and a property the route does not describe is refused (the API
 * answers "Received not described parameters"), which catches client typos early.
 */
import { badRequest } from './http';
import { parseIsoDatetime } from './clock';

export type Body = Record<string, unknown>;

export function objectBody(body: unknown): Body {
	if (body === undefined || body === null) return {};
	if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Invalid body: a JSON object is expected');
	return body as Body;
}

export function rejectUndescribed(body: Body, described: readonly string[], handler: 'creation' | 'update'): void {
	const extra = Object.keys(body).filter((key) => !described.includes(key));
	if (extra.length > 0) {
		throw badRequest(`Received not described parameters: (${extra.join(', ')}) while calling ${handler} handler`);
	}
}

const present = (body: Body, field: string) => body[field] !== undefined && body[field] !== null;

export function requiredString(body: Body, field: string): string {
	if (!present(body, field) || body[field] === '') throw badRequest(`[${field}] Property is mandatory`);
	return stringField(body, field)!;
}

export function stringField(body: Body, field: string): string | undefined {
	if (!present(body, field)) return undefined;
	const value = body[field];
	if (typeof value !== 'string') throw badRequest(`[${field}] Given data (${JSON.stringify(value)}) is not a string`);
	return value;
}

export function booleanField(body: Body, field: string): boolean | undefined {
	if (!present(body, field)) return undefined;
	const value = body[field];
	if (typeof value !== 'boolean') throw badRequest(`[${field}] Given data (${JSON.stringify(value)}) is not a boolean`);
	return value;
}

export function longField(body: Body, field: string, min = Number.MIN_SAFE_INTEGER): number | undefined {
	if (!present(body, field)) return undefined;
	const value = body[field];
	if (typeof value !== 'number' || !Number.isInteger(value)) {
		throw badRequest(`[${field}] Given data (${JSON.stringify(value)}) is not a long`);
	}
	if (value < min) throw badRequest(`[${field}] Given data (${value}) must be greater than or equal to ${min}`);
	return value;
}

export function numberField(body: Body, field: string): number | undefined {
	if (!present(body, field)) return undefined;
	const value = body[field];
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw badRequest(`[${field}] Given data (${JSON.stringify(value)}) is not a double`);
	}
	return value;
}

export function enumValue<T extends string>(value: unknown, field: string, values: readonly T[], enumName: string): T {
	if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
		throw badRequest(`[${field}] Given data (${String(value)}) does not belong to the ${enumName} enumeration`);
	}
	return value as T;
}

export function enumField<T extends string>(body: Body, field: string, values: readonly T[], enumName: string): T | undefined {
	if (!present(body, field)) return undefined;
	return enumValue(body[field], field, values, enumName);
}

export function stringArrayField(body: Body, field: string): string[] | undefined {
	if (!present(body, field)) return undefined;
	const value = body[field];
	if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
		throw badRequest(`[${field}] Given data is not an array of strings`);
	}
	return value as string[];
}

export function httpUrlField(body: Body, field: string): string | null | undefined {
	if (!(field in body)) return undefined;
	const value = body[field];
	if (value === null || value === '') return null;
	if (typeof value !== 'string' || !/^https?:\/\/\S+$/i.test(value)) {
		throw badRequest(`[${field}] The URL must start with http:// or https://`);
	}
	return value;
}

/** Reads an ISO 8601 query filter. */
export function datetimeQuery(query: URLSearchParams, name: string): number | undefined {
	const raw = query.get(name);
	if (raw === null || raw === '') return undefined;
	const ms = parseIsoDatetime(raw);
	if (ms === undefined) throw badRequest(`[${name}] Given data (${raw}) is not a valid datetime`);
	return ms;
}

export function longQuery(query: URLSearchParams, name: string): number | undefined {
	const raw = query.get(name);
	if (raw === null || raw === '') return undefined;
	if (!/^-?\d+$/.test(raw)) throw badRequest(`[${name}] Given data (${raw}) is not a long`);
	return Number(raw);
}
