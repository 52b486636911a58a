/**
 * Files generated from the code, checked to be current: docs/parameters.md (the parameter
 * names of version 1, from the node descriptions) and the message-cost regular expressions
 * (from lib/encoding's GSM-7 tables). `npm run generate` rewrites them
 * (UPDATE_GENERATED=1); a plain run only compares, so it never dirties the work tree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderMessageCostPatterns } from '../../scripts/generate/messageCostPatterns';
import { NODE_DESCRIPTIONS, parameterEntries, renderParametersDoc } from '../../scripts/generate/parametersDoc';

const ROOT = path.join(__dirname, '..', '..');
const GENERATED: Array<{ file: string; render: () => string }> = [
	{ file: 'docs/parameters.md', render: renderParametersDoc },
	{ file: 'nodes/OvhSms/actions/common/messageCost.generated.ts', render: renderMessageCostPatterns },
];

describe.each(GENERATED)('$file', ({ file, render }) => {
	test('is what the code generates (run `npm run generate` after changing a parameter)', () => {
		const expected = render();
		const target = path.join(ROOT, file);
		if (process.env.UPDATE_GENERATED === '1') fs.writeFileSync(target, expected);
		expect(fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '(missing)').toBe(expected);
	});
});

describe('the parameter vocabulary', () => {
	const sms = parameterEntries(NODE_DESCRIPTIONS[0]);
	const shared = [
		'senderType',
		'sender',
		'message',
		'recipientSource',
		'csvColumn',
		'recipientListSlot',
		'defaultCountry',
		'options.noStopClause',
		'options.dryRun',
		'options.transliteration',
	];

	test.each(shared)('%s has one label wherever Send, Estimate or Campaign › Create show it', (name) => {
		const entry = sms.find((candidate) => candidate.path === name);
		expect(entry?.labels).toHaveLength(1);
	});

	test('the ideas Send, Estimate and Campaign share have no second name', () => {
		const retired = [
			'senderKind',
			'senderMode',
			'campaignSender',
			'campaignMessage',
			'campaignRecipients',
			'phoneColumn',
			'noStop',
			'replaceNonGsm',
			'campaignOptions',
			'slotId',
			'dryRun',
		];
		expect(sms.map((entry) => entry.path).filter((name) => retired.includes(name))).toEqual([]);
	});
});
