/**
 * Waiting for the delivery of SMS just sent: back-off polling of the outgoing history (one read
 * per poll for the whole run) within a time limit, and the history entries that give a
 * failure's reason. No n8n import; leaves out what a delivery state means in words
 * (lib/replies `describeDelivery`) and how a node shows it.
 */
export { waitForDelivery } from './waitForDelivery';
export type { DeliveryHistory, DeliveryWait, DeliveryWaitOutcome } from './waitForDelivery';
export { ovhDeliveryHistory, readOutgoing } from './ovhDeliveryHistory';
