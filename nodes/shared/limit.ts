/** The "Return All" + "Limit" pair every Get Many operation of the pack shows, and its reading. */
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export function limitProperties(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** How many results to return: Infinity with Return All. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false)) return Infinity;
	return Number(ctx.getNodeParameter('limit', itemIndex, 50));
}
