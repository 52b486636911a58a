import type { IExecuteFunctions } from 'n8n-workflow';
import { analyzeMessage } from '../../../../../lib/encoding';
import { prepareText, stopMentionAdded } from '../../../../../lib/messages';
import { MAX_TAG_LENGTH, type OvhJobFields } from '../../../../../lib/batching';
import { MAX_START_AHEAD_DAYS, PAST_START_TOLERANCE_MS } from '../../../../../lib/campaigns';
import { itemError } from '../../common/itemError';
import type { ItemParameters } from '../../common/itemParameters';
import { formatApiDatetime, parseDateTimeParameter } from '../../common/datetime';
import { OptionValues } from '../../common/optionValues';
import { DELIVERY_WAIT_MINUTES } from './deliveryWait';
import { readSendWindow, timeItemSend } from '../../common/sendWindow';
import { formatInZone } from '../../../../../lib/sendWindow';
import { DEFAULT_MAX_PARTS } from '../common/messageAnalysis';
import type { RecipientReader } from './recipientSources';
import type { PreparedSend, ResolvedSender, SendItem, SendOptions, SenderChoice } from './types';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type SenderKind = SenderChoice['kind'];

/** How each Sender Type reads its sender: `field` gives a parameter's trimmed text, `fail` fails the item. */
const SENDER_CHOICES: Record<SenderKind, (field: (name: string) => string, fail: (message: string) => never) => SenderChoice> = {
	shortNumber: () => ({ kind: 'shortNumber' }),
	virtualNumber: (field, fail) => ({ kind: 'virtualNumber', number: field('virtualNumber') || fail('"Virtual Number" is empty') }),
	sender: (field, fail) => ({ kind: 'sender', name: field('sender') || fail('"Sender" is empty') }),
};

function readSender(ctx: IExecuteFunctions, parameters: ItemParameters, itemIndex: number): SenderChoice {
	const fail = (message: string): never => {
		throw itemError(ctx.getNode(), itemIndex, message);
	};
	const kind = parameters.get<string>('senderType', itemIndex, 'sender');
	if (!Object.keys(SENDER_CHOICES).includes(kind)) {
		fail(`"Sender Type" is "${kind}": use one of ${Object.keys(SENDER_CHOICES).join(', ')}`);
	}
	const field = (name: string) => String(parameters.get(name, itemIndex, '', { extractValue: true }) ?? '').trim();
	return SENDER_CHOICES[kind as SenderKind](field, fail);
}

/** OVHcloud's periods are minutes in a 32-bit integer. */
const MAX_API_MINUTES = 2_147_483_647;

/** Every option of a Send, checked whatever its source (see OptionValues). */
function readSendOptions(ctx: IExecuteFunctions, itemIndex: number, raw: Record<string, unknown>): SendOptions {
	const values = new OptionValues(ctx.getNode(), itemIndex, raw ?? {});
	const options: SendOptions = {
		sendAt: raw?.sendAt,
		class: values.choice('class', 'Class', ['flash', 'phoneDisplay', 'sim']),
		priority: values.choice('priority', 'Priority', ['high', 'low', 'medium', 'veryLow']),
		validityPeriod: values.wholeNumber('validityPeriod', 'Validity Period (Minutes)', { min: 1, max: MAX_API_MINUTES }),
		noStopClause: values.flag('noStopClause', 'Non-Commercial (No STOP Mention)'),
		tag: values.text('tag', 'Tag', MAX_TAG_LENGTH),
		transliteration: values.choice('transliteration', 'Transliteration', ['none', 'safe', 'lossy']),
		maxParts: values.wholeNumber('maxParts', 'Maximum Parts', { min: 1, max: 255 }),
		dryRun: values.flag('dryRun', 'Dry Run'),
		maxReceiversPerJob: values.wholeNumber('maxReceiversPerJob', 'Maximum Receivers per Job', { min: 1, max: 10_000 }),
		parallelJobs: values.wholeNumber('parallelJobs', 'Parallel Jobs', { min: 1, max: 16 }),
		listReceiversUpTo: values.wholeNumber('listReceiversUpTo', 'List Receivers up To', { min: 0, max: 10_000_000 }),
		skipAlreadySentHours: values.number('skipAlreadySentHours', 'Skip Receivers Who Already Got This Message (Hours)', {
			min: 1,
			max: 720,
		}),
		waitForDeliveryMinutes: values.number('waitForDeliveryMinutes', 'Wait for Delivery (Minutes)', DELIVERY_WAIT_MINUTES),
		sendWindow: readSendWindow(ctx.getNode(), itemIndex, raw?.sendWindow, ctx.getTimezone(), 'nothing was sent'),
	};
	for (const key of Object.keys(options) as Array<keyof SendOptions>) if (options[key] === undefined) delete options[key];
	return options;
}

