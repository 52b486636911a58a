import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import {
	ContactFileError,
	planContactImport,
	readContactFile,
	writeContactsCsv,
	type ContactColumnMapping,
	type ContactFileReading,
	type ContactImportPlan,
	type RejectedRow,
} from '../../../../lib/contacts';
import { OvhApiError } from '../../../../lib/ovh';
import type { SmsPhonebookImport, TelephonyTask, Wire } from '../../../../lib/ovh/models';
import { normaliserFor } from '../common/contactInput';
import { DEFAULT_GROUP } from '../common/fields';
import { importFields } from './import/fields';
import { mapWithConcurrency } from '../../../../lib/batching';
import { deleteDocument, expireDocument, readContacts, readInputText, uploadDocument, waitForContactCount } from '../common/phonebook';
import type { PerItemContext } from '../types';

/** Writes in flight at once in contact-by-contact mode: fast, yet gentle on OVHcloud's rate limits. */
const WRITE_CONCURRENCY = 4;

export const description: INodeProperties[] = importFields;

/** The Mode parameter: OVHcloud imports one uploaded file, or the node writes contact by contact. */
type ImportMode = 'ovhImport' | 'contactByContact';

/** What an import writes, into which book. */
interface ImportJob {
	bookKey: string;
	plan: ContactImportPlan;
	fileName: string;
	/** Contacts the book held before: OVHcloud's import is done when it holds these plus the new ones. */
	contactsBefore: number;
}

interface ImportOutcome {
	created: number;
	/** Contacts sent to OVHcloud whose arrival in the book was not seen (not counted as created). */
	submitted?: number;
	updated: number;
	failed: RejectedRow[];
	extra: IDataObject;
}

/**
 * Uploads the new contacts as one file and has OVHcloud import it. OVHcloud publishes no way to
 * read the import's task back, so the import counts as finished when the address book holds
 * the contacts it had plus the new ones; until then it is "submitted, not confirmed". The
 * uploaded file gets an expiry date first, so it never outlives a run that could not delete it
 * (OVHcloud may still be reading it then); once the contacts are there it is deleted at once.
 */
async function importThroughOvhcloud(
	ctx: IExecuteFunctions,
	{ api, itemIndex }: PerItemContext,
	{ bookKey, plan, fileName, contactsBefore }: ImportJob,
): Promise<ImportOutcome> {
	if (plan.toCreate.length === 0) return { created: 0, updated: 0, failed: [], extra: { importStatus: 'nothing to import' } };
	const options = ctx.getNodeParameter('importOptions', itemIndex, {}) as {
		waitForImport?: boolean;
		timeLimitSeconds?: number;
		pollIntervalSeconds?: number;
	};
	const csv = writeContactsCsv(plan.toCreate.map((row) => row.contact));
	const document = await uploadDocument(ctx, api, `n8n-import-${fileName}`, Buffer.from(csv, 'utf8'), itemIndex);
	const documentExpiresAt = await expireDocument(api, document.id, Date.now());
	const body: SmsPhonebookImport = { documentId: document.id };
	let task: Wire<TelephonyTask>;
	try {
		task = await api.importPhonebook(bookKey, body);
	} catch (error) {
		// A refusal (4xx) means nothing was imported: the file can go. Without an answer the import
		// may be running and reading it: it stays until its expiry date.
		const refused = error instanceof OvhApiError && (error.httpStatus ?? 0) >= 400 && (error.httpStatus ?? 0) < 500;
		const documentDeleted = refused && (await deleteDocument(api, document.id));
		const file = documentDeleted
			? 'the uploaded file was deleted'
			: `the uploaded file ${document.id} expires at ${documentExpiresAt ?? 'no date: delete it from /me/document'}`;
		throw new NodeOperationError(ctx.getNode(), error as Error, {
			itemIndex,
			description: `${refused ? 'OVHcloud refused the import' : 'The import may have started: it is not confirmed'}; ${file}. Running the import again adds only the contacts that are not in the address book yet.`,
		});
	}
	if (task?.status === 'error') {
		await deleteDocument(api, document.id);
		throw new NodeOperationError(ctx.getNode(), `OVHcloud refused the import: ${task.message ?? 'no reason given'}`, { itemIndex });
	}
	const unconfirmed = (contactsNow: number | undefined): ImportOutcome => ({
		created: 0,
		submitted: plan.toCreate.length,
		updated: 0,
		failed: [],
		extra: {
			importStatus: 'submitted, not confirmed',
			...(contactsNow === undefined ? {} : { contactsInBook: contactsNow, contactsExpected: contactsBefore + plan.toCreate.length }),
			taskId: task?.taskId,
			documentId: document.id,
			documentDeleted: false,
			documentExpiresAt: documentExpiresAt ?? null,
			hint: 'OVHcloud accepted the file; check the address book later. Running the import again adds only the contacts that are not there yet.',
		},
	});
	if (options.waitForImport === false) return unconfirmed(undefined);
	const outcome = await waitForContactCount(api, bookKey, contactsBefore + plan.toCreate.length, {
		timeLimitMs: (options.timeLimitSeconds ?? 300) * 1000,
		pollIntervalMs: (options.pollIntervalSeconds ?? 2) * 1000,
	});
	if (!outcome.reached) return unconfirmed(outcome.count);
	// Every new contact is in the book: OVHcloud has read the file.
	const documentDeleted = await deleteDocument(api, document.id);
	return {
		created: plan.toCreate.length,
		updated: 0,
		failed: [],
		extra: { importStatus: 'done', taskId: task?.taskId, documentDeleted },
	};
}

