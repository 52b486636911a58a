/**
 * The editor, in a real browser, as a newcomer sees it after `npm start`: log in, open an example
 * workflow, open the OVHcloud SMS node, find its fields and the lists the sandbox fills, run the
 * workflow. It saves its screenshots under test-results/screenshots/ (git-ignored), so a run never
 * dirties the work tree; `UPDATE_SCREENSHOTS=1` writes them over the docs', in docs/screenshots/.
 *
 * Needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH): without it the test is skipped and says
 * so, unless CI=true, where it must run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { eventually } from './support/eventually';
import { browserTestMustRun, CHROMIUM_PATH, isChromiumInstalled, launchEditorBrowser, type EditorBrowser } from './support/chromium';
import {
	INSTALL_AND_START_TIMEOUT_MS,
	PROJECT_ROOT,
	packNotBuiltReason,
	readExampleWorkflows,
	startExampleServer,
	type ExampleServer,
	type ExampleWorkflow,
} from './support/exampleServer';

/** Every attempt n8n makes to reach a host off this machine (test/e2e/support/outboundRecorder.cjs). */
const OUTBOUND_RECORDER = path.join(__dirname, 'support', 'outboundRecorder.cjs');

const SCREENSHOTS_DIR =
	process.env.UPDATE_SCREENSHOTS === '1'
		? path.join(PROJECT_ROOT, 'docs', 'screenshots')
		: path.join(PROJECT_ROOT, 'test-results', 'screenshots');

/** The example docs/try-it.md walks through, and what its OVHcloud SMS node must show. */
const WALKTHROUGH = {
	file: 'csv-campaign.json',
	nodeName: 'Send the campaign',
	/** Parameter names (n8n's `parameter-input-<name>`) and the labels a user reads. */
	fields: [
		{ name: 'serviceName', label: 'SMS Account' },
		{ name: 'recipientSource', label: 'Recipients' },
		{ name: 'sender', label: 'Sender' },
		{ name: 'message', label: 'Message' },
	],
	/** The resource locator whose list comes from the sandbox. */
	list: 'sender',
	/** The nodes a run with enough credits goes through. */
	succeeds: ['Campaign', 'Customer list as a CSV file', 'Estimate first (dry run)', 'Enough credits?', 'Send the campaign'],
};

const notBuilt = packNotBuiltReason();
const chromiumMissing = isChromiumInstalled()
	? undefined
	: `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
const skipReason = browserTestMustRun() ? undefined : (notBuilt ?? chromiumMissing);
if (skipReason) process.stderr.write(`\n[e2e] SKIPPED the editor's browser test: ${skipReason}.\n\n`);
const describeUnlessSkipped = skipReason ? describe.skip : describe;

jest.setTimeout(180_000);

