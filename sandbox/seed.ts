import { formatOvhDate } from './clock';
import { seedPhonebooks, seedReceiverSlots } from './seed-contacts';
import type { AccountState, SandboxState, SenderState } from './types';

/** Fixed seed values, named in docs/sandbox.md and used by tests. */
export const SEED = {
	applicationKey: 'sandbox-application-key',
	applicationSecret: 'sandbox-application-secret',
	consumerKey: 'sandbox-consumer-key',
	oauth2ClientId: 'sandbox-oauth2-client',
	oauth2ClientSecret: 'sandbox-oauth2-secret',
	serviceName: 'sms-sb00001-1',
	virtualNumber: '33700000001',
	numericSender: '33612345678',
	/** The short number used for `senderForResponse` sends and their replies. */
	shortNumber: '38123',
	/** Code accepted by `POST /senders/{sender}/validate`. */
	senderValidationCode: '123456',
	nichandle: 'sb00001-ovh',
	domainSender: 'example.com',
	nichandleSender: 'SandboxSAS',
} as const;

function sender(name: string, fields: Partial<Omit<SenderState, 'sender'>> & Pick<SenderState, 'type' | 'status'>): SenderState {
	return {
		sender: name,
		description: '',
		referer: 'custom',
		comment: null,
		validationMedia: null,
		decideAt: null,
		documents: {},
		...fields,
	};
}

function seedAccount(credits: number): AccountState {
	const senders: SenderState[] = [
		sender('MyCompany', { type: 'alpha', status: 'enable', description: 'Company name' }),
		sender('Alerts', { type: 'alpha', status: 'enable', description: 'Monitoring alerts' }),
		sender(SEED.numericSender, { type: 'numeric', status: 'enable', referer: 'line', description: 'Mobile line' }),
		sender('Pending', { type: 'alpha', status: 'waitingValidation', description: 'Awaiting moderation' }),
		sender('Refused', {
			type: 'alpha',
			status: 'refused',
			description: 'Refused by moderation',
			comment: 'Brand not justified',
		}),
		sender('Disabled', { type: 'alpha', status: 'disable', description: 'Turned off' }),
		sender(SEED.virtualNumber, { type: 'virtual', status: 'enable', referer: 'virtual', description: 'Virtual number' }),
	];
	return {
		name: SEED.serviceName,
		description: 'Sandbox SMS account',
		status: 'enable',
		creditsLeft: credits,
		creditsHoldByQuota: 0,
		userQuantityWithQuota: 0,
		callBack: null,
		stopCallBack: null,
		smsResponse: { responseType: 'none', cgiUrl: null, text: null, trackingDefaultSmsSender: null, trackingOptions: [] },
		automaticRecreditAmount: null,
		creditThresholdForAutomaticRecredit: 0,
		templates: {
			customizedEmailMode: false,
			customizedSmsMode: false,
			emailBody: null,
			emailFrom: null,
			emailSubject: null,
			smsBody: null,
		},
		channel: 'both',
		smpp: false,
		senders: Object.fromEntries(senders.map((s) => [s.sender, s])),
		virtualNumbers: { [SEED.virtualNumber]: { number: SEED.virtualNumber, countryCode: 'fr' } },
		jobs: {},
		outgoing: {},
		incoming: {},
		blacklists: {},
		phonebooks: seedPhonebooks(),
		receivers: seedReceiverSlots(),
		tasks: {},
		batches: {},
		hlr: {},
	};
}

export function createSeedState(credits: number, nowMs: number): SandboxState {
	const created = formatOvhDate(nowMs);
	return {
		version: 1,
		nextId: 100000001,
		credentials: {
			owner: { nichandle: SEED.nichandle, organisation: 'Sandbox SAS', firstname: 'Camille', name: 'Martin' },
			applications: {
				[SEED.applicationKey]: {
					applicationId: 1001,
					applicationKey: SEED.applicationKey,
					applicationSecret: SEED.applicationSecret,
					name: 'sandbox',
				},
			},
			consumerKeys: {
				[SEED.consumerKey]: {
					consumerKey: SEED.consumerKey,
					credentialId: 2001,
					applicationKey: SEED.applicationKey,
					status: 'validated',
					rules: (['GET', 'POST', 'PUT', 'DELETE'] as const).flatMap((method) =>
						['/sms', '/sms/*', '/me/document', '/me/document/*'].map((path) => ({ method, path })),
					),
					creation: created,
					expiration: null,
					lastUse: null,
				},
			},
			oauth2Clients: {
				[SEED.oauth2ClientId]: {
					clientId: SEED.oauth2ClientId,
					clientSecret: SEED.oauth2ClientSecret,
					revoked: false,
				},
			},
			oauth2Tokens: {},
		},
		accounts: { [SEED.serviceName]: seedAccount(credits) },
		uploads: {},
		documents: {},
	};
}
