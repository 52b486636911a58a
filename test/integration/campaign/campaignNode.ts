// The Campaign resource on its own, in a node type the test engine can run, until OvhSms.node.ts
// lists it: same description pieces and the same per-item / all-items routing as the router.
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import * as campaign from '../../../nodes/OvhSms/actions/campaign';
import { errorItemJson, toNodeError } from '../../../nodes/shared/errors';
import { authenticationProperty, credentialsDescription, serviceNameProperty } from '../../../nodes/shared/descriptions';
import { createOvhClient } from '../../../nodes/shared/transport';
import { registerNodeType } from '../../support/n8nEngine';

export const CAMPAIGN_NODE_TYPE = 'campaignUnderTest';

class CampaignUnderTest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Campaign Under Test',
		name: CAMPAIGN_NODE_TYPE,
		group: ['output'],
		version: 1,
		description: 'The OVHcloud SMS node with only its Campaign resource',
		defaults: { name: 'Campaign Under Test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsDescription,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Campaign', value: 'campaign' }],
				default: 'campaign',
			},
			...campaign.description,
			serviceNameProperty,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = campaign.operations[this.getNodeParameter('operation', 0) as string];
		const client = await createOvhClient(this);
		if ('executeAll' in operation) return [await operation.executeAll.call(this, client)];
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			try {
				const serviceName = this.getNodeParameter('serviceName', i, '', { extractValue: true }) as string;
				const result = await operation.execute.call(this, { client, serviceName, itemIndex: i });
				for (const json of Array.isArray(result) ? result : [result]) out.push({ json, pairedItem: { item: i } });
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, i);
				if (!this.continueOnFail()) throw nodeError;
				out.push({ json: errorItemJson(nodeError), pairedItem: { item: i } });
			}
		}
		return [out];
	}
}

registerNodeType(`n8n-nodes-ovh-sms.${CAMPAIGN_NODE_TYPE}`, new CampaignUnderTest());
