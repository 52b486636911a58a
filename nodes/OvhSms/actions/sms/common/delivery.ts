import type { IDataObject } from 'n8n-workflow';
import { describeDelivery } from '../../../../../lib/replies';

/** An outgoing SMS as OVHcloud gives it, with its delivery state in plain words added. */
export function outgoingJson(sms: IDataObject): IDataObject {
	const delivery = describeDelivery({
		ptt: typeof sms.ptt === 'number' ? sms.ptt : undefined,
		dlrCode: typeof sms.deliveryReceipt === 'number' ? sms.deliveryReceipt : undefined,
	});
	return {
		...sms,
		status: delivery.status,
		statusText: delivery.statusText,
		statusReason: delivery.reason,
		final: delivery.final,
		retryable: delivery.retryable,
	};
}

/** A deferred SMS still waiting in `/jobs`: nothing has left yet. */
export function scheduledJson(job: IDataObject): IDataObject {
	return {
		...job,
		status: 'scheduled',
		statusText: 'Scheduled',
		statusReason: 'Waiting for its sending time; it can still be cancelled',
		final: false,
		retryable: false,
	};
}
