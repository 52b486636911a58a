/**
 * Cost of placing items in a send window (lib/sendWindow), what a Send of many items pays once
 * per item: the French commercial hours from a Sunday night (next opening the next day) and from
 * Christmas Eve night (holidays and a weekend to skip), and a custom window in Sydney.
 *
 *   npx tsx bench/sendWindow/index.ts [--items 10000]
 */
import { FRENCH_COMMERCIAL_HOURS, placeInWindow, type SendWindow } from '../../lib/sendWindow';

const index = process.argv.indexOf('--items');
const items = index === -1 ? 10_000 : Number(process.argv[index + 1]);

const cases: Array<[string, SendWindow, string]> = [
	['French hours, Sunday 23:40 → Monday 08:00', FRENCH_COMMERCIAL_HOURS, '2026-12-06T23:40:00+01:00'],
	['French hours, 24 Dec 21:00 → Monday 28th 08:00', FRENCH_COMMERCIAL_HOURS, '2026-12-24T21:00:00+01:00'],
	[
		'Sydney Mon–Fri 09:00–18:00, Saturday → Monday',
		{ timeZone: 'Australia/Sydney', days: [1, 2, 3, 4, 5], opensAt: 540, closesAt: 1080 },
		'2026-07-04T10:00:00+10:00',
	],
];

// One item spread over a minute per run, as a send's items are read within one run.
placeInWindow(Date.parse(cases[0][2]), FRENCH_COMMERCIAL_HOURS);
for (const [name, window, due] of cases) {
	const start = Date.parse(due);
	const began = process.hrtime.bigint();
	for (let item = 0; item < items; item++) placeInWindow(start + ((item * 7) % 60_000), window);
	const ms = Number(process.hrtime.bigint() - began) / 1e6;
	console.log(`${name}: ${items} items in ${ms.toFixed(0)} ms (${((ms * 1000) / items).toFixed(1)} µs per item)`);
}
