import type { Sandbox } from '../../../sandbox';
import { httpRequest, ovh } from './ovh-test-client';

/** Uploads a file as a `/me/document` and returns its id. */
export async function uploadDocument(sandbox: Sandbox, name: string, content: string): Promise<string> {
	const created = await ovh(sandbox, 'POST', '/me/document', { body: { name } });
	const put = await httpRequest('PUT', created.json.putUrl, { body: content });
	if (put.status !== 200) throw new Error(`upload failed: ${put.status}`);
	return created.json.id as string;
}
