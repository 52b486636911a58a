// The Send operation through n8n's engine against the sandbox: recipient sources, options as
// OVHcloud's fields, message encodings, scheduling, and every refusal before anything is sent.
import { jsonOf, sendParameters, useNodeHarness } from './helpers';

const harness = useNodeHarness();

describe('Send: recipients', () => {
	test('numbers from a comma/new-line list: +33, 0033 and national forms, one SMS each, duplicates once', async () => {
		const result = await harness.run(sendParameters({ receivers: '+33611111111, 0033622222222\n06 33 33 33 33\n0611111111' }));
		expect(result.status).toBe('success');
		const [out] = jsonOf(result);
		expect(out).toMatchObject({
			status: 'sent',
			validReceivers: ['+33611111111', '+33622222222', '+33633333333'],
			duplicateReceivers: ['+33611111111'],
			invalidReceivers: [],
			creditsRemoved: 3,
		});
		expect((out.ids as number[]).length).toBe(3);
		expect(
			harness
				.allSms()
				.map((sms) => sms.receiver)
				.sort(),
		).toEqual(['+33611111111', '+33622222222', '+33633333333']);
		expect(harness.jobBodies()).toHaveLength(1);
	});

	test('many items with the same message become one job, each item paired with its own SMS', async () => {
		const items = Array.from({ length: 30 }, (_, i) => ({ phone: `+336${String(10_000_000 + i)}` }));
		const result = await harness.run(sendParameters({ receivers: '={{ $json.phone }}' }), items);
		expect(result.status).toBe('success');
		expect(harness.jobBodies()).toHaveLength(1);
		expect(result.output).toHaveLength(30);
		result.output.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.validReceivers).toEqual([items[i].phone]);
			const [id] = item.json.ids as number[];
			expect(harness.account().outgoing[id].receiver).toBe(items[i].phone);
		});
	});

	test('the receivers limit per job splits a big send into several jobs', async () => {
		const items = Array.from({ length: 12 }, (_, i) => ({ phone: `+336200000${String(i).padStart(2, '0')}` }));
		const result = await harness.run(sendParameters({ receivers: '={{ $json.phone }}', options: { maxReceiversPerJob: 5 } }), items);
		expect(result.status).toBe('success');
		expect(harness.jobBodies().map((body) => (body.receivers as string[]).length)).toEqual([5, 5, 2]);
		expect(harness.allSms()).toHaveLength(12);
	});

	test('expressions per item: personalised texts go out as separate jobs', async () => {
		const items = [
			{ name: 'Alice', phone: '0611111111' },
			{ name: 'Bruno', phone: '0622222222' },
			{ name: 'Alice', phone: '0633333333' },
		];
		const result = await harness.run(sendParameters({ receivers: '={{ $json.phone }}', message: '=Hello {{ $json.name }}' }), items);
		expect(result.status).toBe('success');
		expect(harness.jobBodies().map((body) => [body.message, body.receivers])).toEqual([
			['Hello Alice', ['+33611111111', '+33633333333']],
			['Hello Bruno', ['+33622222222']],
		]);
		const byReceiver = Object.fromEntries(harness.allSms().map((sms) => [sms.receiver, sms.message]));
		expect(byReceiver['+33622222222']).toMatch(/^Hello Bruno/);
	});

	test('an expression returning a list of numbers', async () => {
		const result = await harness.run(sendParameters({ receivers: '={{ $json.phones }}' }), [{ phones: ['+33611111111', 33622222222] }]);
		expect(jsonOf(result)[0].validReceivers).toEqual(['+33611111111', '+33622222222']);
	});

	test('a CSV file from a binary field: column by name, bad rows reported with their line numbers', async () => {
		const csv = '\uFEFFname;mobile\n"Doe; Jane";06 11 11 11 11\nBob;not a number\nCarl;+33622222222\n';
		const result = await harness.run(
			sendParameters({ recipientSource: 'csv', binaryPropertyName: 'file', csvColumn: 'Mobile', csvHeader: 'auto', defaultCountry: 'FR' }),
			[{ json: {}, binary: { file: { data: Buffer.from(csv).toString('base64'), mimeType: 'text/csv', fileName: 'list.csv' } } }],
		);
		expect(result.status).toBe('success');
		expect(jsonOf(result)[0]).toMatchObject({
			validReceivers: ['+33611111111', '+33622222222'],
			invalidReceivers: [{ receiver: 'not a number', reason: 'contains letters', line: 3 }],
			file: { rows: 3, delimiter: ';', column: 'mobile' },
			creditsRemoved: 2,
		});
	});

	test.each([
		['picked from the list', { __rl: true, mode: 'list', value: '1' }],
		['typed by slot', { __rl: true, mode: 'slot', value: '1' }],
		['saved before the field was a locator (a plain slot)', '1'],
	])('a recipient list stored on the account (%s) goes out as receiversSlotId', async (_form, recipientListSlot) => {
		const result = await harness.run(sendParameters({ recipientSource: 'recipientList', recipientListSlot }));
		expect(result.status).toBe('success');
		expect(harness.jobBodies()[0]).toMatchObject({ receiversSlotId: '1' });
		expect(harness.jobBodies()[0].receivers).toBeUndefined();
		const slotNumbers = harness.account().receivers['1'].csv.match(/\+\d+/g)!;
		expect(jsonOf(result)[0]).toMatchObject({ recipientList: { slotId: '1', records: slotNumbers.length } });
		expect((jsonOf(result)[0].validReceivers as string[]).sort()).toEqual([...slotNumbers].sort());
	});

	test('an address book: the chosen number field of the group’s contacts, contacts without it reported', async () => {
		const [bookKey] = Object.keys(harness.account().phonebooks);
		const contacts = Object.values(harness.account().phonebooks[bookKey].contacts);
		const group = contacts[0].group;
		const inGroup = contacts.filter((c) => c.group === group);
		const result = await harness.run(
			sendParameters({ recipientSource: 'addressBook', phonebook: bookKey, phonebookNumberField: 'homeMobile', phonebookGroup: group }),
		);
		expect(result.status).toBe('success');
		const out = jsonOf(result)[0];
		expect((out.validReceivers as string[]).sort()).toEqual(inGroup.flatMap((c) => (c.homeMobile ? [c.homeMobile] : [])).sort());
		expect((out.invalidReceivers as Array<{ reason: string }>).length).toBe(inGroup.filter((c) => !c.homeMobile).length);

		const work = await harness.run(
			sendParameters({ recipientSource: 'addressBook', phonebook: bookKey, phonebookNumberField: 'workPhone' }),
		);
		expect((jsonOf(work)[0].validReceivers as string[]).sort()).toEqual(contacts.flatMap((c) => (c.workPhone ? [c.workPhone] : [])).sort());
		expect(jsonOf(work)[0].invalidReceivers).toContainEqual({ receiver: expect.any(String), reason: 'no work phone number' });
	});

	test('invalid numbers never reach OVHcloud and come back with the reason', async () => {
		const result = await harness.run(sendParameters({ receivers: '0611111111, 12, hello, +33 6 22 22 22 2' }));
		expect(jsonOf(result)[0]).toMatchObject({
			validReceivers: ['+33611111111'],
			creditsRemoved: 1,
			invalidReceivers: [
				{ receiver: '12', reason: expect.stringContaining('wrong length for France') },
				{ receiver: 'hello', reason: 'contains letters' },
				{ receiver: '+33 6 22 22 22 2', reason: expect.stringContaining('wrong length for France') },
			],
		});
		expect(harness.jobBodies()[0].receivers).toEqual(['+33611111111']);
	});

	test('a number on the STOP list is refused by OVHcloud, not billed, and reported', async () => {
		await harness.sandbox.injectIncoming({ sender: '+33622222222', message: 'STOP' });
		const creditsBefore = harness.account().creditsLeft;
		const result = await harness.run(sendParameters({ receivers: '={{ $json.phone }}' }), [
			{ phone: '0611111111' },
			{ phone: '0622222222' },
		]);
		const [ok, stopped] = jsonOf(result);
		expect(ok).toMatchObject({ status: 'sent', validReceivers: ['+33611111111'], creditsRemoved: 1 });
		expect(stopped).toMatchObject({
			status: 'nothingSent',
			ids: [],
			creditsRemoved: 0,
			invalidReceivers: [{ receiver: '+33622222222', reason: expect.stringContaining('STOP list') }],
		});
		expect(harness.account().creditsLeft).toBe(creditsBefore - 1);
	});

	test('an item that reached only some of its receivers says partlySent, and the run shows a warning', async () => {
		await harness.sandbox.injectIncoming({ sender: '+33622222222', message: 'STOP' });
		const result = await harness.run(sendParameters({ receivers: '0611111111, 0622222222' }));
		expect(jsonOf(result)[0]).toMatchObject({
			status: 'partlySent',
			validReceivers: ['+33611111111'],
			invalidReceivers: [{ receiver: '+33622222222', reason: expect.stringContaining('STOP list') }],
			creditsRemoved: 1,
		});
		const invalid = await harness.run(sendParameters({ receivers: '0611111111, abc' }));
		expect(jsonOf(invalid)[0]).toMatchObject({ status: 'partlySent', invalidReceivers: [{ receiver: 'abc', reason: 'contains letters' }] });
		// n8n shows the hints of a node's run above its output.
		expect(result.run.data.resultData.runData['Node Under Test'][0].hints).toEqual([
			expect.objectContaining({ type: 'warning', message: expect.stringMatching(/^1 receiver\(s\) of 1 item\(s\) got no SMS/) }),
		]);
	});
});

