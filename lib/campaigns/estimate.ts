/**
 * What a campaign will cost before it is sent. Every personalised text is measured and the
 * costliest one sets the parts per message, so the estimate is never below what OVHcloud bills
 * (1 credit per part, as for France).
 */
import { analyzeMessage, type Encoding } from '../encoding';
import { personaliseMessage } from './placeholders';
import type { RecipientRow } from './types';

export interface CampaignEstimateInput {
	/** The text given to OVHcloud, placeholders included. */
	message: string;
	/** The receivers with their placeholder values, or how many receivers get the text as it is. */
	recipients: readonly RecipientRow[] | number;
	/** OVHcloud adds its STOP mention (alphanumeric senders and the short number, unless "no STOP"). */
	stopClause: boolean;
	creditsLeft?: number;
}

export interface CampaignEstimate {
	recipients: number;
	/** Parts of the costliest personalised text. */
	partsPerMessage: number;
	encoding: Encoding;
	/** That text (without the STOP mention). */
	longestMessage: string;
	credits: number;
	creditsLeft?: number;
	creditsAfter?: number;
	enoughCredits?: boolean;
}

export function estimateCampaign(input: CampaignEstimateInput): CampaignEstimate {
	const options = { stopClause: input.stopClause };
	const rows = typeof input.recipients === 'number' ? [] : input.recipients;
	const recipients = typeof input.recipients === 'number' ? input.recipients : rows.length;
	let longestMessage = rows.length > 0 ? personaliseMessage(input.message, rows[0].values) : input.message;
	let longest = analyzeMessage(longestMessage, options);
	for (let i = 1; i < rows.length; i++) {
		const text = personaliseMessage(input.message, rows[i].values);
		const analysis = analyzeMessage(text, options);
		if (analysis.parts > longest.parts || (analysis.parts === longest.parts && analysis.units > longest.units)) {
			longest = analysis;
			longestMessage = text;
		}
	}
	const credits = longest.parts * recipients;
	const estimate: CampaignEstimate = {
		recipients,
		partsPerMessage: longest.parts,
		encoding: longest.encoding,
		longestMessage,
		credits,
	};
	if (input.creditsLeft !== undefined) {
		estimate.creditsLeft = input.creditsLeft;
		estimate.creditsAfter = input.creditsLeft - credits;
		estimate.enoughCredits = credits <= input.creditsLeft;
	}
	return estimate;
}
