// n8n-core writes an encryption key to $N8N_USER_FOLDER/.n8n/config on its first
// execution (to ~/.n8n when unset). Keep every test run's state in a temp folder.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ovh-sms-test-'));
}