describe('Send: senders', () => {
	test('the short number for replies: senderForResponse, STOP mention counted', async () => {
		const result = await harness.run(sendParameters({ senderType: 'shortNumber' }));
		expect(result.status).toBe('success');
		expect(harness.jobBodies()[0]).toMatchObject({ senderForResponse: true });
		expect(harness.jobBodies()[0].sender).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ sender: 'short number', message: { stopClause: true } });
	});

	test('a virtual number sends through its own jobs endpoint, without STOP fields', async () => {
		const result = await harness.run(
			sendParameters({
				senderType: 'virtualNumber',
				virtualNumber: { __rl: true, mode: 'number', value: '+33700000001' },
				options: { noStopClause: true },
			}),
		);
		expect(result.status).toBe('success');
		const post = harness.sandbox.requests.find((r) => r.method === 'POST' && r.path.endsWith('/jobs'))!;
		expect(post.path).toBe(`/1.0/sms/${harness.sandbox.serviceName}/virtualNumbers/33700000001/jobs`);
		expect(JSON.parse(post.body)).not.toHaveProperty('noStopClause');
		expect(JSON.parse(post.body)).not.toHaveProperty('sender');
	});

	test('an unknown sender is refused, before anything is sent, with the senders that can send', async () => {
		const result = await harness.run(sendParameters({ sender: { __rl: true, mode: 'name', value: 'Nobody' } }));
		expect(result.status).toBe('error');
		// Exactly the senders the Sender list offers (test/integration/ovhSms/operations.test.ts, "Editor lists"): the
		// virtual number 33700000001 is chosen with Send From › Virtual Number, so it is not named here either.
		const named = /Enabled senders: (.*)\.( \[item 0\])?$/.exec(result.error?.message ?? '')?.[1];
		expect(result.error?.message).toMatch(/^The sender "Nobody" does not exist on sms-sb00001-1\. Enabled senders: /);
		expect(named?.split(', ').sort()).toEqual(['33612345678', 'Alerts', 'MyCompany']);
		expect(harness.jobBodies()).toHaveLength(0);
	});

	test('a sender that is not enabled is refused with its status', async () => {
		const result = await harness.run(sendParameters({ sender: { __rl: true, mode: 'name', value: 'Refused' } }));
		expect(result.error?.message).toMatch(/The sender "Refused" cannot send: .*refused.*Brand not justified.*Enabled senders: /);
		expect(harness.jobBodies()).toHaveLength(0);
	});
});

