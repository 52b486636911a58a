export { extractKeyword, foldKeyword } from './keyword';
export { phoneNumberKey, samePhoneNumber } from './phoneNumbers';
export { createReplyFilter, matchesReplyFilter, matchesTag, parseFilterList } from './filters';
export type { FilterableReply, ReplyFilter } from './filters';
// The Trigger still imports these from here; they live in lib/ovh.
export { formatOvhDatetime as formatQueryDatetime, parseOvhDatetime } from '../ovh/datetime';
export {
	DEFAULT_CURSOR_SETTINGS,
	listingStartMs,
	readCursor,
	rememberSeen,
	RESUME_LOOK_BACK_MS,
	resumeCursor,
	startCursor,
	unseenIds,
} from './cursor';
export type { CursorSettings, SeenCursor, SeenItem } from './cursor';
export { deliveryReceiptsOf, describeDelivery, FINAL_DELIVERY_RECEIPTS, hasDeliveryNews } from './delivery';
export type { DeliveryDescription, DeliveryStatus } from './delivery';
export { DEFAULT_TRACKER_LIMITS, forgetSms, observeSms, pruneTracker, readTracker, trackedIds, trackSms } from './deliveryTracker';
export type { DeliveryObservation, DeliveryTracker, TrackedState, TrackerLimits } from './deliveryTracker';
export { createWebhookToken, tokenMatches } from './token';
export { describeHost, sameWebhookEndpoint, urlWithToken, withoutQuery } from './callbackUrl';
export { callbackFields, readDeliveryCallback, readReplyCallback, readStopCallback } from './callbackPayload';
export type { CallbackFields, DeliveryCallback, ReplyCallback, StopCallback } from './callbackPayload';
export { deliveryReportEvent, smsReceivedEvent, stopReceivedEvent } from './events';
export type { BlacklistEntry, EventContext, EventSource, IncomingSms, OutgoingSms } from './events';
export { DEFAULT_LEDGER_LIMIT, EmissionLedger } from './emissionLedger';
