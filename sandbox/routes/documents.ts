/** `/me/document`: upload a file (unsigned PUT to `putUrl`), then name it by id in another call. */
import { createDocument, deleteDocument, documentsOf, findDocument } from '../documents';
import { badRequest, notFound } from '../http';
import { api, type Route, type RouteContext } from '../router';
import type { MeDocumentState } from '../types';
import { uploadUrls } from '../uploads';
import { objectBody, rejectUndescribed, requiredString, stringField, type Body } from '../validation';
import { parseIsoDatetime } from '../clock';

function readTags(body: Body): MeDocumentState['tags'] {
	const tags = body.tags;
	if (tags === undefined || tags === null) return [];
	if (
		!Array.isArray(tags) ||
		tags.some((tag) => !tag || typeof tag !== 'object' || typeof tag.key !== 'string' || typeof tag.value !== 'string')
	) {
		throw badRequest('[tags] Given data is not an array of complexType.SafeKeyValue<string>');
	}
	return tags.map((tag: { key: string; value: string }) => ({ key: tag.key, value: tag.value }));
}

function requireDocument(ctx: RouteContext): MeDocumentState {
	const document = findDocument(ctx.runtime, ctx.params.id);
	if (!document) throw notFound(ctx.params.id);
	return document;
}

/** `nichandle.document.Document`. */
function documentView(ctx: RouteContext, document: MeDocumentState) {
	const upload = ctx.runtime.state.uploads[document.uploadId];
	return {
		id: document.id,
		name: document.name,
		size: upload?.size ?? 0,
		creationDate: document.creationDate,
		expirationDate: document.expirationDate,
		validationDate: null,
		tags: document.tags,
		...(upload ? uploadUrls(ctx.origin, upload) : { getUrl: null, putUrl: null }),
	};
}

function updateDocument(ctx: RouteContext) {
	const document = requireDocument(ctx);
	const body = objectBody(ctx.body);
	rejectUndescribed(body, ['expirationDate', 'name', 'tags', 'id', 'size', 'creationDate', 'getUrl', 'putUrl', 'validationDate'], 'update');
	if ('expirationDate' in body) {
		const raw = stringField(body, 'expirationDate');
		if (raw !== undefined && parseIsoDatetime(raw) === undefined) {
			throw badRequest(`[expirationDate] Given data (${raw}) is not a valid datetime`);
		}
		document.expirationDate = raw ?? null;
	}
	const name = stringField(body, 'name');
	if (name !== undefined) document.name = name;
	if ('tags' in body) document.tags = readTags(body);
	ctx.runtime.changed();
	return null;
}

export const documentRoutes: Route[] = [
	api('GET', '/me/document', (ctx) => Object.keys(documentsOf(ctx.runtime.state)).filter((id) => findDocument(ctx.runtime, id))),
	api('POST', '/me/document', (ctx) => {
		const body = objectBody(ctx.body);
		rejectUndescribed(body, ['name', 'tags'], 'creation');
		return documentView(ctx, createDocument(ctx.runtime, requiredString(body, 'name'), readTags(body)));
	}),
	// Browsers need it before a PUT from another origin; the sandbox answers any origin.
	api('POST', '/me/document/cors', (ctx) => {
		const body = objectBody(ctx.body);
		rejectUndescribed(body, ['origin'], 'creation');
		requiredString(body, 'origin');
		return null;
	}),
	api('GET', '/me/document/{id}', (ctx) => documentView(ctx, requireDocument(ctx))),
	api('PUT', '/me/document/{id}', updateDocument),
	api('DELETE', '/me/document/{id}', (ctx) => {
		deleteDocument(ctx.runtime, requireDocument(ctx));
		return null;
	}),
];