describe('Send: message and options', () => {
	test('every option reaches the job with OVHcloud’s field names', async () => {
		const result = await harness.run(
			sendParameters({
				options: { class: 'flash', priority: 'low', validityPeriod: 60, noStopClause: true, tag: 'spring-promo' },
			}),
		);
		expect(result.status).toBe('success');
		expect(harness.jobBodies()[0]).toEqual({
			message: 'Your parcel arrives tomorrow',
			sender: 'MyCompany',
			class: 'flash',
			priority: 'low',
			validityPeriod: 60,
			noStopClause: true,
			tag: 'spring-promo',
			receivers: ['+33611111111'],
		});
		const [sms] = harness.allSms();
		expect(sms).toMatchObject({
			class: 'flash',
			priority: 'low',
			validityPeriod: 60,
			tag: 'spring-promo',
			message: 'Your parcel arrives tomorrow',
		});
		expect(jsonOf(result)[0]).toMatchObject({ tags: ['spring-promo'], message: { stopClause: false } });
	});

	test('SIM class', async () => {
		await harness.run(sendParameters({ options: { class: 'sim' } }));
		expect(harness.allSms()[0].class).toBe('sim');
	});

	test('an accented message stays GSM-7; an emoji switches it to Unicode and says why', async () => {
		const accented = await harness.run(sendParameters({ message: 'Rendez-vous à 14h, café offert', options: { noStopClause: true } }));
		expect(jsonOf(accented)[0].message).toMatchObject({ encoding: 'GSM-7', parts: 1, charactersForcingUnicode: [] });
		const emoji = await harness.run(sendParameters({ message: 'Rendez-vous à 14h 🎉 café offert', options: { noStopClause: true } }));
		expect(jsonOf(emoji)[0].message).toMatchObject({ encoding: 'UCS-2', charactersPerPart: 70, charactersForcingUnicode: ['🎉'] });
		const texts = harness.allSms().map((sms) => sms.message);
		expect(texts).toEqual(['Rendez-vous à 14h, café offert', 'Rendez-vous à 14h 🎉 café offert']);
	});

	test('transliteration keeps a message in GSM-7 and lists what it changed', async () => {
		const result = await harness.run(
			sendParameters({ message: 'C’est l’été — à bientôt', options: { transliteration: 'lossy', noStopClause: true } }),
		);
		const out = jsonOf(result)[0].message as { encoding: string; text: string; transliterated: Array<{ from: string; to: string }> };
		expect(out.encoding).toBe('GSM-7');
		expect(out.transliterated).toEqual(expect.arrayContaining([{ from: '’', to: "'" }]));
		expect(harness.allSms()[0].message).toBe(out.text);
	});

	test('a message over the parts limit fails before anything is sent', async () => {
		const result = await harness.run(sendParameters({ message: 'x'.repeat(154 * 3), options: { maxParts: 2, noStopClause: true } }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/needs 4 SMS parts .*more than "Maximum Parts" allows \(2\); nothing was sent \[item 0\]/);
		expect(harness.jobBodies()).toHaveLength(0);
	});

	test('a deferred send waits as a pending job, and Cancel gives the credits back', async () => {
		const sendAt = new Date(Date.now() + 2 * 3600_000).toISOString();
		const creditsBefore = harness.account().creditsLeft;
		const result = await harness.run(sendParameters({ options: { sendAt } }));
		const out = jsonOf(result)[0];
		expect(out).toMatchObject({ status: 'scheduled', scheduledFor: expect.any(String) });
		expect(harness.jobBodies()[0].differedPeriod).toBeGreaterThanOrEqual(119);
		expect(harness.jobBodies()[0].differedPeriod).toBeLessThanOrEqual(121);
		const [id] = out.ids as number[];
		expect(harness.account().jobs[id]).toBeDefined();
		expect(harness.account().creditsLeft).toBe(creditsBefore - 1);

		const status = await harness.run({ resource: 'sms', operation: 'getStatus', smsId: String(id) });
		expect(jsonOf(status)[0]).toMatchObject({ status: 'scheduled', id });

		const cancel = await harness.run({ resource: 'sms', operation: 'cancel', smsId: String(id) });
		expect(jsonOf(cancel)[0]).toMatchObject({ id, cancelled: true, creditsReturned: 1 });
		expect(harness.account().jobs[id]).toBeUndefined();
		expect(harness.account().creditsLeft).toBe(creditsBefore);

		const again = await harness.run({ resource: 'sms', operation: 'cancel', smsId: String(id) });
		expect(again.error?.message).toMatch(/is not waiting to be sent/);
	});

	test('a dry run checks and estimates everything and sends nothing', async () => {
		const items = [{ phone: '0611111111' }, { phone: '0622222222, nope' }, { phone: '0611111111' }];
		const result = await harness.run(sendParameters({ receivers: '={{ $json.phone }}', options: { dryRun: true } }), items);
		expect(result.status).toBe('success');
		expect(harness.jobBodies()).toHaveLength(0);
		expect(harness.allSms()).toHaveLength(0);
		const out = jsonOf(result);
		expect(out[0]).toMatchObject({
			status: 'dryRun',
			receiverCount: 1,
			estimatedCredits: 1,
			account: { creditsLeft: 100_000, creditsNeeded: 2, fits: true },
		});
		expect(out[1]).toMatchObject({ receiverCount: 1, invalidReceivers: [{ receiver: 'nope', reason: 'contains letters' }] });
		expect(out[2]).toMatchObject({ receiverCount: 0, duplicateReceivers: ['+33611111111'] });
	});

	test('credits exhausted: the run fails before its first job', async () => {
		harness.sandbox.setCredits(2);
		const items = Array.from({ length: 3 }, (_, i) => ({ phone: `+3361111111${i}` }));
		const result = await harness.run(sendParameters({ receivers: '={{ $json.phone }}' }), items);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			/Not enough credits on sms-sb00001-1: this run needs at least 3 credits for 3 SMS, 2 are left; nothing was sent/,
		);
		expect(harness.jobBodies()).toHaveLength(0);
		expect(harness.account().creditsLeft).toBe(2);
	});
});