/** Reads one item's send: account, sender, receivers, text (transliterated if asked) and options. */
export async function readSendItem(
	ctx: IExecuteFunctions,
	parameters: ItemParameters,
	itemIndex: number,
	recipients: RecipientReader,
	runStartedAtMs: number,
): Promise<SendItem> {
	const node = ctx.getNode();
	const serviceName = String(parameters.get('serviceName', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!serviceName) throw itemError(node, itemIndex, '"SMS Account" is empty');
	const sender = readSender(ctx, parameters, itemIndex);
	const rawMessage = parameters.get<unknown>('message', itemIndex, '');
	const message = rawMessage === null || rawMessage === undefined ? '' : String(rawMessage);
	if (message.trim() === '') throw itemError(node, itemIndex, '"Message" is empty');
	// Half of a surrogate pair (usually an emoji cut by a substring in an expression) is no
	// character at all: OVHcloud or the phone would show garbage, so it is refused here.
	const brokenAt = message.search(LONE_SURROGATE);
	if (brokenAt !== -1) {
		throw itemError(
			node,
			itemIndex,
			`"Message" has a broken character at position ${brokenAt + 1} (U+${message.charCodeAt(brokenAt).toString(16).toUpperCase()}, half of an emoji or other character that takes two UTF-16 units); nothing was sent`,
			'This usually comes from an expression that cut the text in the middle of an emoji (such as .slice() or .substring()). Fix the text or the expression.',
		);
	}
	const options = readSendOptions(ctx, itemIndex, parameters.get<Record<string, unknown>>('options', itemIndex, {}));

	const { text, changes: transliterations } = prepareText(message, options.transliteration);

	const item: SendItem = {
		itemIndex,
		serviceName,
		sender,
		recipients: await recipients.read(itemIndex, serviceName),
		text,
		transliterations,
		options,
	};
	if (options.sendAt !== undefined && options.sendAt !== '') {
		const at = parseDateTimeParameter(options.sendAt, ctx.getTimezone());
		if (at === undefined) throw itemError(node, itemIndex, `"Send At" is not a date and time: ${String(options.sendAt)}`);
		// One clock reading per run: items sent "at 18:00" must not split into two jobs at a minute boundary.
		// A date just passed ("now" computed a moment ago) means now; one further back is a mistake
		// (wrong day, year or time zone) that must not turn into an SMS sent at once.
		if (at < runStartedAtMs - PAST_START_TOLERANCE_MS) {
			throw itemError(
				node,
				itemIndex,
				`"Send At" is in the past: ${formatApiDatetime(at)} (more than ${PAST_START_TOLERANCE_MS / 60_000} minutes before now); nothing was sent`,
				`Leave "Send At" empty to send now, or give a future date. A date without an offset is read in the workflow's time zone (${ctx.getTimezone()}).`,
			);
		}
		// Credits are debited when the job is accepted, not when it goes out: a date years ahead
		// (a mistyped year, 2206 or 9999) would spend them now for an SMS nobody expects.
		if (at > runStartedAtMs + MAX_START_AHEAD_DAYS * 86_400_000) {
			throw itemError(
				node,
				itemIndex,
				`"Send At" is more than ${MAX_START_AHEAD_DAYS} days ahead: ${formatApiDatetime(at)}; nothing was sent`,
				`OVHcloud debits the credits when the SMS is scheduled. Check the year; schedule at most ${MAX_START_AHEAD_DAYS} days ahead.`,
			);
		}
		const minutes = Math.ceil((at - runStartedAtMs) / 60_000);
		item.sendAtMs = at;
		if (minutes > 0) {
			item.differedPeriod = minutes;
			item.scheduledFor = formatApiDatetime(runStartedAtMs + minutes * 60_000);
		}
	}
	return item;
}

/**
 * Analyses the text the way OVHcloud will bill it (the STOP mention counts for alphanumeric
 * senders and the short number unless the message is certified non-commercial), refuses a
 * text over the parts limit, and builds the job body.
 */
export function prepareSend(ctx: IExecuteFunctions, item: SendItem, sender: ResolvedSender, runStartedAtMs: number): PreparedSend {
	const { options } = item;
	const stopClause = stopMentionAdded(sender.type, options.noStopClause ?? false);
	if (options.sendWindow) placeInSendWindow(ctx, item, stopClause, runStartedAtMs);
	const analysis = analyzeMessage(item.text, { stopClause });
	const maxParts = options.maxParts ?? DEFAULT_MAX_PARTS;
	if (analysis.parts > maxParts) {
		const unicode = analysis.nonGsm.length
			? ` It is sent as Unicode (70 characters per SMS) because of: ${[...new Set(analysis.nonGsm.map((c) => String.fromCodePoint(c.codePoint)))].slice(0, 10).join(' ')}.`
			: '';
		throw itemError(
			ctx.getNode(),
			item.itemIndex,
			`The message needs ${analysis.parts} SMS parts (${analysis.units} ${analysis.encoding} characters${stopClause ? ' with the STOP mention' : ''}), more than "Maximum Parts" allows (${maxParts}); nothing was sent`,
			`Shorten the message or raise "Maximum Parts".${unicode}`,
		);
	}
	const body: OvhJobFields = { message: item.text, ...sender.fields };
	if (options.class) body.class = options.class;
	if (options.priority) body.priority = options.priority;
	if (options.validityPeriod !== undefined) body.validityPeriod = options.validityPeriod;
	// A virtual number's jobs take no STOP field: the number is answerable, no mention is added.
	if (options.noStopClause !== undefined && sender.type !== 'virtual') body.noStopClause = options.noStopClause;
	if (item.differedPeriod) body.differedPeriod = item.differedPeriod;
	if (item.recipients.kind === 'recipientList') body.receiversSlotId = item.recipients.slotId;
	const tag = options.tag?.trim() || undefined;
	const key = JSON.stringify([sender.target.serviceName, sender.target.virtualNumber ?? '', tag ?? '', body]);
	return { item, sender, analysis, stopClause, body, key };
}

/**
 * Holds a commercial send (one with the STOP mention) to its Send Window: one due outside it is
 * deferred to the next opening through `differedPeriod`, so that OVHcloud holds it and Cancel
 * still works, or fails its item. The output says when it goes, in the workflow's time zone.
 */
function placeInSendWindow(ctx: IExecuteFunctions, item: SendItem, commercial: boolean, runStartedAtMs: number): void {
	const timeZone = ctx.getTimezone();
	const timing = timeItemSend(ctx.getNode(), item.itemIndex, item.options.sendWindow!, {
		dueMs: item.differedPeriod ? item.sendAtMs! : runStartedAtMs,
		commercial,
		dueField: item.differedPeriod ? 'Send At' : undefined,
		workflowTimeZone: timeZone,
		consequence: 'nothing was sent',
	});
	if (timing.kind === 'deferred') {
		const minutes = Math.ceil((timing.atMs - runStartedAtMs) / 60_000);
		item.differedPeriod = minutes;
		item.scheduledFor = formatApiDatetime(runStartedAtMs + minutes * 60_000);
	}
	item.sendWindow = timing.kind;
	item.sendsAt = formatInZone(runStartedAtMs + (item.differedPeriod ?? 0) * 60_000, timeZone);
}
