// Imported first by every bench process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Under tsx, `import './OvhSms.node'` finds the codex file `OvhSms.node.json` before
// `OvhSms.node.ts`: Node tries `.json` before the extensions tsx registers. Moving `.json`
// last makes the node's TypeScript source win, as it does under jest.
const extensions = require.extensions as Record<string, unknown>;
const json = extensions['.json'];
delete extensions['.json'];
extensions['.json'] = json;

// n8n-core writes an encryption key into the user folder on its first run: keep it out of ~.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ovh-sms-bench-'));

export {};