describe('Send: what a run reads once, however many items', () => {
	const gets = (path: RegExp) => harness.sandbox.requests.filter((request) => request.method === 'GET' && path.test(request.path)).length;

	test('50 items sending to one recipient list read the list once and check the sender once', async () => {
		const items = Array.from({ length: 50 }, (_, i) => ({ text: `Flash sale, code ${i}` }));
		const result = await harness.run(
			sendParameters({ recipientSource: 'recipientList', recipientListSlot: '1', message: '={{ $json.text }}' }),
			items,
		);
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(50);
		expect(gets(/\/receivers\/1$/)).toBe(1);
		expect(gets(/\/senders\/MyCompany$/)).toBe(1);
	});

	test('20 items naming a sender the account lacks each fail naming it; the sender is looked up once', async () => {
		const items = Array.from({ length: 20 }, (_, i) => ({ phone: `+3361100${String(i).padStart(4, '0')}` }));
		const result = await harness.run(
			sendParameters({ receivers: '={{ $json.phone }}', sender: { __rl: true, mode: 'name', value: 'Nobody' } }),
			items,
			{ continueOnFail: true },
		);
		const errors = jsonOf(result).map((json) => json.error);
		expect(errors).toHaveLength(20);
		errors.forEach((error, i) => expect(error).toMatch(new RegExp(`^The sender "Nobody" does not exist on .*\\[item ${i}\\]$`)));
		expect(gets(/\/senders\/Nobody$/)).toBe(1);
		expect(gets(/\/senders$/)).toBe(1);
		expect(harness.jobBodies()).toHaveLength(0);
	});
});

