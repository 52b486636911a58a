// Runs n8n's verification scanner (@n8n/scan-community-package) the way it runs on a
// published package, minus the provenance and download steps: its rule set over the
// source it would fetch from GitHub, and over the files `npm pack` would publish.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!fs.existsSync(path.join(root, 'dist'))) {
	console.error('lint-dist: no dist/ folder, run `npm run build` first');
	process.exit(1);
}

const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovh-sms-pack-'));
try {
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }),
	);
	execFileSync('tar', ['-xzf', path.join(packDir, filename), '-C', packDir]);
	const published = path.join(packDir, 'package');

	const results = [
		['source (nodes/, credentials/, package.json)', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		['published package (**/*.js, package.json)', await analyzePackage(published, ['**/*.js', 'package.json'])],
	];
	let failed = false;
	for (const [what, result] of results) {
		if (result.passed) console.log(`scanner: ${what}: clean`);
		else {
			failed = true;
			console.error(`scanner: ${what}: ${result.message}\n${result.details ?? ''}`);
		}
	}
	process.exit(failed ? 1 : 0);
} finally {
	fs.rmSync(packDir, { recursive: true, force: true });
}
