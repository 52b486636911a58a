import { SmsApi, type OvhClient } from '../ovh';
import type { PreparedSend } from './types';

export interface CreditNeed {
	serviceName: string;
	/** Credits the run needs at 1 credit per SMS part (France); other destinations cost more. */
	needed: number;
	creditsLeft: number;
	smsCount: number;
}

/**
 * Credits each account needs for this run (parts × distinct receivers per message), next to
 * what it has left, so that a run that cannot be paid for fails before its first job instead
 * of half-way through.
 */
export async function checkCredits(client: OvhClient, sends: PreparedSend[]): Promise<Map<string, CreditNeed>> {
	// Receivers are unique within an item; a Set is only needed when items share a message.
	const byKey = new Map<string, { parts: number; serviceName: string; sends: PreparedSend[] }>();
	for (const send of sends) {
		const entry = byKey.get(send.key);
		if (entry) entry.sends.push(send);
		else byKey.set(send.key, { parts: send.analysis.parts, serviceName: send.sender.target.serviceName, sends: [send] });
	}
	const receiversByKey: Array<{ parts: number; serviceName: string; count: number }> = [];
	for (const { parts, serviceName, sends: sharing } of byKey.values()) {
		const [first] = sharing;
		let count: number;
		if (first.item.recipients.kind === 'recipientList') count = first.item.recipients.records;
		else if (sharing.length === 1) count = first.item.recipients.numbers.length;
		else {
			const unique = new Set<string>();
			for (const send of sharing)
				if (send.item.recipients.kind !== 'recipientList') for (const n of send.item.recipients.numbers) unique.add(n);
			count = unique.size;
		}
		receiversByKey.push({ parts, serviceName, count });
	}
	const needs = new Map<string, CreditNeed>();
	for (const { parts, count, serviceName } of receiversByKey) {
		const need = needs.get(serviceName) ?? { serviceName, needed: 0, creditsLeft: 0, smsCount: 0 };
		need.needed += parts * count;
		need.smsCount += count;
		needs.set(serviceName, need);
	}
	for (const need of needs.values()) {
		const account = await new SmsApi(client, need.serviceName).getAccount();
		need.creditsLeft = Number(account.creditsLeft ?? 0);
	}
	return needs;
}
