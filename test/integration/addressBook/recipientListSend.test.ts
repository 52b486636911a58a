// A recipient list created from a CSV by the Address Book node, then used by the send node.
import { startSandbox, type Sandbox } from '../../../sandbox';
import { OvhSmsAddressBook } from '../../../nodes/OvhSmsAddressBook/OvhSmsAddressBook.node';
import { registerNodeType, runNode } from '../../support/n8nEngine';
import { accountOf, credentialsFor } from '../sender/fixtures';

registerNodeType('n8n-nodes-ovh-sms.ovhSmsAddressBook', new OvhSmsAddressBook());

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ deliveryDelayMs: 10 });
});
afterAll(() => sandbox.close());

test('a list created from a CSV reaches every valid number of the file, once', async () => {
	const csv = 'number;firstname\n06 44 00 00 01;Ana\n+33644000002;Ben\n0644000001;Ana twice\nnope;Cid\n';
	const created = await runNode({
		type: 'ovhSmsAddressBook',
		parameters: {
			serviceName: accountOf(sandbox),
			resource: 'recipientList',
			operation: 'create',
			newSlotId: 6,
			listDescription: 'Launch',
			listSource: 'binary',
			binaryPropertyName: 'data',
			numberColumn: 'number',
		},
		items: [{ json: {}, binary: { data: { data: Buffer.from(csv).toString('base64'), mimeType: 'text/csv', fileName: 'launch.csv' } } }],
		credentials: credentialsFor(sandbox),
	});
	expect(created.output[0].json).toMatchObject({ slotId: 6, records: 2, rejected: 2 });

	const sent = await runNode({
		type: 'ovhSms',
		parameters: {
			serviceName: accountOf(sandbox),
			resource: 'sms',
			operation: 'send',
			senderType: 'sender',
			sender: { __rl: true, mode: 'name', value: 'MyCompany' },
			recipientSource: 'recipientList',
			recipientListSlot: '6',
			message: 'Our launch is today',
		},
		credentials: credentialsFor(sandbox),
	});
	expect(sent.status).toBe('success');
	const outgoing = Object.values(sandbox.state.accounts[sandbox.serviceName].outgoing);
	expect(outgoing.map((sms) => sms.receiver).sort()).toEqual(['+33644000001', '+33644000002']);
});
