/**
 * Number lookups (HLR): whether a mobile number is valid, reachable, ported or roaming, and its
 * operator, asked in chunks and waited for with back-off. Billed by OVHcloud per number. No n8n
 * import; leaves out reading n8n parameters and shaping the output (nodes/OvhSms/actions/phoneNumber).
 */
export { ovhLookupGateway } from './hlrApi';
export { isFinalLookup, lookUpNumbers } from './lookUpNumbers';
export type { LookupGateway, LookupRun, LookupSettings, NumberLookup } from './types';
