import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { PerItemContext } from '../types';
import { limitProperties, readLimit } from '../../../shared/limit';

const show = { resource: ['addressBook'], operation: ['getMany'] };

export const description: INodeProperties[] = [...limitProperties(show)];

export async function execute(this: IExecuteFunctions, { api, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const limit = readLimit(this, itemIndex);
	const books = await api.readPhonebooks((await api.listPhonebooks()).slice(0, limit));
	return books.flatMap(({ value }) => (value ? [{ json: value }] : []));
}
