// Shipped code (nodes/, credentials/, lib/ and package.json) gets n8n's community
// node config with cloud support, the rules n8n's verification scanner applies.
// The sandbox, tests, benchmarks and scripts never ship: they are servers and
// harnesses that need timers, `process` and the console, so they get an ordinary
// TypeScript config. This is why package.json says `"strict": false`: n8n-node's
// strict mode only accepts its default config file, which cannot draw that line.
import { config as n8nConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';
import js from '@eslint/js';

const SHIPPED_TS = ['nodes/**/*.ts', 'credentials/**/*.ts', 'lib/**/*.ts'];
const DEV_ONLY = ['sandbox/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'];

const scopedToShipped = n8nConfig.map((entry) =>
	Array.isArray(entry.files) && entry.files.includes('**/*.ts') ? { ...entry, files: SHIPPED_TS } : entry,
);

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', '.n8n-runtime/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
	...scopedToShipped,
	{
		files: DEV_ONLY,
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
);
