import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { MAX_TAG_LENGTH } from '../../../../../lib/batching';
import type { Transliteration } from '../../../../../lib/messages';
import { COUNTRIES } from '../../../../../lib/recipients';
import type { SendWindowPolicy } from '../../../../../lib/sendWindow';
import { OptionValues } from '../../common/optionValues';
import { readSendWindow } from '../../common/sendWindow';
import type { WaitOptions } from '../common/fields';

export interface CampaignOptions {
	noStop: boolean;
	dryRun: boolean;
	defaultCountry?: string;
	transliteration: Transliteration;
	tag?: string;
	emptyValue?: string;
	waitForCompletion: boolean;
	wait: WaitOptions;
	sendWindow?: SendWindowPolicy;
}

/** The campaign's switches and options, checked whatever their source (see OptionValues). */
export function readCampaignOptions(ctx: IExecuteFunctions, itemIndex: number): CampaignOptions {
	const node = ctx.getNode();
	const created = 'nothing was created';
	const raw = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const options = new OptionValues(node, itemIndex, raw, created);
	const countryValue = ctx.getNodeParameter('defaultCountry', itemIndex, 'FR');
	const country = typeof countryValue === 'string' ? countryValue.trim().toUpperCase() : countryValue;
	const fields = new OptionValues(
		node,
		itemIndex,
		{ defaultCountry: country, waitForCompletion: ctx.getNodeParameter('waitForCompletion', itemIndex, false) },
		created,
	);
	const waitForCompletion = fields.flag('waitForCompletion', 'Wait for Completion') ?? false;
	const wait = new OptionValues(
		node,
		itemIndex,
		waitForCompletion ? (ctx.getNodeParameter('waitOptions', itemIndex, {}) as IDataObject) : {},
		created,
	);
	return {
		noStop: options.flag('noStopClause', 'Non-Commercial (No STOP Mention)') ?? false,
		dryRun: options.flag('dryRun', 'Dry Run') ?? false,
		// Empty means no default country (international numbers only), not the default FR.
		defaultCountry:
			country === ''
				? ''
				: fields.choice(
						'defaultCountry',
						'Default Country',
						COUNTRIES.map((c) => c.code),
					),
		transliteration: (options.choice('transliteration', 'Transliteration', ['none', 'safe', 'lossy']) ?? 'none') as Transliteration,
		tag: options.text('tag', 'Tag', MAX_TAG_LENGTH),
		// Present (even empty) means "use this text"; absent means "reject such rows".
		emptyValue: 'emptyValueFallback' in raw ? (options.text('emptyValueFallback', 'Fallback for Empty Values', 160) ?? '') : undefined,
		waitForCompletion,
		sendWindow: readSendWindow(node, itemIndex, raw.sendWindow, ctx.getTimezone(), created),
		wait: {
			// A day: a campaign of a million SMS at OVHcloud's pace is done well before.
			timeLimitMinutes: wait.number('timeLimitMinutes', 'Time Limit (Minutes)', { min: 0, max: 1440 }),
			pollIntervalSeconds: wait.number('pollIntervalSeconds', 'First Check After (Seconds)', { min: 0.01, max: 300 }),
		},
	};
}
