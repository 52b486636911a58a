import type { OvhClient } from './client';

/** `client.getIfExists` for the callers on the send path not switched yet. */
export async function readIfExists<T>(client: OvhClient, path: string): Promise<T | undefined> {
	return await client.getIfExists<T>(path);
}
