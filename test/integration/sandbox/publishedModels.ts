/**
 * A run-time check of JSON against OVHcloud's published models: the `sms` and `telephony`
 * interfaces of `@ovh-api/sms`'s declaration file, read with the TypeScript compiler API (so the
 * check is derived from the same types the compiler uses, not typed in again). A field the
 * model marks required must be there and not null; an optional one (the schema's `canBeNull`)
 * may be absent or null; a field the model does not have is an error, unless it is one of the
 * 2024 schema fields lib/ovh/models.ts adds. Enums, arrays, nested models and
 * `Record`-like index types are checked; anything else it cannot read fails loudly.
 */
import fs from 'node:fs';
import ts from 'typescript';

interface Field {
	optional: boolean;
	type: ts.TypeNode;
}
type Model = Map<string, Field>;

/** Fields of the 2024 schema that `@ovh-api/sms` 3.1.26 predates (see lib/ovh/models.ts). */
const SCHEMA_2024_FIELDS: Record<string, Record<string, (value: unknown) => boolean>> = {
	'sms.Account': {
		channel: (v) => v === 'both' || v === 'marketing' || v === 'transactional',
		smpp: (v) => typeof v === 'boolean',
		iam: (v) => {
			const iam = v as Record<string, unknown>;
			const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
			return (
				typeof iam === 'object' &&
				iam !== null &&
				typeof iam.id === 'string' &&
				uuid.test(iam.id) &&
				typeof iam.urn === 'string' &&
				typeof iam.tags === 'object' &&
				iam.tags !== null
			);
		},
	},
	'sms.SmsSendingReport': { tag: (v) => typeof v === 'string' },
	'sms.Outgoing': { messageID: (v) => v === null || typeof v === 'string' },
};

function readModels(): { models: Map<string, Model>; aliases: Map<string, ts.TypeNode> } {
	const file = require.resolve('@ovh-api/sms/index.d.ts');
	const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2021, true);
	const models = new Map<string, Model>();
	const aliases = new Map<string, ts.TypeNode>();
	source.forEachChild((node) => {
		if (!ts.isModuleDeclaration(node) || !node.body || !ts.isModuleBlock(node.body)) return;
		const namespace = node.name.text;
		for (const statement of node.body.statements) {
			if (ts.isInterfaceDeclaration(statement)) {
				const model: Model = new Map();
				for (const member of statement.members) {
					if (ts.isPropertySignature(member) && member.type) {
						model.set(member.name.getText(source), { optional: member.questionToken !== undefined, type: member.type });
					}
				}
				models.set(`${namespace}.${statement.name.text}`, model);
			} else if (ts.isTypeAliasDeclaration(statement)) {
				aliases.set(`${namespace}.${statement.name.text}`, statement.type);
			}
		}
	});
	return { models, aliases };
}

const { models, aliases } = readModels();

export function hasModel(name: string): boolean {
	return models.has(name);
}

function checkType(type: ts.TypeNode, value: unknown, path: string, problems: string[]): void {
	if (type.kind === ts.SyntaxKind.StringKeyword) {
		if (typeof value !== 'string') problems.push(`${path}: a string was expected, got ${JSON.stringify(value)}`);
	} else if (type.kind === ts.SyntaxKind.NumberKeyword) {
		if (typeof value !== 'number') problems.push(`${path}: a number was expected, got ${JSON.stringify(value)}`);
	} else if (type.kind === ts.SyntaxKind.BooleanKeyword) {
		if (typeof value !== 'boolean') problems.push(`${path}: a boolean was expected, got ${JSON.stringify(value)}`);
	} else if (ts.isArrayTypeNode(type)) {
		if (!Array.isArray(value)) problems.push(`${path}: an array was expected, got ${JSON.stringify(value)}`);
		else value.forEach((item, index) => checkType(type.elementType, item, `${path}[${index}]`, problems));
	} else if (ts.isUnionTypeNode(type)) {
		const allowed = type.types.map((member) => (ts.isLiteralTypeNode(member) ? JSON.parse(member.literal.getText()) : undefined));
		if (allowed.includes(undefined)) throw new Error(`${path}: a union the checker cannot read: ${type.getText()}`);
		if (!allowed.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
	} else if (ts.isLiteralTypeNode(type)) {
		if (value !== JSON.parse(type.literal.getText())) problems.push(`${path}: ${JSON.stringify(value)} is not ${type.getText()}`);
	} else if (ts.isTypeReferenceNode(type)) {
		const name = type.typeName.getText();
		const alias = aliases.get(name);
		if (alias) checkType(alias, value, path, problems);
		else if (models.has(name)) problems.push(...modelProblems(name, value, path));
		else throw new Error(`${path}: an unknown type ${name}`);
	} else {
		throw new Error(`${path}: a type the checker cannot read: ${type.getText()}`);
	}
}

/** Every way `value` breaks the model `name` (e.g. `sms.Outgoing`); empty when it matches. */
export function modelProblems(name: string, value: unknown, path = name): string[] {
	const model = models.get(name);
	if (!model) throw new Error(`No published model ${name}`);
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return [`${path}: an object was expected, got ${JSON.stringify(value)}`];
	const problems: string[] = [];
	const extras = SCHEMA_2024_FIELDS[name] ?? {};
	for (const [field, { optional, type }] of model) {
		const fieldValue = (value as Record<string, unknown>)[field];
		if (fieldValue === undefined || fieldValue === null) {
			if (!optional) problems.push(`${path}.${field}: required and not null in the model, got ${fieldValue === null ? 'null' : 'nothing'}`);
			continue;
		}
		checkType(type, fieldValue, `${path}.${field}`, problems);
	}
	for (const [field, fieldValue] of Object.entries(value)) {
		if (model.has(field)) continue;
		const extra = extras[field];
		if (!extra) problems.push(`${path}.${field}: not in the model`);
		else if (!extra(fieldValue)) problems.push(`${path}.${field}: ${JSON.stringify(fieldValue)} does not match the 2024 schema`);
	}
	return problems;
}
