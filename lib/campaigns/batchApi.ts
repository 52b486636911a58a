/** OVHcloud's campaign routes (`/sms/{serviceName}/batches`). */
import { buildPath, type OvhClient } from '../ovh';
import type { Batch, BatchParams, BatchStatistics } from './types';

export function batchPath(serviceName: string, ...rest: string[]): string {
	return buildPath(['sms', serviceName, 'batches', ...rest]);
}

/** Not repeated after an ambiguous failure: a second campaign would send every SMS twice. */
export function createBatch(client: OvhClient, serviceName: string, params: BatchParams): Promise<Batch> {
	return client.post<Batch>(batchPath(serviceName), params);
}

export function getBatch(client: OvhClient, serviceName: string, id: string): Promise<Batch> {
	return client.get<Batch>(batchPath(serviceName, id));
}

/** Full objects, not ids (unlike most OVHcloud lists). */
export function listBatches(client: OvhClient, serviceName: string): Promise<Batch[]> {
	return client.get<Batch[]>(batchPath(serviceName));
}

export function getBatchStatistics(client: OvhClient, serviceName: string, id: string): Promise<BatchStatistics> {
	return client.get<BatchStatistics>(batchPath(serviceName, id, 'statistics'));
}

/** Cancelling twice is harmless, so a cancel whose answer was lost may be retried. */
export function cancelBatch(client: OvhClient, serviceName: string, id: string): Promise<Batch | null> {
	return client.post<Batch | null>(batchPath(serviceName, id, 'cancel'), undefined, { idempotent: true });
}

export function deleteBatch(client: OvhClient, serviceName: string, id: string): Promise<void> {
	return client.delete<void>(batchPath(serviceName, id));
}

export function renameBatch(client: OvhClient, serviceName: string, id: string, name: string): Promise<Batch | null> {
	return client.put<Batch | null>(batchPath(serviceName, id), { name });
}
