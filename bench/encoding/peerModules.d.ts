// The peers ship no type declarations; only what the benchmark calls is declared.
declare module '@trt2/gsm-charset-utils' {
	export function getCharCount(text: string): {
		charCount: number;
		msgCount: number;
		charsPerSegment: number;
		encoding: 'GSM' | 'UCS2';
	};
}

declare module 'split-sms' {
	export function split(
		message: string,
		options?: { summary?: boolean },
	): { characterSet: 'GSM' | 'Unicode'; parts: Array<{ length: number; bytes: number }>; length: number };
}
