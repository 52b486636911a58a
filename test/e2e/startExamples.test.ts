/**
 * `npm start` imports the example workflows on every start. A user who edited an example must find
 * their version after a restart: only examples n8n does not hold yet are imported (n8n's CLI, as
 * `scripts/start.mjs` calls it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INSTALL_AND_START_TIMEOUT_MS, readExampleWorkflows, type ExampleWorkflow } from './support/exampleServer';
import { loadN8nRuntime } from './support/loadN8nRuntime';

jest.setTimeout(180_000);

describe('npm start and the example workflows', () => {
	const runtime = loadN8nRuntime();
	let userFolder: string;

	beforeAll(async () => {
		await runtime.ensureRuntime({ log: () => {} });
		userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-start-examples-'));
	}, INSTALL_AND_START_TIMEOUT_MS);

	afterAll(() => fs.rmSync(userFolder, { recursive: true, force: true }));

	const namesById = async () => {
		const { stdout } = await runtime.n8nCli(['list:workflow'], { userFolder });
		return new Map(
			stdout
				.split('\n')
				.map((line) => line.trim().split('|'))
				.filter((parts) => parts.length === 2)
				.map(([id, name]) => [id, name] as [string, string]),
		);
	};

	test('imports every example on the first start, then never writes over a workflow the user changed', async () => {
		// As npm start reads them: the workflow files, without the name of the file they came from.
		const examples = readExampleWorkflows().map(
			(example) =>
				Object.fromEntries(Object.entries(example).filter(([key]) => key !== 'file')) as Pick<ExampleWorkflow, 'id' | 'name' | 'active'> &
					Record<string, unknown>,
		);
		expect(examples.length).toBeGreaterThan(1);
		const [edited, ...others] = examples;

		const first = await runtime.importMissingWorkflows(examples, { userFolder });
		expect(first.imported.sort()).toEqual(examples.map((workflow) => workflow.id).sort());
		expect(first.kept).toEqual([]);

		// The user renames one example in the editor (the same write as an import under its id).
		await runtime.importWorkflows([{ ...edited, name: 'My own version' }], { userFolder });

		const second = await runtime.importMissingWorkflows(examples, { userFolder });
		expect(second.imported).toEqual([]);
		expect(second.kept.sort()).toEqual(examples.map((workflow) => workflow.id).sort());

		const names = await namesById();
		expect(names.get(edited.id)).toBe('My own version');
		for (const workflow of others) expect(names.get(workflow.id)).toBe(workflow.name);
	});
});
