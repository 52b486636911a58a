/**
 * The start time of a scheduled campaign. n8n's date fields give a wall-clock time without an
 * offset, meant in the workflow's time zone; OVHcloud needs an instant.
 */
import { offsetMsAt as offsetMs } from '../sendWindow';
import { CampaignInputError } from './errors';

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch ms of a date given with an offset, or as a wall-clock time in `timeZone`. */
export function startInstant(value: string, timeZone: string): number {
	const text = value.trim().replace(' ', 'T');
	if (HAS_OFFSET.test(text)) {
		const ms = Date.parse(text);
		if (Number.isNaN(ms)) throw new CampaignInputError(`"${value}" is not a date and time`);
		return ms;
	}
	const wall = Date.parse(`${text}Z`);
	if (Number.isNaN(wall)) throw new CampaignInputError(`"${value}" is not a date and time`);
	// Twice, for the hours around a change of offset.
	let instant = wall - offsetMs(wall, timeZone);
	instant = wall - offsetMs(instant, timeZone);
	return instant;
}

/** A start more than this far in the past is a mistake, not "now". */
export const PAST_START_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * The furthest ahead a send or a campaign may be scheduled. OVHcloud debits the credits when it
 * accepts the send, not when it goes out, and takes any date (a `differedPeriod` is minutes in a
 * 32-bit integer: 4,000 years); a date years ahead is a mistyped year that would spend credits
 * now for an SMS nobody expects. A year covers every real reminder or yearly greeting.
 */
export const MAX_START_AHEAD_DAYS = 365;

/** OVHcloud's `deferred`, or undefined to start now (a start time just passed means now). */
export function deferredStart(startMs: number, nowMs: number): string | undefined {
	if (startMs < nowMs - PAST_START_TOLERANCE_MS) {
		throw new CampaignInputError(`The start time ${new Date(startMs).toISOString()} is in the past`);
	}
	if (startMs > nowMs + MAX_START_AHEAD_DAYS * 86_400_000) {
		throw new CampaignInputError(
			`The start time ${new Date(startMs).toISOString()} is more than ${MAX_START_AHEAD_DAYS} days ahead: check the year (OVHcloud debits the credits when the campaign is created)`,
		);
	}
	return startMs > nowMs ? new Date(startMs).toISOString() : undefined;
}
