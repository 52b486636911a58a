/**
 * SMS encoding library: what a message costs (GSM-7 or UCS-2, units, parts) and why
 * (`nonGsm`, `extensionCharacters`, `stopClauseUnits`), where its parts are cut, and an
 * opt-in transliteration to stay in GSM-7. Rules: 3GPP TS 23.038 / 23.040, see docs/encoding.md.
 */
export { analyzeMessage } from './analyzeMessage';
export { splitMessage } from './splitMessage';
export { toGsm } from './toGsm';
export { DEFAULT_STOP_CLAUSE_TEXT, MAX_CONCATENATED_PARTS } from './partBudget';
export { NATIONAL_LANGUAGES } from './nationalTables';
export type {
	ConcatenationReference,
	Encoding,
	GsmChange,
	GsmTransliteration,
	MessageAnalysis,
	MessageOptions,
	NationalLanguage,
	NationalLanguageEstimate,
	NonGsmCharacter,
	TransliterationLevel,
} from './types';
