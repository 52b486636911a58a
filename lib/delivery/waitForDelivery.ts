/**
 * Waiting for sent SMS to reach their final delivery state (delivered or failed): most are
 * final within seconds, a phone that is off takes hours, so the history is read further apart
 * each time (`pollUntilFinal`), each read covering every SMS of the run at once.
 */
import { pollUntilFinal, type FinalStatePoll, type FinalStatePollOutcome } from '../polling';

/** How the waiting reads OVHcloud's history: the OVHcloud one is `ovhDeliveryHistory`, tests pass a fake. */
export interface DeliveryHistory {
	/** One read of the history: the final DLR id of each of `ids` that has one; the others are still pending. */
	readFinal(ids: ReadonlySet<number>): Promise<Map<number, number>>;
}

export type DeliveryWait = Omit<FinalStatePoll<number>, 'read'> & { history: DeliveryHistory };

/** `finalById` holds each final SMS's DLR id. */
export type DeliveryWaitOutcome = FinalStatePollOutcome<number>;

export async function waitForDelivery(ids: readonly number[], wait: DeliveryWait): Promise<DeliveryWaitOutcome> {
	const { history, ...timing } = wait;
	return await pollUntilFinal(ids, { ...timing, read: async (pending) => await history.readFinal(pending) });
}
