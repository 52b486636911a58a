// The webhook exists only in webhook mode, and n8n must be able to tell without its expression
// engine (n8n 2.41 can lose the engine during activation): the native resolvers and the
// expression templates the editor evaluates must agree.
import { NodeHelpers, resolveWebhookDescriptionField, Workflow, type INode, type INodeType } from 'n8n-workflow';
import { OvhSmsTrigger } from '../../../nodes/OvhSmsTrigger/OvhSmsTrigger.node';

const nodeType = new OvhSmsTrigger();
const nodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: (_type: string, version?: number) => NodeHelpers.getVersionedNodeType(nodeType as INodeType, version),
	getKnownTypes: () => ({}),
} as any;
const [queryDescription, description] = nodeType.description.webhooks!;

function workflowWith(parameters: INode['parameters']): { workflow: Workflow; node: INode } {
	const node: INode = {
		id: 'n1',
		name: 'Trigger',
		type: 'n8n-nodes-ovh-sms.ovhSmsTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes });
	return { workflow, node: workflow.nodes[node.name] };
}

describe('webhook description', () => {
	test.each([
		['webhook', ['GET', 'POST'], false],
		['poll', ['', ''], true],
	])('mode %s: methods %j, URL hidden %j, resolved natively and by the engine alike', (mode, methods, hidden) => {
		const { workflow, node } = workflowWith({ serviceName: 'sms-ab12345-1', event: 'smsReceived', mode });
		[queryDescription, description].forEach((webhook, i) => {
			expect(resolveWebhookDescriptionField(node, webhook, 'httpMethod')).toEqual({ resolved: true, value: methods[i] });
			expect(workflow.expression.getSimpleParameterValue(node, webhook.httpMethod, 'internal', {})).toBe(methods[i]);
		});
		expect(resolveWebhookDescriptionField(node, description, 'ndvHideUrl')).toEqual({ resolved: true, value: hidden });
		expect(workflow.expression.getSimpleParameterValue(node, description.ndvHideUrl as string, 'internal', {})).toBe(hidden);
		// The GET webhook has the same URL: the editor shows it once.
		expect(resolveWebhookDescriptionField(node, queryDescription, 'ndvHideUrl')).toEqual({ resolved: true, value: true });
		expect(queryDescription.path).toBe(description.path);
	});

	test('the webhook whose hooks register the URL at OVHcloud is the last one n8n routes', () => {
		expect(nodeType.description.webhooks!.at(-1)!.name).toBe('default');
		expect(Object.keys(nodeType.webhookMethods)).toEqual(['default']);
	});

	test('no field holds a resource locator: one such value would send every webhook call through the engine', () => {
		// Why the SMS Account here is a list and not the other nodes' "From List / By ID" locator.
		const locator = { __rl: true, mode: 'list', value: 'sms-ab12345-1' };
		const { node } = workflowWith({ serviceName: locator, event: 'smsReceived', mode: 'webhook' });
		expect(resolveWebhookDescriptionField(node, description, 'httpMethod')).toEqual({ resolved: false });
		expect(nodeType.description.properties.filter((property) => property.type === 'resourceLocator')).toEqual([]);
	});

	test('the default parameters (polling) declare no webhook', () => {
		const { node } = workflowWith({ serviceName: 'sms-ab12345-1' });
		expect(resolveWebhookDescriptionField(node, description, 'httpMethod')).toEqual({ resolved: true, value: '' });
	});
});
