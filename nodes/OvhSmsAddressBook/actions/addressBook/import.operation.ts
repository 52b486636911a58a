import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
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
import { normaliserFor } from '../contactInput';
import { addressBookLocator, binaryField, DEFAULT_GROUP, defaultCountryField } from '../fields';
import { mapWithConcurrency } from '../../../../lib/batching';
import {
	bookPath,
	contactsPath,
	deleteDocument,
	readContacts,
	readInputText,
	uploadDocument,
	waitForTask,
} from '../phonebookApi';
import type { ItemContext } from '../types';

/** Writes in flight at once in contact-by-contact mode: fast, yet gentle on OVHcloud's rate limits. */
const WRITE_CONCURRENCY = 4;

const show = { resource: ['addressBook'], operation: ['import'] };

export const description: INodeProperties[] = [
	addressBookLocator(show),
	binaryField(show, 'The binary field of the input item that holds the .csv or .txt file (; , or tab separated, with a header line)'),
	{
		displayName: 'Mode',
		name: 'importMode',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'OVHcloud Import',
				value: 'ovhImport',
				description:
					'Columns named like OVHcloud’s fields (group, name, surname, homeMobile, homePhone, workMobile, workPhone). The new contacts go to OVHcloud in one file: few API calls whatever the size. Rows with accented characters are reported (OVHcloud would skip them).',
			},
			{
				name: 'Contact by Contact',
				value: 'contactByContact',
				description: 'Map your own columns to fields; one call per new contact; accents kept; changed contacts can be updated',
			},
		],
		default: 'ovhImport',
	},
	{
		displayName: 'Columns',
		name: 'columnMapping',
		type: 'collection',
		placeholder: 'Map a Column',
		default: {},
		description: 'The header of the column that holds each field. With no mapping, columns named like OVHcloud’s fields are used.',
		displayOptions: { show: { ...show, importMode: ['contactByContact'] } },
		options: [
			{ displayName: 'Group Column', name: 'group', type: 'string', default: '' },
			{ displayName: 'Home Mobile Column', name: 'homeMobile', type: 'string', default: '' },
			{ displayName: 'Home Phone Column', name: 'homePhone', type: 'string', default: '' },
			{ displayName: 'Name Column', name: 'name', type: 'string', default: '' },
			{ displayName: 'Surname Column', name: 'surname', type: 'string', default: '' },
			{ displayName: 'Work Mobile Column', name: 'workMobile', type: 'string', default: '' },
			{ displayName: 'Work Phone Column', name: 'workPhone', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Default Group',
		name: 'defaultGroup',
		type: 'string',
		default: DEFAULT_GROUP,
		description: 'Group of the rows that have none',
		displayOptions: { show },
	},
	defaultCountryField(show),
	{
		displayName: 'Update Existing Contacts',
		name: 'updateExisting',
		type: 'boolean',
		default: false,
		description:
			'Whether a row whose number is already in the address book updates that contact when its fields differ (otherwise it is left as it is)',
		displayOptions: { show: { ...show, importMode: ['contactByContact'] } },
	},
	{
		displayName: 'Options',
		name: 'importOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { ...show, importMode: ['ovhImport'] } },
		options: [
			{
				displayName: 'Wait for Import',
				name: 'waitForImport',
				type: 'boolean',
				default: true,
				description: 'Whether to wait until OVHcloud has finished the import (its task is done) before going on',
			},
			{
				displayName: 'Time Limit (Seconds)',
				name: 'timeLimitSeconds',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 300,
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0.01, numberPrecision: 2 },
				default: 2,
			},
		],
	},
];

interface ImportOutcome {
	created: number;
	updated: number;
	failed: RejectedRow[];
	extra: IDataObject;
}

