/**
 * National language shift tables (3GPP TS 23.038 Annex A) for the languages OVHcloud's
 * markets need. Only membership matters for counting, so single shift tables are sets of
 * characters; locking tables are in septet order so they can be checked cell by cell.
 */
import { DEFAULT_BASIC_SEPTETS, DEFAULT_EXTENSION_CHARACTERS, buildCostTable } from './gsmAlphabet';

export type NationalLanguage = 'turkish' | 'spanish' | 'portuguese';

export const NATIONAL_LANGUAGES: readonly NationalLanguage[] = ['turkish', 'spanish', 'portuguese'];

/** Language identifiers carried in the UDH information elements 0x24 / 0x25. */
export const NATIONAL_LANGUAGE_ID: Readonly<Record<NationalLanguage, number>> = {
	turkish: 1,
	spanish: 2,
	portuguese: 3,
};

/** A.3.1: the default table with eight cells changed. */
const TURKISH_LOCKING_SEPTETS =
	'@£$¥€éùıòÇ\nĞğ\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bŞşßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'İABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§çabcdefghijklmnopqrstuvwxyzäöñüà';

/** A.3.3 */
const PORTUGUESE_LOCKING_SEPTETS =
	'@£$¥êéúíóç\nÔô\rÁáΔ_ªÇÀ∞^\\€Ó|\u001bÂâÊÉ !"#º%&\'()*+,-./0123456789:;<=>?' +
	'ÍABCDEFGHIJKLMNOPQRSTUVWXYZÃÕÚÜ§~abcdefghijklmnopqrstuvwxyzãõ`üà';

/** Spanish has no locking shift table. */
const LOCKING_SEPTETS: Readonly<Record<NationalLanguage, string | undefined>> = {
	turkish: TURKISH_LOCKING_SEPTETS,
	spanish: undefined,
	portuguese: PORTUGUESE_LOCKING_SEPTETS,
};

/** A.2.1 – A.2.3, each including the ten default extension characters. */
const SINGLE_SHIFT_CHARACTERS: Readonly<Record<NationalLanguage, string>> = {
	turkish: DEFAULT_EXTENSION_CHARACTERS + 'ĞİŞçğış',
	spanish: DEFAULT_EXTENSION_CHARACTERS + 'çÁÍÓÚáíóú',
	portuguese: DEFAULT_EXTENSION_CHARACTERS + 'êçÔôÁáΦΓΩΠΨΣΘÊÀÍÓÚÃÕÂíóúãõâ',
};

export function hasLockingShiftTable(language: NationalLanguage): boolean {
	return LOCKING_SEPTETS[language] !== undefined;
}

const costTableCache = new Map<string, Uint8Array>();

/**
 * Cost table for one combination; `null` means the default table on that side. Built on
 * first use (64 KB each) because the what-if mode is opt-in.
 */
export function nationalCostTable(lockingShift: NationalLanguage | null, singleShift: NationalLanguage | null): Uint8Array {
	const key = `${lockingShift ?? '-'}/${singleShift ?? '-'}`;
	let table = costTableCache.get(key);
	if (table === undefined) {
		const basic = lockingShift === null ? DEFAULT_BASIC_SEPTETS : LOCKING_SEPTETS[lockingShift];
		if (basic === undefined) throw new RangeError(`${lockingShift} has no locking shift table`);
		const extension = singleShift === null ? DEFAULT_EXTENSION_CHARACTERS : SINGLE_SHIFT_CHARACTERS[singleShift];
		table = buildCostTable(basic, extension);
		costTableCache.set(key, table);
	}
	return table;
}
