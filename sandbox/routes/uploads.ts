/** `PUT/GET /uploads/{id}`: the unsigned upload and download URLs handed out by the API. */
import { ApiError, RawReply } from '../http';
import { raw, type Route, type RouteContext } from '../router';
import { formatOvhDate } from '../clock';
import { MAX_UPLOAD_BYTES, UPLOAD_PATH, uploadedBytes } from '../uploads';

function findUpload(ctx: RouteContext) {
	const upload = ctx.runtime.state.uploads[ctx.params.id];
	if (!upload) throw new ApiError(404, { class: 'Client::NotFound', message: 'No such upload' });
	return upload;
}

export const uploadRoutes: Route[] = [
	raw(
		'PUT',
		`${UPLOAD_PATH}/{id}`,
		(ctx) => {
			const upload = findUpload(ctx);
			if (ctx.rawBody.length > MAX_UPLOAD_BYTES) {
				throw new ApiError(413, { class: 'Client::BadRequest', message: 'File too large (10 MB at most)' });
			}
			const contentType = ctx.headers['content-type'];
			upload.contentType = typeof contentType === 'string' ? contentType : null;
			upload.contentBase64 = ctx.rawBody.toString('base64');
			upload.size = ctx.rawBody.length;
			upload.uploadedAt = formatOvhDate(ctx.runtime.now());
			ctx.runtime.changed();
			return new RawReply(200, '');
		},
		{ rawBody: true },
	),
	raw('GET', `${UPLOAD_PATH}/{id}`, (ctx) => {
		const upload = findUpload(ctx);
		return new RawReply(200, uploadedBytes(upload), {
			'Content-Type': upload.contentType ?? 'application/octet-stream',
		});
	}),
];
