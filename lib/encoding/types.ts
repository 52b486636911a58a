import type { NationalLanguage } from './nationalTables';

export type { NationalLanguage };

export type Encoding = 'GSM-7' | 'UCS-2';

/** 8-bit reference: 153 / 67 per part (what OVHcloud and most providers bill). 16-bit: 152 / 66. */
export type ConcatenationReference = '8bit' | '16bit';

export interface MessageOptions {
	/** Count the opt-out mention OVHcloud appends to commercial messages. Off by default. */
	stopClause?: boolean;
	/** The mention's text, appended after the message. Default {@link DEFAULT_STOP_CLAUSE_TEXT}. */
	stopClauseText?: string;
	concatenation?: ConcatenationReference;
	/**
	 * UCS-2 only: never cut a grapheme cluster (emoji ZWJ sequence, flag, letter + combining
	 * marks) across parts, as Android does. Can cost an extra part. Off by default: the 3GPP
	 * rules only forbid cutting a surrogate pair.
	 */
	preserveGraphemes?: boolean;
	/**
	 * "What would it cost" with national language shift tables: adds `nationalLanguage` to the
	 * analysis. Never changes the main estimate, because OVHcloud has not confirmed that its
	 * SMSC sends these tables.
	 */
	nationalLanguages?: readonly NationalLanguage[];
}

export interface NonGsmCharacter {
	/** UTF-16 index in the text (an index past the text's end points into the STOP clause). */
	index: number;
	/** UTF-16 code units: 2 for an astral character, 1 otherwise (a lone surrogate is 1). */
	length: 1 | 2;
	codePoint: number;
	/** A GSM-7 text that means the same (`''` = delete it), when one exists without loss. */
	replacement: string | undefined;
}

export interface NationalLanguageEstimate {
	encoding: 'GSM-7';
	/** `null` = the default table on that side. */
	lockingShift: NationalLanguage | null;
	singleShift: NationalLanguage | null;
	/** Octets of user data header each part carries (concatenation + shift table elements). */
	udhOctets: number;
	units: number;
	parts: number;
	perPart: number;
	remainingInPart: number;
	unitsPerPart: number[];
}

export interface MessageAnalysis {
	encoding: Encoding;
	/** Septets (GSM-7) or UTF-16 code units (UCS-2), STOP clause included. */
	units: number;
	parts: number;
	/** Units one part can carry for this message: 160 / 70 alone, 153 / 67 when concatenated. */
	perPart: number;
	/** Units still free in the last part before the message needs another one. */
	remainingInPart: number;
	/** Units in each part, in order; sums to `units` (parts are never cut inside a character). */
	unitsPerPart: number[];
	/** Characters that force UCS-2, in order; empty for GSM-7. */
	nonGsm: readonly NonGsmCharacter[];
	/** GSM-7 characters from the extension table, each counted as 2 septets (0 in UCS-2). */
	extensionCharacters: number;
	/** Units the STOP clause adds (0 when it is off). */
	stopClauseUnits: number;
	/** Present only when `nationalLanguages` is given; `null` when no table combination fits. */
	nationalLanguage?: NationalLanguageEstimate | null;
}

export type TransliterationLevel = 'safe' | 'lossy';

export interface GsmChange {
	/** UTF-16 index of `from` in the original text. */
	index: number;
	from: string;
	to: string;
	level: TransliterationLevel;
}

export interface GsmTransliteration {
	text: string;
	changes: GsmChange[];
	/** Whether the new text is entirely GSM-7 (characters without a mapping are left as they were). */
	isGsm7: boolean;
}
