import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Fills a `/me/document` through the upload URL OVHcloud returned. That URL is pre-signed
 * storage, not the API: a plain PUT of the bytes as they are, with no signature or token.
 */
export async function putToUploadUrl(ctx: IExecuteFunctions, url: string, bytes: Buffer | string, contentType: string): Promise<void> {
	await ctx.helpers.httpRequest({ method: 'PUT', url, body: bytes, headers: { 'Content-Type': contentType } });
}
