/**
 * The rule for French commercial SMS as OVHcloud applies it, the conservative reading of what it
 * documents (docs/send-windows.md gives the sources): Monday to Friday, 08:00 to 20:00, Paris
 * time, French public holidays closed.
 */
import type { SendWindow } from './window';

export const FRENCH_COMMERCIAL_HOURS: SendWindow = {
	timeZone: 'Europe/Paris',
	days: [1, 2, 3, 4, 5],
	opensAt: 8 * 60,
	closesAt: 20 * 60,
	holidays: 'FR',
};
