import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { OvhApiError } from '../../../../lib/ovh';
import { checkSenderName } from '../../../../lib/senders';
import { waitOptions } from '../common/fields';
import { readSenderMaybeWaiting, type WaitSettings } from './common/readSender';
import type { PerItemContext } from '../types';

/**
 * The reason for a name offered by `sendersAvailableForValidation`, validated at once. A guess
 * from OVHcloud's control panel, which sends it; the API documents no such value. If OVHcloud
 * took it as a moderator's text instead, the sender would wait for validation: the output is
 * the sender read back, so it then says "waiting for validation" and `canSend: false`.
 */
const AVAILABLE_FOR_VALIDATION = 'sendersAvailableForValidation';

const show = { resource: ['sender'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Sender Name From',
		name: 'creationMode',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Manually',
				value: 'manual',
				description: 'Any name, checked by OVHcloud’s moderators (usually one or two working days)',
			},
			{
				name: 'From My Personal Data',
				value: 'nichandle',
				description: 'A name taken from the account holder’s details, enabled at once',
			},
			{
				name: 'From My Domains',
				value: 'domain',
				description: 'A name taken from one of the account’s OVHcloud domains, enabled at once',
			},
		],
		default: 'manual',
	},
	{
		displayName: 'Sender Name',
		name: 'senderName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'MyCompany',
		description:
			'Up to 11 characters among unaccented letters, digits, spaces and - _ . , & + ; or a phone number in international format (+33612345678). Checked before anything is sent.',
		displayOptions: { show: { ...show, creationMode: ['manual'] } },
	},
	{
		displayName: 'Sender Name',
		name: 'availableSender',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'One of the names OVHcloud offers for this account (sendersAvailableForValidation)',
		displayOptions: { show: { ...show, creationMode: ['nichandle', 'domain'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAvailableSenders', searchable: true },
			},
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'example.com' },
		],
	},
	{
		displayName: 'Description',
		name: 'senderDescription',
		type: 'string',
		default: '',
		description: 'A label for you (the control panel allows 40 characters)',
		displayOptions: { show },
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'It is the brand of our shop, see www.example.com',
		description:
			'Why you use this name, for the moderators (the control panel allows 250 characters). If the name is a third-party company’s, also upload a supporting document (resource Supporting Document).',
		displayOptions: { show: { ...show, creationMode: ['manual'] } },
	},
	waitOptions({ ...show, creationMode: ['manual'] }),
];

export async function execute(this: IExecuteFunctions, { api, serviceName, itemIndex }: PerItemContext): Promise<INodeExecutionData[]> {
	const mode = this.getNodeParameter('creationMode', itemIndex) as string;
	const description = this.getNodeParameter('senderDescription', itemIndex, '') as string;
	let sender: string;
	let reason: string;
	let settings: WaitSettings = {};
	if (mode === 'manual') {
		const check = checkSenderName(this.getNodeParameter('senderName', itemIndex) as string);
		if (!check.valid) {
			throw new NodeOperationError(this.getNode(), `Invalid sender name: ${check.reason}`, {
				itemIndex,
				description: 'Nothing was sent to OVHcloud.',
			});
		}
		sender = check.name;
		reason = (this.getNodeParameter('reason', itemIndex) as string).trim();
		if (!reason) throw new NodeOperationError(this.getNode(), 'A reason is required for a manual sender request', { itemIndex });
		settings = this.getNodeParameter('waitOptions', itemIndex, {}) as WaitSettings;
	} else {
		sender = String(this.getNodeParameter('availableSender', itemIndex, '', { extractValue: true })).trim();
		if (!sender) throw new NodeOperationError(this.getNode(), 'Choose a sender name from the list', { itemIndex });
		reason = AVAILABLE_FOR_VALIDATION;
	}
	const created = await api
		.createSender({
			sender,
			reason,
			...(description ? { description } : {}),
		})
		.catch((error: unknown) => {
			// OVHcloud's words for it are "409 Client::Conflict": say what it means and what to do.
			if (error instanceof OvhApiError && error.httpStatus === 409) {
				throw new NodeOperationError(this.getNode(), `The sender "${sender}" already exists on ${serviceName} [item ${itemIndex}]`, {
					itemIndex,
					description:
						'Nothing was created. Use the Get operation to see its status (a request may still be waiting for validation), or Delete it first to request it again.',
				});
			}
			throw error;
		});
	const name = typeof created === 'string' && created ? created : sender;
	return [{ json: await readSenderMaybeWaiting.call(this, api, name, settings) }];
}
