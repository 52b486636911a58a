import type { GsmChange, MessageAnalysis } from '../encoding';
import type { OvhJobFields, OvhJobTarget } from '../batching';
import type { InvalidRecipient } from '../recipients';
import type { SendTiming, SendWindowPolicy } from '../sendWindow';

export type SenderChoice = { kind: 'sender'; name: string } | { kind: 'shortNumber' } | { kind: 'virtualNumber'; number: string };

export type RecipientSource =
	| {
			kind: 'numbers' | 'csv' | 'addressBook';
			numbers: string[];
			invalid: InvalidRecipient[];
			duplicates: string[];
			/** For a CSV: how it was read. */
			file?: { rows: number; delimiter: string; column: string };
	  }
	| { kind: 'recipientList'; slotId: string; records: number };

export interface SendOptions {
	sendAt?: unknown;
	class?: string;
	priority?: string;
	validityPeriod?: number;
	noStopClause?: boolean;
	tag?: string;
	transliteration?: 'none' | 'safe' | 'lossy';
	maxParts?: number;
	dryRun?: boolean;
	maxReceiversPerJob?: number;
	parallelJobs?: number;
	/** Hours to look back for receivers who already got this message from this node. */
	skipAlreadySentHours?: number;
	/** Above this many receivers the output gives counts instead of lists. */
	listReceiversUpTo?: number;
	/** Minutes to wait for each SMS's final delivery state after sending; unset: do not wait. */
	waitForDeliveryMinutes?: number;
	/** When commercial SMS may go out (lib/sendWindow). */
	sendWindow?: SendWindowPolicy;
}

/** One input item's send, read from its parameters. */
export interface SendItem {
	itemIndex: number;
	serviceName: string;
	sender: SenderChoice;
	recipients: RecipientSource;
	/** The text to send (after transliteration). */
	text: string;
	transliterations: GsmChange[];
	options: SendOptions;
	/** Minutes to wait, when sent later. */
	differedPeriod?: number;
	scheduledFor?: string;
	/** "Send At" as an instant: unlike `differedPeriod`, the same when a Retry reads it later. */
	sendAtMs?: number;
	/** What the Send Window made of this send, and when it goes, in the workflow's time zone. */
	sendWindow?: SendTiming['kind'];
	sendsAt?: string;
}

/** How a sender sends: where the job goes and what its body says about the sender. */
export interface ResolvedSender {
	target: OvhJobTarget;
	fields: { sender?: string; senderForResponse?: boolean };
	/** OVHcloud's sender type: decides whether the STOP mention is added. */
	type: 'alpha' | 'numeric' | 'shortcode' | 'virtual';
	/** What the output calls it. */
	label: string;
}

/** A send ready to go: the item, its sender and its message's analysis. */
export interface PreparedSend {
	item: SendItem;
	sender: ResolvedSender;
	analysis: MessageAnalysis;
	stopClause: boolean;
	/** The job body without receivers and tag. */
	body: OvhJobFields;
	/** Sends with equal keys can share a job. */
	key: string;
}