describeUnlessSkipped('the n8n editor in Chromium, with the example workflows', () => {
	let example: ExampleServer;
	let browser: EditorBrowser;
	let page: Page;
	let walkthrough: ExampleWorkflow;
	let outboundRecord: string;

	beforeAll(async () => {
		if (notBuilt) throw new Error(`The browser test must run in CI, but ${notBuilt}.`);
		if (chromiumMissing) throw new Error(`The browser test must run in CI, but ${chromiumMissing}.`);
		const found = readExampleWorkflows().find((workflow) => workflow.file === WALKTHROUGH.file);
		if (!found) throw new Error(`examples/workflows/${WALKTHROUGH.file} is missing`);
		walkthrough = found;
		outboundRecord = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-outbound-')), 'attempts.jsonl');
		example = await startExampleServer({ env: { NODE_OPTIONS: `--require ${OUTBOUND_RECORDER}`, OUTBOUND_RECORD_FILE: outboundRecord } });
		browser = await launchEditorBrowser();
		page = browser.page;
		fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
	}, INSTALL_AND_START_TIMEOUT_MS);

	afterAll(async () => {
		await browser?.close();
		const clean = await example?.stop();
		if (outboundRecord) fs.rmSync(path.dirname(outboundRecord), { recursive: true, force: true });
		expect(clean ?? true).toBe(true);
	}, 60_000);

	const screenshot = async (name: string) => {
		await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), animations: 'disabled' });
	};
	const ndv = () => page.getByTestId('ndv');
	const closeNodeView = async () => {
		if (!(await ndv().isVisible())) return;
		await page.keyboard.press('Escape'); // an open dropdown first
		if (await ndv().isVisible()) await ndv().getByTestId('ndv-close-button').click();
		await ndv().waitFor({ state: 'hidden' });
	};
	const canvasNode = (name: string): Locator => page.getByTestId('canvas-node').filter({ hasText: name });

	test('the owner logs in with the login npm start prints', async () => {
		await page.goto(`${example.server.url}/signin`);
		await page.getByLabel('Email').fill(example.session.owner.email);
		await page.getByLabel('Password').fill(example.session.owner.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		await expectVisible(page.getByText(walkthrough.name));
	});

	test('the example workflow opens with all its nodes on the canvas', async () => {
		await page.goto(`${example.server.url}/workflow/${walkthrough.id}`);
		for (const node of walkthrough.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote')) {
			await expectVisible(canvasNode(node.name));
		}
		await screenshot('editor-workflow');
	});

	test('the OVHcloud SMS node shows its fields, and the senders come from the sandbox', async () => {
		await canvasNode(WALKTHROUGH.nodeName).dblclick();
		await expectVisible(ndv());
		const parameters = ndv().getByTestId('node-parameters');
		for (const field of WALKTHROUGH.fields) {
			await expectVisible(parameters.getByTestId(`parameter-input-${field.name}`));
			await expectVisible(parameters.locator(`label[for="${field.name}"]`).getByText(field.label, { exact: true }));
		}

		await parameters.getByTestId(`resource-locator-${WALKTHROUGH.list}`).getByTestId('rlc-input').click();
		const account = example.sandbox.state.accounts[example.sandbox.serviceName];
		const canSend = Object.values(account.senders)
			.filter((sender) => sender.status === 'enable' && sender.type !== 'virtual')
			.map((sender) => sender.sender)
			.sort();
		// The saved choice shows at once; the account's senders follow when the sandbox answers.
		const items = page.getByTestId('rlc-item');
		await eventually(async () => ((await items.count()) >= canSend.length ? true : undefined), {
			describe: () => `the list did not load ${canSend.length} senders`,
		});
		// Entries read "MyCompany (name)", "33612345678 (phone number)": the enabled senders that can send.
		const listed = (await items.allInnerTexts()).map((text) => text.trim().replace(/\s*\(.*\)$/, '')).sort();
		expect(listed).toEqual(canSend);
		expect(listed).toEqual(expect.arrayContaining(['MyCompany', 'Alerts']));
		expect(listed).not.toContain('Refused');
		await screenshot('editor-senders-list');
		await page.keyboard.press('Escape');

		// The typed mode reads "By Name": n8n relabels a mode named `id` "By ID" whatever the pack says.
		await parameters.getByTestId(`resource-locator-${WALKTHROUGH.list}`).getByTestId('rlc-mode-selector').click();
		await expectVisible(page.locator('text="By Name" >> visible=true'));
		expect(await page.locator('text="By ID" >> visible=true').count()).toBe(0);
		await page.keyboard.press('Escape');
		await closeNodeView();
	});

	test('running the workflow estimates, then sends through the sandbox, and shows the result', async () => {
		await closeNodeView();
		example.sandbox.clearRequests();
		await page.getByTestId('execute-workflow-button').click();
		await expectVisible(page.getByText('Workflow executed successfully'));
		for (const name of WALKTHROUGH.succeeds) await expectVisible(canvasNode(name).getByTestId('canvas-node-status-success'));
		const sends = example.sandbox.requests.filter((request) => request.method === 'POST' && /\/jobs$/.test(request.path));
		expect(sends.map((request) => (JSON.parse(request.body) as { receivers: string[] }).receivers)).toEqual([
			['+33611000001', '+33611000002', '+33611000003'],
		]);
		await screenshot('editor-run');
		await canvasNode(WALKTHROUGH.nodeName).dblclick();
		await expectVisible(ndv().getByTestId('node-run-status-success'));
		await expectVisible(ndv().getByTestId('output-panel').getByText('+33611000002').first());
		await screenshot('editor-run-output');
	});

	test('a new workflow: the SMS node added from the panel shows the cost of the message as it is typed, then sends', async () => {
		await page.goto(`${example.server.url}/workflow/new`);
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('OVHcloud SMS');
		await page.getByTestId('node-creator-item-name').getByText('OVHcloud SMS', { exact: true }).click();
		// A new workflow opens the pack's page with its triggers first and the actions folded.
		const send = page.getByTestId('node-creator').getByText('Send an SMS', { exact: true }).first();
		if (!(await send.isVisible()))
			await page
				.getByTestId('node-creator')
				.getByText(/^Actions \(\d+\)$/)
				.click();
		await send.click();
		await expectVisible(ndv());
		const parameters = ndv().getByTestId('node-parameters');
		await pickFromList(parameters, 'serviceName', example.sandbox.serviceName);
		await pickFromList(parameters, 'sender', 'MyCompany');
		await parameters.getByTestId('parameter-input-receivers').locator('input, textarea').first().fill('+33611000009');

		const messageBox = parameters.getByTestId('parameter-input-message').locator('textarea').first();
		const notice = (text: string) => parameters.getByText(text, { exact: false });
		for (const step of COST_STEPS) {
			await messageBox.fill(step.message);
			for (const text of step.shows) await expectVisible(notice(text));
			await showBelowMessage(messageBox);
			for (const text of step.hides ?? []) expect(await notice(text).count()).toBe(0);
			await screenshot(step.screenshot);
		}

		// Run the node: the emoji message goes through the sandbox, and the output shows the SMS.
		example.sandbox.clearRequests();
		await ndv().getByTestId('node-execute-button').click();
		await expectVisible(ndv().getByTestId('node-run-status-success'));
		await expectVisible(ndv().getByTestId('output-panel').getByText('+33611000009').first());
		expect(example.sandbox.requests.filter((request) => request.method === 'POST' && /\/jobs$/.test(request.path))).toHaveLength(1);
		await screenshot('editor-send-output');

		// A message mapped from the input: n8n resolves it with the item it has; with none, the count comes at run time.
		const messageItem = parameters.getByTestId('parameter-item').filter({ has: page.getByTestId('parameter-input-message') });
		await messageItem.hover();
		await messageItem.getByText('Expression', { exact: true }).first().click();
		const expressionEditor = messageItem.locator('.cm-content').first();
		await expressionEditor.click();
		await page.keyboard.press('Control+A');
		await page.keyboard.press('Backspace');
		// The editor closes "{{" itself: "{{ $json.text }}".
		await page.keyboard.type('{{');
		await page.keyboard.type('$json.text');
		await expectVisible(notice('without input data, at run time'));
		await showBelowMessage(expressionEditor);
		await screenshot('editor-cost-expression');
		await closeNodeView();
	});

	test.each([
		['OVHcloud SMS Sender', 'Get a sender'],
		['OVHcloud SMS Address Book', 'Get a contact'],
	])('%s, added from the panel, asks for the SMS Account right after the Operation', async (nodeName, action) => {
		await closeNodeView();
		if (await page.getByTestId('node-creator').isVisible()) await page.keyboard.press('Escape');
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill(nodeName);
		await page.getByTestId('node-creator-item-name').getByText(nodeName, { exact: true }).click();
		await page.getByTestId('node-creator').getByText(action, { exact: true }).first().click();
		await expectVisible(ndv());
		const order = await ndv()
			.getByTestId('node-parameters')
			.locator('[data-test-id^="parameter-input-"]')
			.evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-test-id')!.replace('parameter-input-', '')));
		expect(order.slice(order.indexOf('operation'), order.indexOf('operation') + 2)).toEqual(['operation', 'serviceName']);
		await closeNodeView();
	});

	test('nothing leaves the machine: n8n looked up and connected to no host but this one', async () => {
		// docs/try-it.md promises it; n8n asks its community-nodes API after login unless told not to.
		const attempts = fs.existsSync(outboundRecord) ? fs.readFileSync(outboundRecord, 'utf8').trim().split('\n').filter(Boolean) : [];
		expect(attempts.map((line) => (JSON.parse(line) as { target: string }).target)).toEqual([]);
	});
});

