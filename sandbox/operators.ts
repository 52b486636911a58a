/**
 * Plausible operators for a phone number, from its country code: the sandbox knows no real
 * network. Used by the outgoing SMS's `/hlr` and by number lookups (`/hlr/{id}/operator`).
 */
import type { SmsHlrOperator, Wire } from '../lib/ovh/models';

interface Operator {
	prefix: string;
	country: string;
	countryCode: string;
	operator: string;
	/** MCC + MNC, as `operatorCode` gives it. */
	code: string;
	/** Where a ported number of this country went. */
	portedTo: { operator: string; code: string };
}

const OPERATORS: Operator[] = [
	{
		prefix: '+33',
		country: 'France',
		countryCode: 'fr',
		operator: 'Orange France',
		code: '20801',
		portedTo: { operator: 'SFR', code: '20810' },
	},
	{
		prefix: '+44',
		country: 'United Kingdom',
		countryCode: 'gb',
		operator: 'EE',
		code: '23430',
		portedTo: { operator: 'Vodafone UK', code: '23415' },
	},
	{
		prefix: '+34',
		country: 'Spain',
		countryCode: 'es',
		operator: 'Movistar',
		code: '21407',
		portedTo: { operator: 'Orange Spain', code: '21403' },
	},
	{
		prefix: '+39',
		country: 'Italy',
		countryCode: 'it',
		operator: 'TIM',
		code: '22201',
		portedTo: { operator: 'Vodafone Italia', code: '22210' },
	},
	{
		prefix: '+48',
		country: 'Poland',
		countryCode: 'pl',
		operator: 'Orange Polska',
		code: '26003',
		portedTo: { operator: 'Play', code: '26006' },
	},
	{
		prefix: '+353',
		country: 'Ireland',
		countryCode: 'ie',
		operator: 'Vodafone Ireland',
		code: '27201',
		portedTo: { operator: 'Three Ireland', code: '27205' },
	},
];

const operatorOf = (number: string) => OPERATORS.find((entry) => number.startsWith(entry.prefix));

/** `sms.Hlr` for a number (ported: the operator it went to); `""` where an unknown country gives nothing (the model allows no null). */
export function hlrOperatorView(number: string, ported = false): Wire<SmsHlrOperator> {
	const match = operatorOf(number);
	return {
		country: match?.country ?? 'Unknown',
		countryCode: match?.countryCode ?? '',
		network: match ? 'GSM' : '',
		operator: (ported ? match?.portedTo.operator : match?.operator) ?? '',
		region: '',
	};
}

/** The MCC-MNC a lookup gives (`operatorCode`), `""` for an unknown country. */
export function operatorCode(number: string, ported: boolean): string {
	const match = operatorOf(number);
	return (ported ? match?.portedTo.code : match?.code) ?? '';
}
