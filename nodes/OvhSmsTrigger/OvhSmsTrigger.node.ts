import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { authenticationProperty, credentialsDescription } from '../shared/descriptions';
import { smsAccountProperty, triggerProperties } from './description';
import { getReceivingNumbers, getSmsAccounts } from './loadOptions';
import { pollTrigger } from './polling';
import { webhookDescriptions } from './webhookDescription';
import { createWebhook, deleteWebhook, webhookExists } from './webhookSetup';
import { receiveWebhook } from './webhookReceive';

/**
 * One node, two ways to hear from OVHcloud. Polling (`polling: true`) works behind any
 * firewall. The webhook exists only in webhook mode (see webhookDescription.ts), so in polling
 * mode no OVHcloud setting is touched; in webhook mode n8n's poll schedule still ticks and
 * `poll()` returns at once.
 */
export class OvhSmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OVHcloud SMS Trigger',
		name: 'ovhSmsTrigger',
		icon: { light: 'file:../../icons/ovhSmsTrigger.svg', dark: 'file:../../icons/ovhSmsTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] + " (" + $parameter["mode"] + ")"}}',
		description: 'Starts the workflow when an SMS reply, a delivery report or a STOP arrives on OVHcloud',
		defaults: { name: 'OVHcloud SMS Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		webhooks: webhookDescriptions,
		// The editor words its panel for webhook nodes; this node polls by default.
		triggerPanel: {
			header: 'Pull in an event from OVHcloud SMS',
			executionsHelp: {
				inactive:
					'While building the workflow, click "Execute step" to get the latest event, in either mode. Once the workflow is active, every new event starts it.',
				active: 'The workflow is active: every new event starts it. Executions are listed under "Executions".',
			},
			activationHint:
				'Once the workflow is active, new replies, delivery reports or STOPs start it: by polling on the schedule set in Poll Times, or at once in webhook mode.',
		},
		properties: [authenticationProperty, smsAccountProperty, ...triggerProperties],
	};

	methods = { loadOptions: { getSmsAccounts, getReceivingNumbers } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook.call(this);
			},
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTrigger.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook.call(this);
	}
}
