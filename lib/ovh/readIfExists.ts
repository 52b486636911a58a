import type { OvhClient } from './client';
import { OvhApiError } from './errors';

/** A GET that answers undefined for 404 (the object does not exist) and fails otherwise. */
export async function readIfExists<T>(client: OvhClient, path: string): Promise<T | undefined> {
	return await client.get<T>(path).then(
		(value) => value,
		(error: unknown) => {
			if (error instanceof OvhApiError && error.httpStatus === 404) return undefined;
			throw error;
		},
	);
}
