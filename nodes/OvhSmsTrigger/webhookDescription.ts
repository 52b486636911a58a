/**
 * The node's webhooks, declared only in webhook mode: n8n registers no webhook whose HTTP
 * method evaluates to an empty string, so in polling mode there is no URL and "Fetch Test
 * Event" polls.
 *
 * One URL, two methods, declared as two webhooks: OVHcloud pushes replies as form POSTs and
 * delivery reports as GET queries. n8n routes a node's webhooks one after the other and runs
 * each one's hooks right after routing it; the hooks (which point the account at n8n) belong to
 * the POST webhook, declared last, so that both methods are routed before OVHcloud is told the
 * URL. With one "GET,POST" webhook the account pointed at n8n while POST still answered 404. Where n8n-workflow offers native resolvers (2.x), n8n resolves these fields
 * without its expression engine: n8n 2.41 sometimes evaluates them while another activation
 * step has released the engine, which fails the activation after the webhook is live.
 */
import * as workflowLibrary from 'n8n-workflow';
import type { INodeParameters, IWebhookDescription } from 'n8n-workflow';

const getMethod = (parameters: INodeParameters) => (parameters.mode === 'webhook' ? 'GET' : '');
const postMethod = (parameters: INodeParameters) => (parameters.mode === 'webhook' ? 'POST' : '');
const urlHidden = (parameters: INodeParameters) => parameters.mode !== 'webhook';
const alwaysHidden = () => true;

type NativeFields = (fields: Record<string, unknown>) => Record<string, string>;
type FromFunction = (fn: (parameters: INodeParameters) => string | boolean) => unknown;

type FieldFunction = (parameters: INodeParameters) => string | boolean;

function dynamicFields(httpMethod: FieldFunction, ndvHideUrl: FieldFunction): Partial<IWebhookDescription> {
	// Older n8n-workflow versions have neither helper: the same code as expression templates.
	const library = workflowLibrary as unknown as { webhookDescriptionFields?: NativeFields; fromFunction?: FromFunction };
	if (typeof library.webhookDescriptionFields === 'function' && typeof library.fromFunction === 'function') {
		return library.webhookDescriptionFields({
			httpMethod: library.fromFunction(httpMethod),
			ndvHideUrl: library.fromFunction(ndvHideUrl),
		}) as Partial<IWebhookDescription>;
	}
	return {
		httpMethod: `={{(${String(httpMethod)})($parameter)}}`,
		ndvHideUrl: `={{(${String(ndvHideUrl)})($parameter)}}`,
	};
}

const common = {
	httpMethod: '',
	responseMode: 'onReceived',
	responseData: 'noData',
	path: 'ovh-sms',
	ndvHideMethod: true,
} as const;

/**
 * GET calls (delivery reports); no hooks of its own. Same URL as `default`, so never shown twice.
 * n8n names webhooks `default` or `setup` only; its Form Trigger uses `setup` for its GET too.
 */
export const queryWebhookDescription: IWebhookDescription = { ...common, name: 'setup', ...dynamicFields(getMethod, alwaysHidden) };

/** POST calls (replies); its hooks register the URL at OVHcloud. Must stay last. */
export const webhookDescription: IWebhookDescription = { ...common, name: 'default', ...dynamicFields(postMethod, urlHidden) };

export const webhookDescriptions: IWebhookDescription[] = [queryWebhookDescription, webhookDescription];
