/**
 * `/me/document`: files a client uploads (an unsigned PUT of the bytes to `putUrl`) and then
 * names by id in another call (recipient lists, address book imports).
 */
import { randomUUID } from 'node:crypto';
import { formatOvhDate, parseIsoDatetime } from './clock';
import { badRequest } from './http';
import type { SandboxRuntime } from './runtime';
import type { MeDocumentState, SandboxState } from './types';
import { createUpload, uploadedBytes } from './uploads';

/** Documents of a state file written before documents existed are simply none. */
export function documentsOf(state: SandboxState): Record<string, MeDocumentState> {
	return (state.documents ??= {});
}

export function createDocument(runtime: SandboxRuntime, name: string, tags: MeDocumentState['tags']): MeDocumentState {
	const upload = createUpload(runtime);
	const document: MeDocumentState = {
		id: randomUUID(),
		name,
		creationDate: formatOvhDate(runtime.now()),
		expirationDate: null,
		tags,
		uploadId: upload.id,
	};
	documentsOf(runtime.state)[document.id] = document;
	runtime.changed();
	return document;
}

/** A document that still exists (an expired one is gone, as on OVHcloud). */
export function findDocument(runtime: SandboxRuntime, id: string): MeDocumentState | undefined {
	const document = documentsOf(runtime.state)[id];
	if (!document) return undefined;
	const expiresAt = document.expirationDate ? parseIsoDatetime(document.expirationDate) : undefined;
	if (expiresAt !== undefined && expiresAt <= runtime.now()) {
		deleteDocument(runtime, document);
		return undefined;
	}
	return document;
}

export function deleteDocument(runtime: SandboxRuntime, document: MeDocumentState): void {
	delete documentsOf(runtime.state)[document.id];
	delete runtime.state.uploads[document.uploadId];
	runtime.changed();
}

/** The text of a document another call names by id, refused like OVHcloud when it is missing or empty. */
export function documentText(runtime: SandboxRuntime, id: string, field = 'documentId'): string {
	const document = findDocument(runtime, id);
	if (!document) throw badRequest(`[${field}] The document ${id} does not exist`);
	const upload = runtime.state.uploads[document.uploadId];
	if (!upload || upload.size === 0) throw badRequest(`[${field}] The document ${id} is empty: upload the file to its putUrl first`);
	return uploadedBytes(upload).toString('utf8');
}
