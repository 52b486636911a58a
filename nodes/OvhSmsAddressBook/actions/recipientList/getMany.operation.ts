import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { PerItemContext } from '../types';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, { api }: PerItemContext): Promise<INodeExecutionData[]> {
	const lists = await api.readReceivers(await api.listReceivers());
	return lists.flatMap(({ value }) => (value ? [{ json: value }] : []));
}
