/**
 * Which sends a window holds and what becomes of one due outside it. A commercial send (one that
 * carries OVHcloud's STOP mention: lib/messages decides) obeys the window; a non-commercial one (a
 * code, an alert) goes when due unless the policy says otherwise. Outside the window a send is
 * deferred to the next opening or refused; the caller turns either into OVHcloud's scheduling
 * or an error.
 */
import { placeInWindow, type ClosedReason, type SendWindow } from './window';

export interface SendWindowPolicy {
	window: SendWindow;
	outside: 'defer' | 'fail';
	/** Hold non-commercial sends too. */
	nonCommercialToo: boolean;
}

export type SendTiming =
	/** The window does not apply to this send (non-commercial). */
	| { kind: 'notApplied'; atMs: number }
	| { kind: 'inWindow'; atMs: number }
	| { kind: 'deferred'; atMs: number; closedBecause: ClosedReason }
	| { kind: 'refused'; nextOpeningMs: number; closedBecause: ClosedReason };

export function timeSend(dueMs: number, commercial: boolean, policy: SendWindowPolicy): SendTiming {
	if (!commercial && !policy.nonCommercialToo) return { kind: 'notApplied', atMs: dueMs };
	const placement = placeInWindow(dueMs, policy.window);
	if (!placement.closedBecause) return { kind: 'inWindow', atMs: dueMs };
	return policy.outside === 'defer'
		? { kind: 'deferred', atMs: placement.atMs, closedBecause: placement.closedBecause }
		: { kind: 'refused', nextOpeningMs: placement.atMs, closedBecause: placement.closedBecause };
}
