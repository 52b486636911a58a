export { virtualNumberKey } from '../../../../lib/senders';
