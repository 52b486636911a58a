/**
 * Upload slots: the API hands out a `putUrl` that the client fills with a plain, unsigned HTTP
 * PUT (as OVHcloud's document storage does), and a `getUrl` to read the bytes back. Any route
 * module that needs a document (sender justification, `/me/document`) creates one here.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxRuntime } from './runtime';
import type { UploadState } from './types';

export const UPLOAD_PATH = '/uploads';
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export function createUpload(runtime: SandboxRuntime): UploadState {
	const upload: UploadState = { id: randomUUID(), contentType: null, contentBase64: '', size: 0, uploadedAt: null };
	runtime.state.uploads[upload.id] = upload;
	runtime.changed();
	return upload;
}

export function uploadUrls(origin: string, upload: UploadState): { getUrl: string; putUrl: string } {
	const url = `${origin}${UPLOAD_PATH}/${upload.id}`;
	return { getUrl: url, putUrl: url };
}

export function uploadedBytes(upload: UploadState): Buffer {
	return Buffer.from(upload.contentBase64, 'base64');
}
