/** Two projects: `unit` (pure functions, no server) and `integration`
 * (the sandbox and the real n8n engine). `npm test` runs both. */
const common = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] },
	moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
	testTimeout: 60000,
	reporters: ['default', '<rootDir>/test/support/totals-reporter.js'],
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{
			...common,
			displayName: 'integration',
			testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
			setupFiles: ['<rootDir>/test/support/n8n-user-folder.js'],
		},
		{
			// A real n8n 2.x server (Node 24) with this pack installed as a community package.
			...common,
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			setupFiles: ['<rootDir>/test/support/n8n-user-folder.js'],
		},
	],
};
