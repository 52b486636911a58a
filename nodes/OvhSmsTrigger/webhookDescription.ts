/**
 * The node's webhook, declared only in webhook mode: n8n registers no webhook whose HTTP
 * method evaluates to an empty string, so in polling mode there is no URL and "Fetch Test
 * Event" polls. Where n8n-workflow offers native resolvers (2.x), n8n resolves these fields
 * without its expression engine: n8n 2.41 sometimes evaluates them while another activation
 * step has released the engine, which fails the activation after the webhook is live.
 */
import * as workflowLibrary from 'n8n-workflow';
import type { INodeParameters, IWebhookDescription } from 'n8n-workflow';

const httpMethod = (parameters: INodeParameters) => (parameters.mode === 'webhook' ? 'GET,POST' : '');
const urlHidden = (parameters: INodeParameters) => parameters.mode !== 'webhook';

type NativeFields = (fields: Record<string, unknown>) => Record<string, string>;
type FromFunction = (fn: (parameters: INodeParameters) => string | boolean) => unknown;

function dynamicFields(): Partial<IWebhookDescription> {
	// Older n8n-workflow versions have neither helper: the same code as expression templates.
	const library = workflowLibrary as unknown as { webhookDescriptionFields?: NativeFields; fromFunction?: FromFunction };
	if (typeof library.webhookDescriptionFields === 'function' && typeof library.fromFunction === 'function') {
		return library.webhookDescriptionFields({
			httpMethod: library.fromFunction(httpMethod),
			ndvHideUrl: library.fromFunction(urlHidden),
		}) as Partial<IWebhookDescription>;
	}
	return {
		httpMethod: `={{(${String(httpMethod)})($parameter)}}`,
		ndvHideUrl: `={{(${String(urlHidden)})($parameter)}}`,
	};
}

export const webhookDescription: IWebhookDescription = {
	name: 'default',
	httpMethod: '',
	responseMode: 'onReceived',
	responseData: 'noData',
	path: 'ovh-sms',
	ndvHideMethod: true,
	...dynamicFields(),
};