describe('Send: a kind the editor does not offer (a workflow edited by hand or through the API)', () => {
	test.each([
		['Recipients', { recipientSource: 'fax' }, /^"Recipients" is "fax": use one of numbers, csv, addressBook, recipientList \[item 0\]$/],
		['Sender Type', { senderType: 'pigeon' }, /^"Sender Type" is "pigeon": use one of shortNumber, virtualNumber, sender \[item 0\]$/],
	])('an unknown %s fails the item naming the field; nothing is sent', async (_field, parameters, error) => {
		const result = await harness.run(sendParameters(parameters));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(error);
		expect(harness.jobBodies()).toHaveLength(0);
	});
});

describe('Send: continue on fail', () => {
	test('a bad item fails alone, named with its field; the others are sent', async () => {
		const items = [
			{ phone: '0611111111', text: 'ok' },
			{ phone: 'not a number', text: 'ok' },
			{ phone: '0622222222', text: '' },
			{ phone: '0633333333', text: 'ok' },
		];
		const parameters = sendParameters({ receivers: '={{ $json.phone }}', message: '={{ $json.text }}' });
		const stopped = await harness.run(parameters, items);
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toBe('No valid phone number in "Phone Numbers": "not a number" contains letters [item 1]');
		expect(harness.jobBodies()).toHaveLength(0);

		const result = await harness.run(parameters, items, { continueOnFail: true });
		expect(result.status).toBe('success');
		const out = jsonOf(result);
		expect(out.map((json) => json.error ?? json.status)).toEqual([
			'sent',
			'No valid phone number in "Phone Numbers": "not a number" contains letters [item 1]',
			'"Message" is empty [item 2]',
			'sent',
		]);
		expect(result.output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(
			harness
				.allSms()
				.map((sms) => sms.receiver)
				.sort(),
		).toEqual(['+33611111111', '+33633333333']);
	});

	test('an API refusal of one job fails only the items of that job', async () => {
		// The sandbox refuses links from the short number; the other item is a plain text.
		const items = [{ text: 'See https://example.com' }, { text: 'Plain text' }];
		const result = await harness.run(
			sendParameters({ senderType: 'shortNumber', message: '={{ $json.text }}', receivers: '0611111111' }),
			items,
			{ continueOnFail: true },
		);
		const out = jsonOf(result);
		expect(out[0]).toMatchObject({
			status: 'failed',
			error: expect.stringMatching(/^Sending failed: .*Links are not allowed/),
			notSent: ['+33611111111'],
		});
		expect(out[1]).toMatchObject({ status: 'sent' });
	});
});
