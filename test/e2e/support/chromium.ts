/**
 * Debian's Chromium driven by playwright-core (which ships no browser). CI installs it with apt
 * (`.ci/run`); a developer without it gets the browser test skipped, with the reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Flags that work on a root CI container and keep the browser off the internet: no sandbox
 * (root), no GPU, no QUIC, and none of the background calls Chromium makes on its own
 * (component updates, sync, safe-browsing lists, first-run pages).
 */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export function isChromiumInstalled(): boolean {
	try {
		fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** CI must run the browser test; locally it may be skipped when Chromium is missing. */
export function browserTestMustRun(): boolean {
	return process.env.CI === 'true';
}

export interface EditorBrowser {
	page: Page;
	close(): Promise<void>;
}

/** A headless Chromium with a new, empty profile (removed on close) and one page at 1440×900. */
export async function launchEditorBrowser(): Promise<EditorBrowser> {
	// n8n's editor marks its elements with data-test-id, not Playwright's default data-testid.
	selectors.setTestIdAttribute('data-test-id');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-e2e-'));
	let context: BrowserContext | undefined;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: CHROMIUM_FLAGS,
			viewport: { width: 1440, height: 900 },
			// A 2-core runner shared with n8n loads the editor's bundle slowly.
			timeout: 120_000,
		});
	} catch (error) {
		fs.rmSync(profile, { recursive: true, force: true });
		throw error;
	}
	const page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(60_000);
	page.setDefaultNavigationTimeout(120_000);
	const openedContext = context;
	return {
		page,
		async close() {
			await openedContext.close().catch(() => undefined);
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}