async function importThroughOvhcloud(
	ctx: IExecuteFunctions,
	{ client, serviceName, itemIndex }: ItemContext,
	bookKey: string,
	plan: ContactImportPlan,
	fileName: string,
): Promise<ImportOutcome> {
	if (plan.toCreate.length === 0) return { created: 0, updated: 0, failed: [], extra: { importStatus: 'nothing to import' } };
	const options = ctx.getNodeParameter('importOptions', itemIndex, {}) as {
		waitForImport?: boolean;
		timeLimitSeconds?: number;
		pollIntervalSeconds?: number;
	};
	const csv = writeContactsCsv(plan.toCreate.map((row) => row.contact));
	const document = await uploadDocument(ctx, client, `n8n-import-${fileName}`, Buffer.from(csv, 'utf8'), itemIndex);
	const task = await client.post<{ taskId: number; status: string }>(bookPath(serviceName, bookKey, 'import'), { documentId: document.id });
	if (options.waitForImport === false) {
		return {
			created: plan.toCreate.length,
			updated: 0,
			failed: [],
			extra: { importStatus: task.status, taskId: task.taskId, documentId: document.id },
		};
	}
	const outcome = await waitForTask(client, serviceName, task.taskId, {
		timeLimitMs: (options.timeLimitSeconds ?? 300) * 1000,
		pollIntervalMs: (options.pollIntervalSeconds ?? 2) * 1000,
	});
	if (outcome.status === 'error') {
		throw new NodeOperationError(ctx.getNode(), `OVHcloud's import task ${task.taskId} failed`, { itemIndex });
	}
	// OVHcloud has read the file once its task is done; until then it must stay.
	const documentDeleted = outcome.status === 'done' ? await deleteDocument(client, document.id) : false;
	return {
		created: plan.toCreate.length,
		updated: 0,
		failed: [],
		extra: { importStatus: outcome.timedOut ? 'still running' : outcome.status, taskId: task.taskId, documentDeleted },
	};
}

/** A create OVHcloud refused for this row alone (400) becomes a rejected row; anything else stops the import. */
function rowFailure(error: unknown, line: number): RejectedRow | undefined {
	if (error instanceof OvhApiError && error.httpStatus === 400) return { line, reason: `OVHcloud refused it: ${error.ovhMessage}` };
	return undefined;
}

async function importContactByContact(
	ctx: IExecuteFunctions,
	{ client, serviceName, itemIndex }: ItemContext,
	bookKey: string,
	plan: ContactImportPlan,
): Promise<ImportOutcome> {
	const failed: RejectedRow[] = [];
	let stoppedBy: { line: number; error: unknown } | undefined;
	const writes = [
		...plan.toCreate.map((row) => ({ line: row.line, kind: 'create' as const, run: async () => await client.post(contactsPath(serviceName, bookKey), row.contact) })),
		...plan.toUpdate.map(({ row, existing, changes }) => ({
			line: row.line,
			kind: 'update' as const,
			run: async () => await client.put(contactsPath(serviceName, bookKey, existing.id), changes),
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

function readFile(ctx: IExecuteFunctions, itemIndex: number, text: string, mode: string): ContactFileReading {
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

export async function execute(this: IExecuteFunctions, context: ItemContext): Promise<INodeExecutionData[]> {
	const { client, serviceName, itemIndex } = context;
	const bookKey = this.getNodeParameter('addressBook', itemIndex, '', { extractValue: true }) as string;
	const mode = this.getNodeParameter('importMode', itemIndex) as string;
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const { text, fileName } = await readInputText(this, itemIndex, binaryPropertyName);
	const reading = readFile(this, itemIndex, text, mode);

	const existing = await readContacts(client, serviceName, bookKey);
	const plan = planContactImport(reading.rows, existing, {
		updateExisting: mode === 'contactByContact' && (this.getNodeParameter('updateExisting', itemIndex, false) as boolean),
		normaliseNumber: normaliserFor(this, itemIndex),
	});
	const outcome =
		mode === 'ovhImport'
			? await importThroughOvhcloud(this, context, bookKey, plan, fileName)
			: await importContactByContact(this, context, bookKey, plan);

	const rejectedRows = [...reading.rejected, ...plan.duplicates, ...outcome.failed].sort((a, b) => a.line - b.line);
	const summary = `${outcome.created} created, ${outcome.updated} updated, ${plan.alreadyPresent.length} already present, ${rejectedRows.length} rejected`;
	return [
		{
			json: {
				addressBook: bookKey,
				mode,
				fileName,
				rows: reading.rowCount,
				created: outcome.created,
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