/** What the notices under Message say while typing (docs/try-it.md screenshots: docs/screenshots/editor-cost-*.png). */
const COST_STEPS: Array<{ message: string; shows: string[]; hides?: string[]; screenshot: string }> = [
	{
		message: 'Your MyShop code is 482913. It expires in 10 minutes.',
		shows: ['GSM-7 text: 1 SMS'],
		hides: ['Unicode', 'STOP mention OVHcloud adds'],
		screenshot: 'editor-cost-gsm',
	},
	{
		// 160 characters, but € takes 2 of GSM-7's septets: 161, two SMS.
		message:
			'MyShop spring sale: 20% off everything until Sunday, free delivery from 30 and a gift with every order. Show this SMS in store or use code SPRING: now only 9.9€',
		shows: ['GSM-7 text: about 2 SMS', '€ { } [ ] ~ ^ | \\ count as 2'],
		screenshot: 'editor-cost-euro',
	},
	{
		message: 'Your parcel arrives today 📦',
		shows: ['Unicode text: 1 SMS', 'Unicode because of an emoji'],
		screenshot: 'editor-cost-emoji',
	},
];

/** Leaves the field (its "Tip" popup would hide the notes) and centres it, notes below it in view. */
async function showBelowMessage(field: Locator): Promise<void> {
	await field.blur();
	const container = field.page().getByTestId('ndv').getByTestId('parameter-input-message');
	await container.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/** Picks `value` in a resource locator's list (the entries read "value (kind)" or "value"). */
async function pickFromList(parameters: Locator, name: string, value: string): Promise<void> {
	await parameters.getByTestId(`resource-locator-${name}`).getByTestId('rlc-input').click();
	const page = parameters.page();
	await page.getByTestId('rlc-item').filter({ hasText: value }).first().click();
}

async function expectVisible(locator: Locator): Promise<void> {
	await locator.first().waitFor({ state: 'visible' });
}
