import type { IDataObject } from 'n8n-workflow';
import type { NumberLookup } from '../../../../../lib/numberLookup';
import type { InvalidRecipient } from '../../../../../lib/recipients';

/** The output's `status` for each kind of result; "done" and "error" are OVHcloud's own. */
type LookupStatus = 'done' | 'error' | 'pending' | 'refused' | 'invalidNumber';

/** One number's result: what a workflow branches on first (`canReceiveSms`), then OVHcloud's fields. */
export function lookupJson(
	number: string,
	result: Exclude<NumberLookup, { state: 'notLookedUp' }>,
	serviceName: string,
	creditsPerLookup: number,
): IDataObject {
	if (result.state === 'refused') {
		return {
			number,
			status: 'refused' satisfies LookupStatus,
			canReceiveSms: false,
			reason: 'Refused by OVHcloud: not a number it can look up; not billed',
			serviceName,
		};
	}
	const billed = { credits: creditsPerLookup, serviceName };
	if (result.state === 'pending') {
		return {
			number,
			status: 'pending' satisfies LookupStatus,
			canReceiveSms: null,
			reason: `No answer from OVHcloud within the time limit (its status: ${result.lookup?.status ?? 'unknown'}); read it later with the lookupId`,
			lookupId: result.id,
			...billed,
		};
	}
	const lookup = result.lookup;
	const done = lookup.status === 'done';
	return {
		number,
		status: lookup.status as LookupStatus,
		canReceiveSms: done ? lookup.valid && lookup.reachable : null,
		...(done ? {} : { reason: 'OVHcloud could not look this number up' }),
		valid: lookup.valid,
		reachable: lookup.reachable,
		ported: lookup.ported,
		roaming: lookup.roaming,
		operatorCode: lookup.operatorCode || null,
		...(result.operator ? { operator: { ...result.operator } } : {}),
		lookupId: lookup.id,
		lookedUpAt: lookup.datetime,
		...billed,
	};
}

/** A number that could not be read as a phone number: never sent to OVHcloud, never billed. */
export function invalidNumberJson(invalid: InvalidRecipient): IDataObject {
	return {
		number: invalid.receiver,
		status: 'invalidNumber' satisfies LookupStatus,
		canReceiveSms: false,
		reason: `${invalid.reason}; not looked up, not billed`,
	};
}