/** A create OVHcloud refused for this row alone (400) becomes a rejected row; anything else stops the import. */
function rowFailure(error: unknown, line: number): RejectedRow | undefined {
	if (error instanceof OvhApiError && error.httpStatus === 400) return { line, reason: `OVHcloud refused it: ${error.ovhMessage}` };
	return undefined;
}

async function importContactByContact(
	ctx: IExecuteFunctions,
	{ api, itemIndex }: PerItemContext,
	{ bookKey, plan }: ImportJob,
): Promise<ImportOutcome> {
	const failed: RejectedRow[] = [];
	let stoppedBy: { line: number; error: unknown } | undefined;
	const writes = [
		...plan.toCreate.map((row) => ({
			line: row.line,
			kind: 'create' as const,
			run: async () => await api.createContact(bookKey, row.contact),
		})),
		...plan.toUpdate.map(({ row, existing, changes }) => ({
			line: row.line,
			kind: 'update' as const,
			run: async () => await api.updateContact(bookKey, existing.id, changes),
		})),
	];
	const settled = await mapWithConcurrency(
		writes,
		WRITE_CONCURRENCY,
		async (write) => {
			try {
				await write.run();
			} catch (error) {
				const failure = rowFailure(error, write.line);
				if (!failure) stoppedBy ??= { line: write.line, error };
				else failed.push(failure);
				return false;
			}
			return true;
		},
		{ stopWhen: () => stoppedBy !== undefined },
	);
	if (stoppedBy) {
		throw new NodeOperationError(ctx.getNode(), stoppedBy.error as Error, {
			itemIndex,
			description: `Stopped at line ${stoppedBy.line}; the contacts written before it are in the address book. Running the import again resumes where it stopped.`,
		});
	}
	const done = (kind: 'create' | 'update') =>
		settled.filter((result, index) => writes[index].kind === kind && result.status === 'fulfilled' && result.value).length;
	return { created: done('create'), updated: done('update'), failed, extra: {} };
}

const IMPORTERS: Record<ImportMode, (ctx: IExecuteFunctions, context: PerItemContext, job: ImportJob) => Promise<ImportOutcome>> = {
	ovhImport: importThroughOvhcloud,
	contactByContact: importContactByContact,
};

function readFile(ctx: IExecuteFunctions, itemIndex: number, text: string, mode: ImportMode): ContactFileReading {
	const mapping = Object.fromEntries(
		Object.entries(
			mode === 'contactByContact' ? (ctx.getNodeParameter('columnMapping', itemIndex, {}) as ContactColumnMapping) : {},
		).filter(([, column]) => typeof column === 'string' && column.trim() !== ''),
	);
	let reading: ContactFileReading | undefined;
	let problem: string | undefined;
	try {
		reading = readContactFile(text, {
			mapping: Object.keys(mapping).length > 0 ? mapping : undefined,
			defaultGroup: (ctx.getNodeParameter('defaultGroup', itemIndex, DEFAULT_GROUP) as string).trim() || DEFAULT_GROUP,
			normaliseNumber: normaliserFor(ctx, itemIndex),
			asciiOnly: mode === 'ovhImport',
		});
	} catch (error) {
		if (!(error instanceof ContactFileError)) throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		problem = error.message;
	}
	if (!reading) throw new NodeOperationError(ctx.getNode(), problem ?? 'The file could not be read', { itemIndex });
	return reading;
}

export async function execute(this: IExecuteFunctions, context: PerItemContext): Promise<INodeExecutionData[]> {
	const { api, itemIndex } = context;
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const mode = this.getNodeParameter('importMode', itemIndex) as ImportMode;
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const { text, fileName } = await readInputText(this, itemIndex, binaryPropertyName);
	const reading = readFile(this, itemIndex, text, mode);

	const existing = await readContacts(api, bookKey);
	const plan = planContactImport(reading.rows, existing, {
		updateExisting: mode === 'contactByContact' && (this.getNodeParameter('updateExisting', itemIndex, false) as boolean),
		normaliseNumber: normaliserFor(this, itemIndex),
	});
	const importer = IMPORTERS[mode];
	if (!importer) throw new NodeOperationError(this.getNode(), `Mode "${String(mode)}" is not supported`, { itemIndex });
	const outcome = await importer(this, context, { bookKey, plan, fileName, contactsBefore: existing.length });

	const rejectedRows = [...reading.rejected, ...plan.duplicates, ...outcome.failed].sort((a, b) => a.line - b.line);
	const created = outcome.submitted ? `${outcome.submitted} submitted (not confirmed yet)` : `${outcome.created} created`;
	const summary = `${created}, ${outcome.updated} updated, ${plan.alreadyPresent.length} already present, ${rejectedRows.length} rejected`;
	return [
		{
			json: {
				addressBook: bookKey,
				mode,
				fileName,
				rows: reading.rowCount,
				created: outcome.created,
				...(outcome.submitted ? { submitted: outcome.submitted } : {}),
				updated: outcome.updated,
				alreadyPresent: plan.alreadyPresent.length,
				rejected: rejectedRows.length,
				summary,
				...outcome.extra,
				columns: reading.mapping as IDataObject,
				rejectedRows: rejectedRows as unknown as IDataObject[],
			},
		},
	];
}
