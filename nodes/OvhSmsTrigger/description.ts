import type { INodeProperties } from 'n8n-workflow';

/**
 * The SMS account, as a plain list rather than the other nodes' resource locator: n8n treats
 * a node with a resource-locator value as dynamic (n8n-workflow's `nodeParametersAreStatic`)
 * and then resolves its webhook description with the expression engine, which n8n 2.41
 * sometimes fails to do during activation (see webhookDescription.ts), and which brings back
 * the isolate that N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE saves wherever n8n resolves them. A list
 * keeps the trigger's parameters static (webhookDescription.test.ts holds it so).
 */
export const smsAccountProperty: INodeProperties = {
	displayName: 'SMS Account Name or ID',
	name: 'serviceName',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSmsAccounts' },
	default: '',
	required: true,
	description:
		'The OVHcloud SMS account (service name such as sms-ab12345-1) to watch. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const eventProperty: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'SMS Received',
			value: 'smsReceived',
			description: 'A reply arrived on the short number or a virtual number of the account',
		},
		{
			name: 'Delivery Report',
			value: 'deliveryReport',
			description: 'A sent SMS was delivered, failed, or (optionally) accepted by the operator',
		},
		{
			name: 'STOP Received',
			value: 'stopReceived',
			description: 'A recipient opted out: their number was added to the account blacklist',
		},
	],
	default: 'smsReceived',
};

export const modeProperty: INodeProperties = {
	// Not "Mode": n8n's Poll Times field has its own "Mode" just above it.
	displayName: 'Receive Events By',
	name: 'mode',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Polling',
			value: 'poll',
			description: 'Asks OVHcloud for new events on a schedule. Works behind any firewall.',
		},
		{
			name: 'Webhook',
			value: 'webhook',
			description:
				'OVHcloud calls this workflow at once. n8n must be reachable from the internet; activating points the account URL for this event at the workflow.',
		},
	],
	default: 'poll',
};

const webhookNotice: INodeProperties = {
	displayName:
		"On activation this node points the account's URL for this event (reply URL, delivery-report URL or STOP URL) at this workflow, with a secret token, and puts the previous URL back on deactivation. One URL per account and event: a second workflow cannot listen to the same event in webhook mode.",
	name: 'webhookNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { mode: ['webhook'] } },
};

const receivingNumberProperty: INodeProperties = {
	displayName: 'Receiving Number Name or ID',
	name: 'receivingNumber',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getReceivingNumbers', loadOptionsDependsOn: ['serviceName'] },
	default: '',
	description:
		'Only replies received by this virtual number, or every reply of the account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions: { show: { event: ['smsReceived'] } },
};

const statusesProperty: INodeProperties = {
	displayName: 'Statuses',
	name: 'statuses',
	type: 'multiOptions',
	options: [
		{ name: 'Delivered', value: 'delivered' },
		{ name: 'Failed', value: 'failed' },
		{ name: 'Pending (Accepted by the Operator)', value: 'pending' },
	],
	default: ['delivered', 'failed'],
	description: 'Which delivery reports start the workflow',
	displayOptions: { show: { event: ['deliveryReport'] } },
};

const replyFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: { show: { event: ['smsReceived'] } },
	options: [
		{
			displayName: 'Keywords',
			name: 'keywords',
			type: 'string',
			default: '',
			placeholder: 'YES, OUI, STOP',
			description:
				'Only replies whose first word is one of these, comma-separated. Case and accents are ignored ("arret" matches "ARRÊT").',
		},
		{
			displayName: 'Senders',
			name: 'senders',
			type: 'string',
			default: '',
			placeholder: '+33612345678, +33698765432',
			description: 'Only replies from these numbers (international format), comma-separated',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'Only replies to SMS sent with one of these tags, comma-separated',
		},
	],
};

const reportFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'reportFilters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: { show: { event: ['deliveryReport'] } },
	options: [
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'Only reports of SMS sent with one of these tags, comma-separated',
		},
	],
};

const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Delete After Read',
			name: 'deleteAfterRead',
			type: 'boolean',
			default: false,
			description: "Whether to delete each emitted reply from the account's received SMS (it is gone for every other tool too)",
			displayOptions: { show: { '/event': ['smsReceived'], '/mode': ['poll'] } },
		},
		{
			displayName: 'Look Up Original SMS',
			name: 'lookUpOriginalSms',
			type: 'boolean',
			default: false,
			description: 'Whether to find the last SMS sent to the replying number and output its ID as outgoingId (one more API call per reply)',
			displayOptions: { show: { '/event': ['smsReceived'] } },
		},
		{
			displayName: 'Replace Existing URL',
			name: 'replaceExistingUrl',
			type: 'boolean',
			default: false,
			description:
				'Whether to take over the account URL for this event when it already points somewhere else (another workflow, another tool, or an automatic text answer). The previous setting is restored on deactivation.',
			displayOptions: { show: { '/mode': ['webhook'] } },
		},
		{
			displayName: 'Verify With API',
			name: 'verifyWithApi',
			type: 'boolean',
			default: true,
			description:
				'Whether to read each event back from the OVHcloud API by its ID before starting the workflow, so a forged call cannot inject a message. Costs one API call per event.',
			displayOptions: { show: { '/mode': ['webhook'] } },
		},
		{
			displayName: 'When the API Cannot Confirm',
			name: 'unconfirmedEvents',
			type: 'options',
			default: 'refuse',
			description:
				'With Verify With API on: what to do with a call that carries the right token while the OVHcloud API cannot be reached to read the event back. OVHcloud does not document whether it calls again.',
			options: [
				{
					name: 'Refuse It',
					value: 'refuse',
					description: 'Answer 503 and start nothing: no event the API has not confirmed, at the risk of missing one during an outage',
				},
				{
					name: 'Start the Workflow, Marked Unverified',
					value: 'emitUnverified',
					description: 'Start it from what the call says, with verified: false and the reason in verificationError',
				},
			],
			displayOptions: { show: { '/mode': ['webhook'] } },
		},
	],
};

export const triggerProperties: INodeProperties[] = [
	eventProperty,
	modeProperty,
	webhookNotice,
	receivingNumberProperty,
	statusesProperty,
	replyFilters,
	reportFilters,
	options,
];
