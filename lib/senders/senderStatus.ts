import type { OvhSender } from './types';

/** The fixed words a workflow branches on (an IF node on `statusText`). */
export type SenderStatusText = 'waiting for validation' | 'enabled' | 'refused' | 'disabled';

export interface SenderStatusInWords {
	/** One of the fixed words above, or OVHcloud's own value for a status this pack does not know. */
	statusText: SenderStatusText | string;
	/** A sentence for a person: what the status means and what to do. */
	statusMessage: string;
	/** Only an enabled sender can send. */
	canSend: boolean;
	/** Moderation is over (enabled, refused or disabled), so waiting longer changes nothing. */
	decided: boolean;
	/** The moderator's comment when the request was refused, else null. */
	refusalComment: string | null;
	typeText: string | null;
}

const TYPE_TEXT: Record<string, string> = {
	alpha: 'alphanumeric',
	numeric: 'phone number',
	shortcode: 'short number',
	virtual: 'virtual number',
};

export function describeSenderStatus(sender: OvhSender): SenderStatusInWords {
	const typeText = sender.type ? (TYPE_TEXT[sender.type] ?? sender.type) : null;
	const comment = sender.comment?.trim() || null;
	const base = { typeText, refusalComment: null };
	switch (sender.status) {
		case 'enable':
			return {
				...base,
				statusText: 'enabled',
				statusMessage: `${sender.sender} is enabled and can send SMS`,
				canSend: true,
				decided: true,
			};
		case 'waitingValidation':
			return {
				...base,
				statusText: 'waiting for validation',
				statusMessage: `${sender.sender} is waiting for OVHcloud's validation (usually one or two working days; a supporting document helps when the name is a third party's brand)`,
				canSend: false,
				decided: false,
			};
		case 'refused':
			return {
				...base,
				statusText: 'refused',
				statusMessage: comment
					? `${sender.sender} was refused by OVHcloud's moderator: ${comment}`
					: `${sender.sender} was refused by OVHcloud's moderator (no comment given)`,
				canSend: false,
				decided: true,
				refusalComment: comment,
			};
		case 'disable':
			return {
				...base,
				statusText: 'disabled',
				statusMessage: `${sender.sender} is disabled; enable it again with the Update operation to send with it`,
				canSend: false,
				decided: true,
			};
		default:
			return {
				...base,
				statusText: String(sender.status),
				statusMessage: `${sender.sender} has the status "${String(sender.status)}"`,
				canSend: false,
				decided: true,
			};
	}
}

/**
 * Whether "Send From › Sender" offers this sender: enabled, and not a virtual number (those
 * have their own choice, Send From › Virtual Number). The list and the error that names the
 * senders that can send both read this, so they cannot disagree.
 */
export function isOfferedAsSender(sender: OvhSender | undefined | null): sender is OvhSender {
	return !!sender && sender.status === 'enable' && sender.type !== 'virtual';
}
