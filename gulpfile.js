// The build: clean, compile, copy icons and codex files, bundle the third-party code that
// runs at run time into dist (n8n installs a community package without its dependencies,
// and verification forbids runtime dependencies), then prove dist requires nothing else.
const { src, dest, series } = require('gulp');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const DIST = path.join(__dirname, 'dist');

/** Third-party modules shipped inside dist: import specifier -> file to vendor. */
const CSV_PARSE_SYNC = require.resolve('csv-parse/sync');
const VENDORED = {
	'csv-parse/sync': { file: CSV_PARSE_SYNC, licence: path.resolve(path.dirname(CSV_PARSE_SYNC), '../../LICENSE') },
};

/** What dist may require: n8n-workflow (a peer dependency n8n provides), its own relative
 * files, and the one Node built-in n8n's cloud rules allow. */
const ALLOWED_REQUIRES = new Set(['n8n-workflow', 'crypto', 'node:crypto']);

function clean(done) {
	fs.rmSync(DIST, { recursive: true, force: true });
	done();
}

function compile(done) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { stdio: 'inherit' });
	done();
}

function copyAssets() {
	return src(['icons/**/*.svg', 'nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(DIST));
}

function walk(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? walk(full) : [full];
	});
}

function bundleThirdParty(done) {
	for (const [specifier, { file, licence }] of Object.entries(VENDORED)) {
		const target = path.join(DIST, 'vendor', `${specifier}.js`);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(file, target);
		fs.copyFileSync(licence, path.join(path.dirname(target), 'LICENSE'));
	}
	for (const file of walk(DIST).filter((f) => f.endsWith('.js') && !f.includes(`${path.sep}vendor${path.sep}`))) {
		const code = fs.readFileSync(file, 'utf8');
		const rewritten = code.replace(/require\((["'])([^"']+)\1\)/g, (match, quote, specifier) => {
			if (!VENDORED[specifier]) return match;
			let relative = path
				.relative(path.dirname(file), path.join(DIST, 'vendor', specifier))
				.split(path.sep)
				.join('/');
			if (!relative.startsWith('.')) relative = `./${relative}`;
			return `require(${quote}${relative}${quote})`;
		});
		if (rewritten !== code) fs.writeFileSync(file, rewritten);
	}
	done();
}

function checkRequires(done) {
	const offending = [];
	for (const file of walk(DIST).filter((f) => f.endsWith('.js'))) {
		const code = fs.readFileSync(file, 'utf8');
		for (const [, , specifier] of code.matchAll(/require\((["'])([^"']+)\1\)/g)) {
			if (specifier.startsWith('.') || ALLOWED_REQUIRES.has(specifier)) continue;
			offending.push(`${path.relative(__dirname, file)}: require("${specifier}")`);
		}
	}
	if (offending.length) {
		done(new Error(`dist requires modules a user's n8n will not have:\n  ${offending.join('\n  ')}`));
		return;
	}
	done();
}

exports.checkRequires = checkRequires;
exports.build = series(clean, compile, copyAssets, bundleThirdParty, checkRequires);
exports.default = exports.build;
